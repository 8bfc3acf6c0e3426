using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MonitorGen;
using MonitorGen.Statistics;

namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>
/// The window table of docs/benchmarks/drift-power.md: how often a window of real drift is flagged as dataset drift
/// (power), beside how often a drift-free window of the same data is (false alarms), under calibrated and fixed thresholds.
/// </summary>
internal static class WindowPower
{
    private const int Windows = 1000;
    private const int Splits = 20;
    private const int SeattleReferenceDays = 1001;
    private const int PenguinHoldout = 90;
    private static readonly int[] WindowSizes = [30, 90];

    public static void Run()
    {
        Console.WriteLine("| data | drifted windows | drift-free windows | n | thresholds | power (dataset drift) | false alarms (dataset drift) | power (per feature) | false alarms (per feature) |");
        Console.WriteLine("|---|---|---|---:|---|---:|---:|---:|---:|");
        Seattle();
        Penguins();
    }

    // Fitted on 1,001 random days of the four years (all seasons; over 1,000 rows, so the defaults choose wasserstein), 20
    // splits; both kinds of window come from the other 460 days.
    private static void Seattle()
    {
        (DateOnly Date, WeatherReading Reading)[] days = WeatherReading.Days();
        var tallies = new Tallies();
        for (int split = 0; split < Splits; split++)
        {
            var shuffled = Draw(days, days.Length, new Random(split));
            ReferenceProfile profile = WeatherReading.FitProfile(shuffled[..SeattleReferenceDays].Select(d => d.Reading));
            WeatherReading[] serving = shuffled[SeattleReferenceDays..].Select(d => d.Reading).ToArray();
            WeatherReading[] winter = shuffled[SeattleReferenceDays..].Where(d => d.Date.Month is 12 or 1 or 2).Select(d => d.Reading).ToArray();
            foreach ((int n, ThresholdMode mode, Tally shifted, Tally quiet) in tallies.Cells)
            {
                using WeatherReadingMonitor monitor = WeatherReading.CreateMonitor(profile, Options(mode));
                CheckWindows(split, n, winter, serving, shifted, quiet, row => monitor.Observe(row), monitor.CheckDrift);
            }
        }

        tallies.Write("Seattle weather, fitted on 1,001 random days of 2012–15", "winter days of the other 460", "any of the other 460 days");
    }

    // Fitted on the other islands less a hold-out of 90 penguins, which the drift-free windows are drawn from; 20 splits.
    private static void Penguins()
    {
        Penguin[] all = Penguin.All();
        foreach (string island in all.Select(p => p.Island).Distinct().Order(StringComparer.Ordinal))
        {
            Penguin[] drifted = all.Where(p => p.Island == island).ToArray();
            Penguin[] others = all.Where(p => p.Island != island).ToArray();
            var tallies = new Tallies(drifted.Length);
            for (int split = 0; split < Splits; split++)
            {
                Penguin[] shuffled = Draw(others, others.Length, new Random(split));
                Penguin[] holdout = shuffled[..PenguinHoldout];
                ReferenceProfile profile = Penguin.FitProfile(shuffled[PenguinHoldout..]);
                foreach ((int n, ThresholdMode mode, Tally shifted, Tally quiet) in tallies.Cells)
                {
                    using PenguinMonitor monitor = Penguin.CreateMonitor(profile, Options(mode));
                    CheckWindows(split, n, drifted, holdout, shifted, quiet, row => monitor.Observe(row), monitor.CheckDrift);
                }
            }

            tallies.Write($"penguins, fitted on the islands other than {island}", $"{drifted.Length} penguins of {island}",
                $"{PenguinHoldout} held-out penguins of the other islands");
        }
    }

    // A window of 30 penguins often holds one with no measurements, which the default minimum of 30 values would skip.
    private static MonitorOptions Options(ThresholdMode mode) => new() { Thresholds = mode, MinimumWindowSize = 25 };

    // One split's share of the windows: each drawn, observed and checked, a drifted one and a drift-free one in turn.
    private static void CheckWindows<T>(int split, int n, T[] drifted, T[] driftFree, Tally shifted, Tally quiet, Action<T> observe, Func<DriftReport> check)
    {
        for (int w = 0; w < Windows / Splits; w++)
        {
            int seed = (split * Windows) + w;
            shifted.Add(Check(Draw(drifted, n, new Random(seed)), observe, check));
            quiet.Add(Check(Draw(driftFree, n, new Random(-1 - seed)), observe, check));
        }
    }

    private static DriftReport Check<T>(T[] rows, Action<T> observe, Func<DriftReport> check)
    {
        foreach (T row in rows)
        {
            observe(row);
        }

        return check();
    }

    // n rows without replacement (a partial Fisher–Yates shuffle).
    private static T[] Draw<T>(T[] rows, int n, Random random)
    {
        T[] copy = (T[])rows.Clone();
        for (int i = 0; i < n; i++)
        {
            int j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..n];
    }

    // Per window size (those the drifted rows can fill) and threshold mode, the drifted and the drift-free windows' tallies.
    private sealed class Tallies(int available = int.MaxValue)
    {
        public (int N, ThresholdMode Mode, Tally Shifted, Tally Quiet)[] Cells { get; } =
            WindowSizes.Where(n => n <= available)
                .SelectMany(n => new[] { ThresholdMode.Calibrated, ThresholdMode.Fixed }.Select(mode => (n, mode, new Tally(), new Tally())))
                .ToArray();

        public void Write(string data, string drifted, string quiet)
        {
            foreach ((int n, ThresholdMode mode, Tally shifted, Tally free) in Cells)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {data} | {drifted} | {quiet} | {n} | {(mode == ThresholdMode.Calibrated ? "calibrated" : "fixed")} | {shifted.DatasetRate:P1} | {free.DatasetRate:P1} | {shifted.FeatureRate:P1} | {free.FeatureRate:P1} |"));
            }
        }
    }

    private sealed class Tally
    {
        private int _windows;
        private int _datasetDrift;
        private int _tested;
        private int _drifted;

        public double DatasetRate => (double)_datasetDrift / _windows;

        public double FeatureRate => (double)_drifted / _tested;

        public void Add(DriftReport report)
        {
            _windows++;
            _datasetDrift += report.DatasetDrift ? 1 : 0;
            _tested += report.TestedFeatures;
            _drifted += report.DriftedFeatures;
        }
    }
}
