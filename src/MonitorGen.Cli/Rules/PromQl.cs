using System;
using System.Globalization;
using System.Text;
using MonitorGen.Telemetry;

namespace MonitorGen.Cli.Rules;

/// <summary>PromQL text: the Prometheus names of MonitorGen's instruments, literals and durations.</summary>
internal static class PromQl
{
    /// <summary>The name the OpenTelemetry Prometheus exporter gives an instrument: dots become underscores, and a counter
    /// ends in <c>_total</c>.</summary>
    public static string Name(string instrument, bool counter) => instrument.Replace('.', '_') + (counter ? "_total" : "");

    public static readonly string Predictions = Name(InstrumentNames.Predictions, counter: true);
    public static readonly string PredictionErrors = Name(InstrumentNames.PredictionErrors, counter: true);
    public static readonly string SelfErrors = Name(InstrumentNames.SelfErrors, counter: true);
    public static readonly string DriftDetected = Name(InstrumentNames.DriftDetected, counter: false);
    public static readonly string BinRows = Name(InstrumentNames.FeatureBinRows, counter: true);

    /// <summary>The data-quality counters, as one regular expression over <c>__name__</c> (PromQL anchors it).</summary>
    public static readonly string DataQualityNames = string.Join("|",
        Name(InstrumentNames.FeatureMissing, true), Name(InstrumentNames.FeatureNonFinite, true),
        Name(InstrumentNames.FeatureOutOfRange, true), Name(InstrumentNames.FeatureUnseenCategory, true));

    /// <summary>The Prometheus label of a tag: dots become underscores (<c>model.version</c> is <c>model_version</c>).</summary>
    public static string Label(string tag) => tag.Replace('.', '_');

    public static readonly string Model = Label(InstrumentNames.ModelTag);
    public static readonly string ModelVersion = Label(InstrumentNames.ModelVersionTag);
    public static readonly string Record = Label(InstrumentNames.RecordTag);
    public static readonly string Feature = Label(InstrumentNames.FeatureTag);
    public static readonly string Bin = Label(InstrumentNames.BinTag);
    public static readonly string Source = Label(InstrumentNames.SourceTag);

    /// <summary>A double-quoted PromQL string: backslash, quote and control characters escaped.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                '\t' => text.Append(@"\t"),
                < ' ' => text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>A label matcher, <c>name="value"</c>.</summary>
    public static string Is(string label, string value) => label + "=" + String(value);

    /// <summary>A number as PromQL reads it back exactly: the shortest round-trip form.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A Prometheus duration, such as <c>1h30m</c> or <c>45s</c>; whole milliseconds.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        long ms = (long)duration.TotalMilliseconds;
        foreach ((string unit, long size) in new[] { ("d", 86_400_000L), ("h", 3_600_000L), ("m", 60_000L), ("s", 1_000L), ("ms", 1L) })
        {
            if (ms >= size)
            {
                text.Append(CultureInfo.InvariantCulture, $"{ms / size}{unit}");
                ms %= size;
            }
        }

        return text.ToString();
    }

    /// <summary>Reads a Prometheus duration (<c>30s</c>, <c>10m</c>, <c>1h30m</c>, <c>1w</c>); null when it is not one.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        long total = 0;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out long amount))
            {
                return null;
            }

            long? unit = text.AsSpan(i).StartsWith("ms") ? 1L
                : i < text.Length ? text[i] switch { 's' => 1_000L, 'm' => 60_000L, 'h' => 3_600_000L, 'd' => 86_400_000L, 'w' => 604_800_000L, _ => null }
                : null;
            if (unit is not { } size || amount > TimeSpan.MaxValue.TotalMilliseconds / size)
            {
                return null;
            }

            i += size == 1 ? 2 : 1;
            total += amount * size;
        }

        return TimeSpan.FromMilliseconds(total);
    }
}
