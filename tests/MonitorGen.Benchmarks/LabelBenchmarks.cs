using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MonitorGen.Labels;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What labels cost (issue 12, §10), side by side: the generated <c>Observe</c> of a record with a <c>[Prediction]</c>
/// with labels off (<c>LabelCapacity = 0</c>, the baseline) and on (a plain <c>Observe</c> then stores nothing, as nobody
/// can name its generated id), on with a hand-label budget (each row stores its pending prediction, which the queue may
/// ask for), <c>ObservePrediction</c> (stores it and returns the id's text), and that followed by a typed label for it.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class LabelBenchmarks
{
    private const int Rows = 1024;

    private LabelledScoringRequest[] _rows = Array.Empty<LabelledScoringRequest>();
    private LabelledScoringRequestMonitor _withoutLabels = null!;
    private LabelledScoringRequestMonitor _withLabels = null!;
    private LabelledScoringRequestMonitor _labelled = null!;
    private LabelledScoringRequestMonitor _smallTable = null!;
    private LabelledScoringRequestMonitor _stored = null!;
    private LabelledScoringRequestMonitor _withFunctions = null!;

    [GlobalSetup]
    public void Setup()
    {
        LabelledScoringRequest[] training = Synthesize(new Random(1), 20_000);
        ReferenceProfile profile = LabelledScoringRequest.FitProfile(training);
        _rows = Synthesize(new Random(2), Rows);
        _withoutLabels = new LabelledScoringRequestMonitor(profile, new MonitorOptions { LabelCapacity = 0 });
        _withLabels = new LabelledScoringRequestMonitor(profile);
        _labelled = new LabelledScoringRequestMonitor(profile, new MonitorOptions { LabelCapacity = 1 << 22 });
        _smallTable = new LabelledScoringRequestMonitor(profile, new MonitorOptions { LabelCapacity = 1024, HandLabelBudget = 1 });
        _stored = new LabelledScoringRequestMonitor(profile, new MonitorOptions { HandLabelBudget = 1 });
        _withFunctions = new LabelledScoringRequestMonitor(profile);
        _withFunctions.AddLabelingFunction("confident", r => r.Confidence >= 0.9f ? r.Approved : null);
        _withFunctions.AddLabelingFunction("indebted", r => r.DebtRatio > 0.8 ? false : null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _withoutLabels.Dispose();
        _withLabels.Dispose();
        _labelled.Dispose();
        _smallTable.Dispose();
        _stored.Dispose();
        _withFunctions.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void ObserveWithoutLabels()
    {
        LabelledScoringRequestMonitor monitor = _withoutLabels;
        LabelledScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void ObserveWithLabels()
    {
        LabelledScoringRequestMonitor monitor = _withLabels;
        LabelledScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    // Each row stores its prediction in the default 2.5 MiB table: a hand-label budget lets the queue name it.
    [Benchmark(OperationsPerInvoke = Rows)]
    public void ObserveWithLabelsStored()
    {
        LabelledScoringRequestMonitor monitor = _stored;
        LabelledScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    // The same with a table of 1,024 entries (40 KB), which stays in the cache: the difference is the cost of writing
    // through the default 2.5 MB table.
    [Benchmark(OperationsPerInvoke = Rows)]
    public void ObserveWithLabelsSmallTable()
    {
        LabelledScoringRequestMonitor monitor = _smallTable;
        LabelledScoringRequest[] rows = _rows;
        for (int i = 0; i < rows.Length; i++)
        {
            monitor.Observe(rows[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public string? ObservePredictionWithId() => ObservePredictions(_withLabels);

    // The same with two labeling functions: the row's binding is queued for them, and they vote on a timer's thread.
    [Benchmark(OperationsPerInvoke = Rows)]
    public string? ObservePredictionWithLabelingFunctions() => ObservePredictions(_withFunctions);

    // ObservePredictionWithId on the 4 Mi-entry table of ObservePredictionAndRecordLabel, whose stream of writes costs
    // more than the default table's: the label's own cost is the difference between the two.
    [Benchmark(OperationsPerInvoke = Rows)]
    public string? ObservePredictionWithIdLargeTable() => ObservePredictions(_labelled);

    // A label can match once, so each label here is for a prediction just observed: the label's own cost is this
    // less ObservePredictionWithIdLargeTable.
    [Benchmark(OperationsPerInvoke = Rows)]
    public int ObservePredictionAndRecordLabel()
    {
        LabelledScoringRequestMonitor monitor = _labelled;
        LabelledScoringRequest[] rows = _rows;
        int matched = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            string id = monitor.ObservePrediction(rows[i])!;
            matched += monitor.RecordLabel(id, !rows[i].Approved) == LabelOutcome.Matched ? 1 : 0;
        }

        return matched;
    }

    private string? ObservePredictions(LabelledScoringRequestMonitor monitor)
    {
        LabelledScoringRequest[] rows = _rows;
        string? id = null;
        for (int i = 0; i < rows.Length; i++)
        {
            id = monitor.ObservePrediction(rows[i]);
        }

        return id;
    }

    internal static LabelledScoringRequest[] Synthesize(Random random, int count) =>
        ObserveBenchmarks.Synthesize(random, count).Select(r => new LabelledScoringRequest
        {
            Income = r.Income,
            Utilization = r.Utilization,
            Age = r.Age,
            DebtRatio = r.DebtRatio,
            TenureMonths = r.TenureMonths,
            Channel = r.Channel,
            Region = r.Region,
            Confidence = r.Confidence,
            Approved = r.Confidence > 0.5,
        }).ToArray();
}
