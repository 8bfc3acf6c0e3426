using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>The Seattle weather data set in the repository's data/ folder, linked into the output's Data/ (see data/ATTRIBUTION.md).</summary>
internal static class SeattleWeather
{
    private static readonly Lazy<IReadOnlyList<(DateOnly Date, WeatherObservation Row)>> All = new(Load);

    /// <summary>June–August days, all years, in date order.</summary>
    public static IReadOnlyList<WeatherObservation> Summer => Months(6, 7, 8);

    /// <summary>
    /// December–February days without snow, all years, in date order. Summer has no snow, so a snow day is an unseen
    /// category, which is a data-quality issue rather than drift; see <see cref="WinterSnowDays"/>.
    /// </summary>
    public static IReadOnlyList<WeatherObservation> Winter => Months(12, 1, 2).Where(r => r.Weather != WeatherKind.Snow).ToArray();

    /// <summary>The 18 snow days, all in winter.</summary>
    public static IReadOnlyList<WeatherObservation> WinterSnowDays => Months(12, 1, 2).Where(r => r.Weather == WeatherKind.Snow).ToArray();

    /// <summary>Every other summer day, from the first: the training half the profile is fitted on.</summary>
    public static IReadOnlyList<WeatherObservation> SummerTraining => Summer.Where((_, i) => i % 2 == 0).ToArray();

    /// <summary>The other summer days: held out, in distribution.</summary>
    public static IReadOnlyList<WeatherObservation> SummerHeldOut => Summer.Where((_, i) => i % 2 == 1).ToArray();

    /// <summary><paramref name="count"/> rows spread evenly over <paramref name="rows"/>, so that a small sample spans every year and month.</summary>
    public static IReadOnlyList<WeatherObservation> Spread(IReadOnlyList<WeatherObservation> rows, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, rows.Count);
        var sample = new WeatherObservation[count];
        for (int i = 0; i < count; i++)
        {
            sample[i] = rows[(int)((long)i * rows.Count / count)];
        }

        return sample;
    }

    public static ReferenceProfile SummerProfile => WeatherObservationMonitor.Fit(SummerTraining);

    private static WeatherObservation[] Months(params int[] months) =>
        All.Value.Where(d => months.Contains(d.Date.Month)).Select(d => d.Row).ToArray();

    private static IReadOnlyList<(DateOnly, WeatherObservation)> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv");
        var rows = new List<(DateOnly, WeatherObservation)>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] f = line.Split(',');
            rows.Add((
                DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                new WeatherObservation
                {
                    Precipitation = double.Parse(f[1], CultureInfo.InvariantCulture),
                    TempMax = double.Parse(f[2], CultureInfo.InvariantCulture),
                    TempMin = double.Parse(f[3], CultureInfo.InvariantCulture),
                    Wind = double.Parse(f[4], CultureInfo.InvariantCulture),
                    Weather = Enum.Parse<WeatherKind>(f[5], ignoreCase: true),
                }));
        }

        if (rows.Count != 1461)
        {
            throw new InvalidDataException($"Expected 1461 days in {path}, read {rows.Count}.");
        }

        return rows;
    }
}
