using System;
using BenchmarkDotNet.Attributes;
using MonitorGen.Labels;

namespace MonitorGen.Benchmarks;

/// <summary>
/// The cost the natural-label join would add per prediction, before it is wired into <c>Observe</c> (issue 12): the
/// generated monitor's <c>Observe</c> alone, the same with a pending prediction stored beside each row (what a labelled
/// output record will do), the store alone, and a label taking its prediction.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class LabelBenchmarks
{
    private const int Rows = 1024;

    private ScoringRequest[] _rows = Array.Empty<ScoringRequest>();
    private ScoringRequestMonitor _monitor = null!;
    private PendingPredictionTable _table = null!;
    private PredictionId[] _ids = Array.Empty<PredictionId>();
    private long _now;

    /// <summary>The pending predictions each of the 16 slots keeps (32 B each): 2 MB or 32 MB in all.</summary>
    [Params(4096, 65536)]
    public int CapacityPerSlot { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ReferenceProfile profile = ScoringRequest.FitProfile(ObserveBenchmarks.Synthesize(new Random(1), 20_000));
        _rows = ObserveBenchmarks.Synthesize(new Random(2), Rows);
        _monitor = new ScoringRequestMonitor(profile);
        _table = new PendingPredictionTable(slots: 16, CapacityPerSlot, TimeSpan.FromDays(2));
        _ids = new PredictionId[Rows];
        _now = DateTime.UtcNow.Ticks;
    }

    [GlobalCleanup]
    public void Cleanup() => _monitor.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void Observe()
    {
        ScoringRequestMonitor monitor = _monitor;
        ScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void ObserveAndStorePending()
    {
        ScoringRequestMonitor monitor = _monitor;
        PendingPredictionTable table = _table;
        ScoringRequest[] rows = _rows;
        long now = _now;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
            _ids[i] = table.Add(0, new PendingPrediction(now, (int)rows[i].Channel, rows[i].Confidence, (float)rows[i].Confidence));
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void StorePending()
    {
        PendingPredictionTable table = _table;
        ScoringRequest[] rows = _rows;
        long now = _now;
        for (int i = 0; i < rows.Length; i++)
        {
            _ids[i] = table.Add(1, new PendingPrediction(now, (int)rows[i].Channel, rows[i].Confidence, (float)rows[i].Confidence));
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long StoreAndTakeLabel()
    {
        PendingPredictionTable table = _table;
        long now = _now;
        long matched = 0;
        for (int i = 0; i < Rows; i++)
        {
            PredictionId id = table.Add(2, new PendingPrediction(now, i & 3, i, 0.5f));
            matched += table.TryTake(id, now, out _) == LabelOutcome.Matched ? 1 : 0;
        }

        return matched;
    }
}
