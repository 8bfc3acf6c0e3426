using System.Globalization;

namespace SeattleWeatherMonitor;

/// <summary>Reads seattle-weather.csv. A malformed line is reported with its number and skipped, never fatal.</summary>
internal static class WeatherCsv
{
    private const string Header = "date,precipitation,temp_max,temp_min,wind,weather";

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
                || !TryNumber(fields[1], out double precipitation)
                || !TryNumber(fields[2], out double tempMax)
                || !TryNumber(fields[3], out double tempMin)
                || !Enum.TryParse(fields[5], ignoreCase: true, out Weather weather))
            {
                problems.Add($"{source}:{lineNumber}: a field does not parse: '{line}'");
                continue;
            }

            days.Add(new WeatherDay
            {
                Date = date,
                Precipitation = precipitation,
                TempMax = tempMax,
                TempMin = tempMin,
                // An empty wind reading is a missing value: the monitor counts it, the row still counts.
                Wind = TryNumber(fields[4], out double wind) ? wind : null,
                Weather = weather,
            });
        }

        return (days, problems);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
