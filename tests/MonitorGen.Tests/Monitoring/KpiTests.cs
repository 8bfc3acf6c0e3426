using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Monitoring;
using MonitorGen.Telemetry;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Monitoring;

/// <summary>KPIs: buckets that fit them, a target checked in health, and their drift reported like a feature's.</summary>
public sealed class KpiTests
{
    private static Scored[] Rows(int count, double low, double high, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new Scored { Confidence = low + (random.NextDouble() * (high - low)), Latency = random.NextDouble(), Basket = random.Next(1, 9) })
            .ToArray();
    }

    [Fact]
    public void The_generated_schema_carries_the_declared_buckets_target_and_direction()
    {
        IReadOnlyList<KpiSchema> kpis = ScoredMonitor.DeclaredSchema.Kpis;
        Assert.Equal(["scored.confidence", "scored.latency", "scored.basket"], kpis.Select(k => k.MetricName));
        Assert.Null(kpis[0].Buckets);
        Assert.Equal(0.7, kpis[0].Target);
        Assert.Equal(KpiDirection.HigherIsBetter, kpis[0].Direction);
        Assert.Equal([0.01, 0.1, 1.0], kpis[1].Buckets!);
        Assert.Equal(0.5, kpis[1].Target);
        Assert.Equal(KpiDirection.LowerIsBetter, kpis[1].Direction);
        Assert.Null(kpis[2].Target);
    }

    [Fact]
    public void Buckets_are_declared_else_the_reference_quantiles_else_the_defaults_and_reach_the_instrument_as_advice()
    {
        var random = new Random(1);
        ReferenceProfile profile = Rated.FitProfile(Enumerable.Range(0, 1000).Select(_ => new Rated { Confidence = 0.5 + (random.NextDouble() * 0.5) }));
        var advised = new Dictionary<string, IReadOnlyList<double>?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == MonitorGenDiagnostics.Name && instrument is Histogram<double> histogram
                && instrument.Name.StartsWith("monitorgen.kpi.rated.", StringComparison.Ordinal))
            {
                advised[instrument.Name] = histogram.Advice?.HistogramBucketBoundaries;
            }
        };
        listener.Start();
        using RatedMonitor monitor = Rated.CreateMonitor(profile);

        double[] quantiles = profile.Features.Single(f => f.Name == "Confidence").Cuts;
        Assert.Equal(9, quantiles.Length);
        Assert.Equal(KpiBucketSource.ReferenceQuantiles, monitor.KpiAt(0).BucketSource);
        Assert.Equal(quantiles, monitor.KpiAt(0).Buckets!);
        Assert.Equal(KpiBucketSource.Declared, monitor.KpiAt(1).BucketSource);
        Assert.Equal([0.01, 0.1, 1.0], monitor.KpiAt(1).Buckets!);
        Assert.Equal(KpiBucketSource.Default, monitor.KpiAt(2).BucketSource);
        Assert.Null(monitor.KpiAt(2).Buckets);
        // The reference deciles of U(0.5, 1) are 0.55, 0.60, … 0.95.
        Assert.All(quantiles.Select((q, i) => (q, i)), p => Assert.InRange(p.q, 0.55 + (0.05 * p.i) - 0.03, 0.55 + (0.05 * p.i) + 0.03));
        Assert.Equal(quantiles, advised["monitorgen.kpi.rated.confidence"]!);
        Assert.Equal([0.01, 0.1, 1.0], advised["monitorgen.kpi.rated.latency"]!);
        Assert.Null(advised["monitorgen.kpi.rated.basket"]);
    }

    [Fact]
    public void A_missed_target_degrades_health_without_any_drift_and_a_met_one_does_not()
    {
        // The reference itself averages 0.65, under the 0.7 target: a window like it does not drift, and misses.
        using (ScoredMonitor low = Scored.CreateMonitor(Scored.FitProfile(Rows(1000, 0.4, 0.9, seed: 2))))
        {
            foreach (Scored row in Rows(300, 0.4, 0.9, seed: 3))
            {
                low.Observe(row);
            }

            DriftReport report = low.CheckDrift();
            Assert.False(report.Alarm);
            HealthCheckResult result = new ModelHealthCheck(low).Evaluate();
            Assert.Equal(HealthStatus.Degraded, result.Status);
            Assert.Contains("scored.confidence mean 0.6", result.Description, StringComparison.Ordinal);
            Assert.Contains("below its target 0.7", result.Description, StringComparison.Ordinal);
            Assert.Equal(false, result.Data["kpi.scored.confidence.met"]);
            Assert.InRange((double)result.Data["kpi.scored.confidence.mean"], 0.6, 0.7);
            // Latency is not drift-tested: no check measures its mean, and the data says so.
            Assert.StartsWith("not judged", (string)result.Data["kpi.scored.latency.note"], StringComparison.Ordinal);
        }

        using ScoredMonitor high = Scored.CreateMonitor(Scored.FitProfile(Rows(1000, 0.6, 1.0, seed: 4)));
        foreach (Scored row in Rows(300, 0.6, 1.0, seed: 5))
        {
            high.Observe(row);
        }

        high.CheckDrift();
        HealthCheckResult healthy = new ModelHealthCheck(high).Evaluate();
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(true, healthy.Data["kpi.scored.confidence.met"]);
    }

    [Fact]
    public void KPI_drift_against_the_reference_is_reported_like_a_feature_and_names_the_KPI()
    {
        using ScoredMonitor monitor = Scored.CreateMonitor(Scored.FitProfile(Rows(1000, 0.6, 1.0, seed: 6)));
        foreach (Scored row in Rows(300, 0.3, 0.7, seed: 7))
        {
            monitor.Observe(row);
        }

        FeatureDriftResult confidence = Assert.Single(monitor.CheckDrift().Features);
        Assert.Equal("Confidence", confidence.Feature);
        Assert.Equal("scored.confidence", confidence.Kpi);
        Assert.True(confidence.Alarmed);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { 0.0, double.NaN })]
    [InlineData(new[] { 0.0, double.PositiveInfinity })]
    public void A_schema_refuses_buckets_that_are_empty_unordered_or_not_finite(double[] buckets) =>
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => new KpiSchema("X", "x", null, buckets)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_schema_refuses_an_infinite_target_and_an_undefined_direction()
    {
        Assert.Throws<ArgumentException>(() => new KpiSchema("X", "x", null, target: double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new KpiSchema("X", "x", null, direction: (KpiDirection)7));
    }
}
