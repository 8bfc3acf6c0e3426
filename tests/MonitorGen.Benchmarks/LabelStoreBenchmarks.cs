using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using MonitorGen.Labels;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What a label store costs (issue 12, §3 and §10), side by side: <c>Observe</c> with labels in memory (the baseline)
/// and with a SQLite store (the hot path is meant to be the same: predictions reach the store in batches, off it), and a
/// prediction followed by its label in memory and in SQLite, where each label copies the new prediction to the file and
/// joins it there, in two transactions (labels per second = 10⁹ / the mean in ns).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class LabelStoreBenchmarks
{
    private const int Rows = 1024;
    private const int Labels = 256;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"monitorgen-bench-{Guid.NewGuid():N}.db");
    private LabelledScoringRequest[] _rows = Array.Empty<LabelledScoringRequest>();
    private LabelStore _store = null!;
    private LabelledScoringRequestMonitor _inMemory = null!;
    private LabelledScoringRequestMonitor _sqlite = null!;

    [GlobalSetup]
    public void Setup()
    {
        ReferenceProfile profile = LabelledScoringRequest.FitProfile(LabelBenchmarks.Synthesize(new Random(1), 20_000));
        _rows = LabelBenchmarks.Synthesize(new Random(2), Rows);
        _store = LabelStore.Sqlite(_path);
        _inMemory = new LabelledScoringRequestMonitor(profile, new MonitorOptions { LabelCapacity = 1 << 22 });
        _sqlite = new LabelledScoringRequestMonitor(profile, new MonitorOptions { LabelCapacity = 1 << 22, LabelStore = _store });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _inMemory.Dispose();
        _sqlite.Dispose();
        _store.Dispose();
        foreach (string file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void ObserveInMemory() => ObserveAll(_inMemory);

    [Benchmark(OperationsPerInvoke = Rows)]
    public void ObserveWithSqliteStore() => ObserveAll(_sqlite);

    [Benchmark(OperationsPerInvoke = Labels)]
    public int PredictionAndLabelInMemory() => Label(_inMemory);

    [Benchmark(OperationsPerInvoke = Labels)]
    public int PredictionAndLabelSqlite() => Label(_sqlite);

    private void ObserveAll(LabelledScoringRequestMonitor monitor)
    {
        LabelledScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    private int Label(LabelledScoringRequestMonitor monitor)
    {
        LabelledScoringRequest[] rows = _rows;
        int matched = 0;
        for (int i = 0; i < Labels; i++)
        {
            string id = monitor.ObservePrediction(rows[i])!;
            matched += monitor.RecordLabel(id, !rows[i].Approved) == LabelOutcome.Matched ? 1 : 0;
        }

        return matched;
    }
}
