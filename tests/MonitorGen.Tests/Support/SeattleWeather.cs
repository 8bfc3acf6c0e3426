using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Support;

/// <summary>The Seattle weather data set (Data/seattle-weather.csv), as monitored rows.</summary>
internal static class SeattleWeather
{
    private static readonly Lazy<IReadOnlyList<WeatherDay>> Days = new(Load);

    public static IReadOnlyList<WeatherDay> All => Days.Value;

    public static IEnumerable<WeatherDay> Months(params int[] months) =>
        All.Where(day => months.Contains(DateOnly.Parse(day.Date!, CultureInfo.InvariantCulture).Month));

    public static IEnumerable<WeatherDay> Summer => Months(6, 7, 8);

    public static IEnumerable<WeatherDay> Winter => Months(12, 1, 2);

    private static IReadOnlyList<WeatherDay> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv");
        return File.ReadLines(path).Skip(1).Select(line =>
        {
            string[] f = line.Split(',');
            return new WeatherDay
            {
                Date = f[0],
                Precipitation = double.Parse(f[1], CultureInfo.InvariantCulture),
                TempMax = double.Parse(f[2], CultureInfo.InvariantCulture),
                TempMin = double.Parse(f[3], CultureInfo.InvariantCulture),
                Wind = double.Parse(f[4], CultureInfo.InvariantCulture),
                Weather = Enum.Parse<WeatherKind>(f[5], ignoreCase: true),
            };
        }).ToArray();
    }
}
