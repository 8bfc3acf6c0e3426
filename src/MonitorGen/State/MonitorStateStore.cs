using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using MonitorGen.Profiles;

namespace MonitorGen.State;

/// <summary>
/// Writes a monitor's window state atomically (a temporary file, then a rename), and reads one back only if it belongs to
/// this monitor: same format version, schema hash and profile, the same features with windows of the sizes this
/// monitor's profile and options give, and counts that are consistent. Anything else is a <see cref="MonitorStateException"/>.
/// </summary>
internal static class MonitorStateStore
{
    public static void Save(MonitorStateDocument state, string path)
    {
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp";
        using (FileStream stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, state, MonitorStateJsonContext.Default.MonitorStateDocument);
        }

        File.Move(temporary, full, overwrite: true);
    }

    public static MonitorStateDocument Load(string path, MonitorSchema schema, ReferenceProfile profile, MonitorOptions options)
    {
        MonitorStateDocument? state;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > ProfileLimits.MaxBytes)
            {
                throw new MonitorStateException(path, $"the file is {info.Length} bytes, more than the limit of {ProfileLimits.MaxBytes}");
            }

            using FileStream stream = File.OpenRead(path);
            state = JsonSerializer.Deserialize(stream, MonitorStateJsonContext.Default.MonitorStateDocument);
        }
        catch (JsonException ex)
        {
            throw new MonitorStateException(path, $"not valid monitor state JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MonitorStateException(path, ex.Message, ex);
        }

        Validate(path, state ?? throw new MonitorStateException(path, "the document is null"), schema, profile, options);
        return state;
    }

    private static void Validate(string path, MonitorStateDocument state, MonitorSchema schema, ReferenceProfile profile, MonitorOptions options)
    {
        Require(path, state.FormatVersion == MonitorStateDocument.CurrentFormatVersion,
            $"format version {state.FormatVersion} is not supported (this library reads version {MonitorStateDocument.CurrentFormatVersion})");
        Require(path, string.Equals(state.SchemaHash, schema.SchemaHash, StringComparison.Ordinal) && string.Equals(state.TypeName, schema.TypeName, StringComparison.Ordinal),
            $"it was saved by '{state.TypeName}' with schema hash {state.SchemaHash}, not by '{schema.TypeName}' with {schema.SchemaHash}");
        Require(path, state.ProfileCreatedUtc == profile.CreatedUtc,
            $"it was observed against a profile fitted at {state.ProfileCreatedUtc:O}, not against this one ({profile.CreatedUtc:O})");
        Require(path, state.Features is not null && state.Features.Count == schema.Features.Count, "its features are not the type's");
        Require(path, state.RingRows is not null && state.RingRowsWithIssues is not null, "its ring rows are missing");
        int subWindows = options.Window.SubWindows;
        Require(path, subWindows > 1 || (state.RingRows.Length == 0 && state.RingRowsWithIssues.Length == 0), "it holds a sliding ring, but the window policy is not sliding");
        Require(path, state.RingRows.Length <= subWindows && state.RingRows.Length == state.RingRowsWithIssues.Length, "its ring does not fit the window policy");
        RequireRows(path, state.OpenRows, state.OpenRowsWithIssues, "the open window");
        for (int i = 0; i < state.RingRows.Length; i++)
        {
            RequireRows(path, state.RingRows[i], state.RingRowsWithIssues[i], $"sub-window {i}");
        }

        for (int i = 0; i < schema.Features.Count; i++)
        {
            FeatureWindowState feature = state.Features[i] ?? throw new MonitorStateException(path, $"feature {i} is null");
            FeatureSchema declared = schema.Features[i];
            Require(path, string.Equals(feature.Name, declared.Name, StringComparison.Ordinal), $"feature {i} is '{feature.Name}', not '{declared.Name}'");
            Require(path, feature.Open is not null && feature.Ring is not null && feature.Ring.Length == state.RingRows.Length,
                $"feature '{declared.Name}' lacks its open window or has a ring of another length");
            FeatureProfile fitted = profile.Features.Find(f => f.Name == declared.Name)!;
            int slots = declared.Kind == FeatureKind.Numerical ? fitted.BinCounts.Length : fitted.Categories.Length + 1;
            foreach (WindowState window in (IEnumerable<WindowState>)[feature.Open, .. feature.Ring])
            {
                RequireWindow(path, declared, window, slots, options.SampleSize);
            }
        }
    }

    private static void RequireWindow(string path, FeatureSchema feature, WindowState window, int slots, int sampleSize)
    {
        string where = $"feature '{feature.Name}'";
        Require(path, window is not null && window.Counts is not null && window.Counts.Length == slots, $"{where} has a window of another size than its profile's {slots}");
        long total = 0;
        foreach (long count in window.Counts)
        {
            Require(path, count >= 0 && total <= long.MaxValue - count, $"{where} has a negative or overflowing count");
            total += count;
        }

        Require(path, window.Missing >= 0 && window.NonFinite >= 0 && window.OutOfRange >= 0 && window.UnseenCategory >= 0, $"{where} has a negative data-quality count");
        if (feature.Kind != FeatureKind.Numerical)
        {
            Require(path, window.Sample is null || window.Sample.Length == 0, $"{where} is categorical but has a sample");
            return;
        }

        Require(path, window.Sample is not null && window.SampleSeen == total && window.MomentCount == total,
            $"{where} has {total} binned values but a sample of {window.SampleSeen} and moments of {window.MomentCount}");
        Require(path, window.Sample!.Length == Math.Min(total, sampleSize), $"{where} has {window.Sample.Length} sampled values where {Math.Min(total, sampleSize)} were expected");
        foreach (double value in window.Sample)
        {
            Require(path, double.IsFinite(value), $"{where} has a non-finite sampled value");
        }

        Require(path, total == 0 || (double.IsFinite(window.Mean) && double.IsFinite(window.M2) && window.M2 >= 0 && double.IsFinite(window.Min) && double.IsFinite(window.Max) && window.Min <= window.Max),
            $"{where} has invalid moments");
    }

    private static void RequireRows(string path, long rows, long withIssues, string what) =>
        Require(path, rows >= 0 && withIssues >= 0 && withIssues <= rows, $"{what} has invalid row counts ({rows} rows, {withIssues} with issues)");

    private static void Require(string path, [DoesNotReturnIf(false)] bool condition, string problem)
    {
        if (!condition)
        {
            throw new MonitorStateException(path, problem);
        }
    }
}
