using System.Globalization;

namespace SeattleWeatherService.Replay;

/// <summary>Reads seattle-weather.csv. A malformed line is reported with its number and skipped, never fatal.</summary>
internal static class WeatherCsv
{
    private const string Header = "date,precipitation,temp_max,temp_min,wind,weather";

    /// <summary>Reads the copy embedded in the example.</summary>
    public static (List<WeatherDay> Days, List<string> Problems) ReadEmbedded()
    {
        using Stream stream = typeof(WeatherCsv).Assembly.GetManifestResourceStream("seattle-weather.csv")
            ?? throw new InvalidOperationException("The embedded seattle-weather.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        return Read(reader, "seattle-weather.csv (embedded)");
    }

    /// <summary>Reads the embedded copy, writing each skipped line to <paramref name="problems"/>.</summary>
    public static List<WeatherDay> ReadEmbedded(TextWriter problems)
    {
        var (days, skipped) = ReadEmbedded();
        foreach (string problem in skipped)
        {
            problems.WriteLine($"skipped: {problem}");
        }

        return days;
    }

    /// <summary>Reads a file of the same shape; <paramref name="source"/> names it in problems.</summary>
    public static (List<WeatherDay> Days, List<string> Problems) Read(TextReader reader, string source)
    {
        var days = new List<WeatherDay>();
        var problems = new List<string>();
        string? header = reader.ReadLine();
        if (header?.Trim() != Header)
        {
            problems.Add($"{source}:1: expected the header '{Header}'");
            return (days, problems);
        }

        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length != 6)
            {
                problems.Add($"{source}:{lineNumber}: expected 6 fields, found {fields.Length}");
                continue;
            }

            if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
                || !TryNumber(fields[1], out float precipitation)
                || !TryNumber(fields[2], out float tempMax)
                || !TryNumber(fields[3], out float tempMin)
                || !TryNumber(fields[4], out float wind)
                || !Enum.TryParse(fields[5], ignoreCase: true, out Weather weather)
                || !Enum.IsDefined(weather))
            {
                problems.Add($"{source}:{lineNumber}: a field does not parse: '{line}'");
                continue;
            }

            days.Add(new WeatherDay(date, precipitation, tempMax, tempMin, wind, weather));
        }

        return (days, problems);
    }

    private static bool TryNumber(string text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
