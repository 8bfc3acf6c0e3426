using System;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using MonitorGen;
using MonitorGen.Monitoring;
using MonitorGen.Telemetry;

namespace MonitorGen.Benchmarks;

/// <summary>
/// The cost of observing one <see cref="ScoringRequest"/>: a hand-written monitor (the baseline), the generated one,
/// and a reflection-based one, all on the same profile and runtime feature state. Each invocation observes the same
/// 1024 pre-built rows, so the reported time is per row. With <see cref="Metrics"/>, a <see cref="MeterListener"/>
/// collects every MonitorGen instrument, as an OpenTelemetry MeterProvider would.
/// </summary>
// Min and Median next to Mean: on a shared, loaded host, interference only adds time, so Min is the steadiest figure.
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ObserveBenchmarks
{
    private const int Rows = 1024;

    private static long s_longSum;
    private static double s_doubleSum;

    private ScoringRequest[] _rows = Array.Empty<ScoringRequest>();
    private HandWrittenScoringMonitor _handWritten = null!;
    private ScoringRequestMonitor _generated = null!;
    private ReflectionMonitor<ScoringRequest> _reflection = null!;
    private MeterListener? _listener;

    /// <summary>Whether a listener collects the MonitorGen instruments.</summary>
    [Params(false, true)]
    public bool Metrics { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ReferenceProfile profile = ScoringRequest.FitProfile(Synthesize(new Random(1), 20_000));
        _rows = Synthesize(new Random(2), Rows);

        VerifySameWork(profile, _rows);

        if (Metrics)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = static (instrument, listener) =>
                {
                    if (instrument.Meter.Name == MonitorGenDiagnostics.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>(static (_, value, _, _) => s_longSum += value);
            _listener.SetMeasurementEventCallback<double>(static (_, value, _, _) => s_doubleSum += value);
            _listener.Start();
        }

        _handWritten = new HandWrittenScoringMonitor(profile);
        _generated = new ScoringRequestMonitor(profile);
        _reflection = new ReflectionMonitor<ScoringRequest>(ScoringRequestMonitor.DeclaredSchema, profile);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _handWritten.Dispose();
        _generated.Dispose();
        _reflection.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void HandWritten()
    {
        HandWrittenScoringMonitor monitor = _handWritten;
        ScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void Generated()
    {
        ScoringRequestMonitor monitor = _generated;
        ScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void Reflection()
    {
        ReflectionMonitor<ScoringRequest> monitor = _reflection;
        ScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    /// <summary>Seeded synthetic rows: skewed incomes, uniform utilisation, a few categories with uneven shares.</summary>
    internal static ScoringRequest[] Synthesize(Random random, int count)
    {
        var rows = new ScoringRequest[count];
        for (int i = 0; i < count; i++)
        {
            double channel = random.NextDouble();
            rows[i] = new ScoringRequest
            {
                Income = Math.Round(Math.Exp(10.5 + (0.6 * Gaussian(random))), 2),
                Utilization = (float)random.NextDouble(),
                Age = random.Next(18, 81),
                DebtRatio = Math.Clamp(0.35 + (0.2 * Gaussian(random)), 0, 5),
                TenureMonths = random.Next(0, 241),
                Channel = channel < 0.6 ? Channel.Web : channel < 0.9 ? Channel.Mobile : Channel.Branch,
                Region = (Region)random.Next(0, 5),
                Confidence = (float)(0.5 + (0.5 * random.NextDouble())),
            };
        }

        return rows;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Fails the run unless the three monitors leave identical feature state after the same rows.</summary>
    private static void VerifySameWork(ReferenceProfile profile, ScoringRequest[] rows)
    {
        using var handWritten = new HandWrittenScoringMonitor(profile);
        using var generated = new ScoringRequestMonitor(profile);
        using var reflection = new ReflectionMonitor<ScoringRequest>(ScoringRequestMonitor.DeclaredSchema, profile);
        foreach (ScoringRequest row in rows)
        {
            handWritten.Observe(row);
            generated.Observe(row);
            reflection.Observe(row);
        }

        foreach (ModelMonitor other in new ModelMonitor[] { handWritten, reflection })
        {
            if (other.ObservedRows != generated.ObservedRows || other.WindowRows != generated.WindowRows)
            {
                throw new InvalidOperationException($"{other.GetType().Name} counted different rows.");
            }

            for (int f = 0; f < generated.Features.Count; f++)
            {
                string expected = Describe(generated.Features[f]);
                string actual = Describe(other.Features[f]);
                if (expected != actual)
                {
                    throw new InvalidOperationException($"{other.GetType().Name} feature {f}: {actual}, expected {expected}.");
                }
            }
        }
    }

    private static string Describe(FeatureState feature)
    {
        var counts = feature is NumericFeatureState numeric ? numeric.Current.Bins : ((CategoricalFeatureState)feature).Current.Counts;
        var parts = new string[counts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = counts[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string sample = feature is NumericFeatureState n ? string.Join(",", n.Current.Sample.ToArray()) : "";
        return feature.Name + ":" + string.Join(",", parts) + "|" + sample;
    }
}
