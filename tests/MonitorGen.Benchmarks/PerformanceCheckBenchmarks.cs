using System;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Labels;
using MonitorGen.Performance;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What reading realized performance costs over 100,000 labelled rows (issue 12, §10): the report (per-window and
/// cumulative figures, with the binary scores' ROC AUC and log loss) and the health check that judges it. The labels
/// are held as counts and capped score arrays, so neither grows with the rows.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class PerformanceCheckBenchmarks
{
    private const int Labelled = 100_000;

    private LabelledScoringRequestMonitor _monitor = null!;

    [GlobalSetup]
    public void Setup()
    {
        LabelledScoringRequest[] training = LabelBenchmarks.Synthesize(new Random(1), 20_000);
        ReferenceProfile profile = LabelledScoringRequest.FitProfile(training, Array.ConvertAll(training[..5_000], row => (row, row.Approved)));
        _monitor = new LabelledScoringRequestMonitor(profile, new MonitorOptions { LabelCapacity = 1 << 17 });
        LabelledScoringRequest[] rows = LabelBenchmarks.Synthesize(new Random(2), Labelled);
        var random = new Random(3);
        for (int i = 0; i < rows.Length; i++)
        {
            string id = _monitor.ObservePrediction(rows[i])!;
            _monitor.RecordLabel(id, random.NextDouble() < 0.85 ? rows[i].Approved : !rows[i].Approved);
            if (i % 10_000 == 9_999)
            {
                _monitor.CheckDrift();
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _monitor.Dispose();

    [Benchmark(Baseline = true)]
    public PerformanceReport? Report() => _monitor.Performance(LabelSource.Natural);

    [Benchmark]
    public HealthCheckResult HealthCheck() => new ModelHealthCheck(_monitor).Evaluate();
}
