using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using MonitorGen.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What a team would write without MonitorGen, against what MonitorGen does, under one real OpenTelemetry SDK
/// MeterProvider (a periodic reader with an exporter that drops the batches, so that nothing but the SDK's own
/// aggregation runs per measurement): the baseline records the eight monitored values of a <see cref="ScoringRequest"/>
/// as eight histograms, one per feature, tagged with the model; the generated monitor observes the whole row (drift
/// sketches, data quality, the KPI histogram, the counters) with its instruments collected by the same provider.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OpenTelemetryBenchmarks
{
    private const int Rows = 1024;
    private const string BaselineMeter = "MonitorGen.Benchmarks.Histograms";

    private ScoringRequest[] _rows = Array.Empty<ScoringRequest>();
    private MeterProvider _provider = null!;
    private Meter _meter = null!;
    private Histogram<double>[] _histograms = Array.Empty<Histogram<double>>();
    private KeyValuePair<string, object?> _modelTag;
    private KeyValuePair<string, object?>[] _kpiTags = Array.Empty<KeyValuePair<string, object?>>();
    private ScoringRequestMonitor _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        ReferenceProfile profile = ScoringRequest.FitProfile(ObserveBenchmarks.Synthesize(new Random(1), 20_000));
        _rows = ObserveBenchmarks.Synthesize(new Random(2), Rows);
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(MonitorGenDiagnostics.Name, BaselineMeter)
            .AddReader(new PeriodicExportingMetricReader(new DroppingExporter(), exportIntervalMilliseconds: 60_000))
            .Build();
        _meter = new Meter(BaselineMeter);
        string[] features = { "income", "utilization", "age", "debt_ratio", "tenure_months", "channel", "region", "confidence" };
        _histograms = Array.ConvertAll(features, name => _meter.CreateHistogram<double>("credit_scoring." + name));
        _modelTag = new KeyValuePair<string, object?>("model", "credit-scoring");
        // The tags a monitor's KPI histogram records with (MonitorInstruments.ModelTags).
        _kpiTags = [new("model", "credit-scoring"), new("model.version", "2.1")];
        _generated = new ScoringRequestMonitor(profile);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _meter.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void EightHistograms()
    {
        Histogram<double>[] h = _histograms;
        KeyValuePair<string, object?> tag = _modelTag;
        foreach (ScoringRequest row in _rows)
        {
            h[0].Record(row.Income, tag);
            h[1].Record(row.Utilization, tag);
            h[2].Record(row.Age, tag);
            h[3].Record(row.DebtRatio, tag);
            h[4].Record(row.TenureMonths, tag);
            h[5].Record((int)row.Channel, tag);
            h[6].Record((int)row.Region, tag);
            h[7].Record(row.Confidence, tag);
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void Generated()
    {
        ScoringRequestMonitor monitor = _generated;
        foreach (ScoringRequest row in _rows)
        {
            monitor.Observe(row);
        }
    }

    /// <summary>The KPI's part of <see cref="Generated"/>: one histogram record with the model's two tags, as the monitor
    /// makes it per row.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public void OneHistogramWithModelTags()
    {
        Histogram<double> h = _histograms[7];
        KeyValuePair<string, object?>[] tags = _kpiTags;
        foreach (ScoringRequest row in _rows)
        {
            h.Record(row.Confidence, tags);
        }
    }

    /// <summary>The same record without tags: what the KPI would cost if the model were carried by the meter (its tags,
    /// exported as scope attributes) instead of by each measurement.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public void OneHistogramWithoutTags()
    {
        Histogram<double> h = _histograms[7];
        foreach (ScoringRequest row in _rows)
        {
            h.Record(row.Confidence);
        }
    }

    private sealed class DroppingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
