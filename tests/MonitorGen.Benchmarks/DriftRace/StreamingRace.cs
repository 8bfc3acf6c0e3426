using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MonitorGen;
using MonitorGen.Statistics;
using MonitorGen.Windows;

namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>
/// The streaming race of docs/benchmarks/drift-power.md: the Seattle days in date order, the monitor fitted on 2012 and fed
/// 2013–2015 one day at a time, against River's detectors with their defaults on each of the four inputs.
/// </summary>
internal static class StreamingRace
{
    private const int FitYear = 2012;

    /// <summary>Days in the monitor's sliding window; it is checked every day.</summary>
    public const int WindowDays = 30;

    private const double LongRunLength = 20_000;
    private const int LongWindowDays = 60;
    private const int ShortWindowDays = 7;
    private const double ShortRunLength = 50;

    private static readonly string KswinName = $"KSWIN (α {Kswin.Alpha}, window {Kswin.WindowSize}, stat size {Kswin.StatSize}), any input";
    private static readonly string AdwinName = $"ADWIN (δ {Adwin.Delta}), any input";
    private static readonly string PageHinkleyName = $"Page–Hinkley (λ {PageHinkley.Threshold}, δ {PageHinkley.Delta}), any input";

    public static void Run()
    {
        (DateOnly Date, WeatherReading Reading)[] days = WeatherReading.Days();
        WeatherReading[] fit = days.Where(d => d.Date.Year == FitYear).Select(d => d.Reading).ToArray();
        var stream = days.Where(d => d.Date.Year > FitYear).ToArray();
        ReferenceProfile profile = WeatherReading.FitProfile(fit);

        var rows = new List<(string Name, bool[] Alarms)>
        {
            ($"MonitorGen, calibrated (the default; {WindowDays}-day sliding window checked daily, ERT 500)", Monitor(profile, stream, ThresholdMode.Calibrated)),
            ($"MonitorGen, fixed thresholds (Evidently's decision; the same window)", Monitor(profile, stream, ThresholdMode.Fixed)),
            (KswinName, Peer(stream, i => new Kswin(seed: 42 + i))),
            (AdwinName, Peer(stream, _ => new Adwin())),
            (PageHinkleyName, Peer(stream, _ => new PageHinkley())),
        };

        int[] winters = stream.Select(d => d.Date.Year).Distinct().Where(y => stream.Any(d => d.Date == new DateOnly(y, 12, 1))).ToArray();
        int[] summers = stream.Select(d => d.Date.Year).Distinct().ToArray();
        Console.WriteLine($"| detector | {string.Join(" | ", winters.Select(y => $"delay, winter {y}/{(y + 1) % 100:00} (days)"))} | {string.Join(" | ", summers.Select(y => $"false alarms, summer {y}"))} | alarms in 2013–2015 |");
        Console.WriteLine($"|---|{string.Concat(winters.Select(_ => "---:|"))}{string.Concat(summers.Select(_ => "---:|"))}---:|");
        foreach ((string name, bool[] alarms) in rows)
        {
            IEnumerable<string> delays = winters.Select(y => Delay(stream, alarms, y) is int d ? d.ToString(CultureInfo.InvariantCulture) : "missed");
            IEnumerable<string> summerAlarms = summers.Select(y => Onsets(alarms, i => stream[i].Date.Year == y && stream[i].Date.Month is 6 or 7 or 8).ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"| {name} | {string.Join(" | ", delays)} | {string.Join(" | ", summerAlarms)} | {Onsets(alarms, _ => true)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Days in alarm per season, 2013–2015 (a detector's signal is one day; the monitor's alarm lasts while its window drifts):");
        Console.WriteLine();
        Console.WriteLine("| detector | winter (Dec–Feb) | spring (Mar–May) | summer (Jun–Aug) | autumn (Sep–Nov) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach ((string name, bool[] alarms) in rows)
        {
            IEnumerable<string> seasons = new[] { new[] { 12, 1, 2 }, new[] { 3, 4, 5 }, new[] { 6, 7, 8 }, new[] { 9, 10, 11 } }.Select(months =>
            {
                int[] selected = Enumerable.Range(0, stream.Length).Where(i => months.Contains(stream[i].Date.Month)).ToArray();
                return $"{selected.Count(i => alarms[i])} of {selected.Length}";
            });
            Console.WriteLine($"| {name} | {string.Join(" | ", seasons)} |");
        }

        Spliced(days);
    }

    /// <summary>
    /// The same entrants on streams whose drift is known: 365 days drawn from the days the monitor was not fitted on (a random
    /// half of 2012–2015, all seasons: no drift), then 90 of its winter days; 200 seeded streams, the monitor refitted on each.
    /// </summary>
    private static void Spliced((DateOnly Date, WeatherReading Reading)[] days)
    {
        const int Runs = 200, QuietDays = 365, WinterDays = 90;
        string[] names =
        [
            $"MonitorGen, calibrated (the default: {WindowDays}-day window, ERT 500)", "MonitorGen, fixed thresholds", KswinName, AdwinName, PageHinkleyName,
            $"MonitorGen, calibrated, ERT {LongRunLength:N0} (ADWIN's false-alarm rate)", $"MonitorGen, calibrated, {ShortWindowDays}-day window, ERT {ShortRunLength} (Page–Hinkley's delay)",
            $"MonitorGen, calibrated, {LongWindowDays}-day window, ERT {LongRunLength:N0} (fewer false alarms than ADWIN)",
        ];
        var falseAlarms = new double[names.Length];
        var anyFalseAlarm = new int[names.Length];
        var delays = names.Select(_ => new List<int>()).ToArray();
        for (int run = 0; run < Runs; run++)
        {
            var random = new Random(run);
            var shuffled = days.OrderBy(_ => random.Next()).ToArray();
            var holdout = shuffled[(days.Length / 2)..];
            ReferenceProfile profile = WeatherReading.FitProfile(shuffled[..(days.Length / 2)].Select(d => d.Reading));
            var winter = holdout.Where(d => d.Date.Month is 12 or 1 or 2).ToArray();
            var stream = holdout.OrderBy(_ => random.Next()).Take(QuietDays).Concat(winter.OrderBy(_ => random.Next()).Take(WinterDays)).ToArray();
            bool[][] alarms =
            [
                Monitor(profile, stream, ThresholdMode.Calibrated),
                Monitor(profile, stream, ThresholdMode.Fixed),
                Peer(stream, i => new Kswin(seed: (run * 4) + i)),
                Peer(stream, _ => new Adwin()),
                Peer(stream, _ => new PageHinkley()),
                Monitor(profile, stream, ThresholdMode.Calibrated, expectedRunLength: LongRunLength),
                Monitor(profile, stream, ThresholdMode.Calibrated, windowDays: ShortWindowDays, expectedRunLength: ShortRunLength),
                Monitor(profile, stream, ThresholdMode.Calibrated, windowDays: LongWindowDays, expectedRunLength: LongRunLength),
            ];
            for (int e = 0; e < names.Length; e++)
            {
                int quiet = Onsets(alarms[e], i => i < QuietDays);
                falseAlarms[e] += quiet;
                anyFalseAlarm[e] += quiet > 0 ? 1 : 0;
                int first = Array.IndexOf(alarms[e], true, QuietDays);
                delays[e].Add(first < 0 ? int.MaxValue : first - QuietDays);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Spliced streams: {QuietDays} drift-free days, then {WinterDays} winter days; {Runs} seeded streams.");
        Console.WriteLine();
        Console.WriteLine("| detector | false alarms per 365 drift-free days | streams with a false alarm | median delay (days) | 90th percentile delay (days) | winters missed |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int e = 0; e < names.Length; e++)
        {
            int[] sorted = delays[e].Order().ToArray();
            string Quantile(double q) => sorted[(int)Math.Ceiling(q * sorted.Length) - 1] is var d && d != int.MaxValue ? d.ToString(CultureInfo.InvariantCulture) : "missed";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {names[e]} | {falseAlarms[e] / Runs:F2} | {(double)anyFalseAlarm[e] / Runs:P0} | {Quantile(0.5)} | {Quantile(0.9)} | {(double)sorted.Count(d => d == int.MaxValue) / Runs:P0} |"));
        }
    }

    // A day is in alarm when the check after it raised the report's alarm (the ERT rule, or dataset drift in fixed mode).
    private static bool[] Monitor(ReferenceProfile profile, (DateOnly Date, WeatherReading Reading)[] stream, ThresholdMode thresholds,
        int windowDays = WindowDays, double expectedRunLength = 500)
    {
        var options = new MonitorOptions
        {
            Thresholds = thresholds,
            Window = WindowPolicy.Sliding(WindowPolicy.TumblingCount(1), windowDays),
            MinimumWindowSize = Math.Min(windowDays, 30),
            ExpectedRunLength = expectedRunLength,
        };
        using WeatherReadingMonitor monitor = WeatherReading.CreateMonitor(profile, options);
        var alarms = new bool[stream.Length];
        for (int i = 0; i < stream.Length; i++)
        {
            monitor.Observe(stream[i].Reading);
            alarms[i] = monitor.CheckDriftIfDue()?.Alarm ?? false;
        }

        return alarms;
    }

    // A day is in alarm when any input's detector signalled drift at it.
    private static bool[] Peer((DateOnly Date, WeatherReading Reading)[] stream, Func<int, IStreamDetector> create)
    {
        IStreamDetector[] detectors = Enumerable.Range(0, 4).Select(create).ToArray();
        var alarms = new bool[stream.Length];
        for (int i = 0; i < stream.Length; i++)
        {
            WeatherReading r = stream[i].Reading;
            double[] inputs = [r.Precipitation, r.TempMax, r.TempMin, r.Wind];
            for (int f = 0; f < detectors.Length; f++)
            {
                alarms[i] |= detectors[f].Update(inputs[f]);
            }
        }

        return alarms;
    }

    // Days from 1 December to the first day of that winter (December to February) in alarm.
    private static int? Delay((DateOnly Date, WeatherReading Reading)[] stream, bool[] alarms, int year)
    {
        var start = new DateOnly(year, 12, 1);
        var end = new DateOnly(year + 1, 3, 1);
        for (int i = 0; i < stream.Length; i++)
        {
            if (stream[i].Date >= start && stream[i].Date < end && alarms[i])
            {
                return stream[i].Date.DayNumber - start.DayNumber;
            }
        }

        return null;
    }

    // Alarms that start on a selected day (a run of consecutive alarmed days counts once).
    private static int Onsets(bool[] alarms, Func<int, bool> selected)
    {
        int count = 0;
        for (int i = 0; i < alarms.Length; i++)
        {
            count += alarms[i] && (i == 0 || !alarms[i - 1]) && selected(i) ? 1 : 0;
        }

        return count;
    }
}
