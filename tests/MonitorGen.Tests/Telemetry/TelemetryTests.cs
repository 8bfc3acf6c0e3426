using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Telemetry;

/// <summary>Instruments, log events and trace tags, observed through the real .NET listeners.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Fact]
    public void Instruments_count_predictions_and_data_quality_with_model_and_feature_tags()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        using var monitor = WeatherDay.CreateMonitor(Profile);

        monitor.Observe(SeattleWeather.Summer.First());
        monitor.Observe(SeattleWeather.Summer.First() with { Wind = null });
        listener.RecordObservableInstruments();

        var mine = measurements.Where(m => Equals(m.Tags.GetValueOrDefault("model"), "seattle-weather")).ToArray();
        Assert.Equal(2, mine.Where(m => m.Instrument == "monitorgen.predictions").Sum(m => m.Value));
        var missing = Assert.Single(mine, m => m.Instrument == "monitorgen.feature.missing");
        Assert.Equal("Wind", missing.Tags["feature"]);
        Assert.Equal("1.0", missing.Tags["model.version"]);
        Assert.DoesNotContain(mine, m => m.Tags.Values.Any(v => v is double));
    }

    [Fact]
    public void The_predictions_counter_never_goes_back_while_checks_move_rows_and_ends_at_every_row()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        WeatherDay[] days = SeattleWeather.All.ToArray();
        const int Writers = 2;
        const int PerWriter = 20_000;
        using var done = new CountdownEvent(Writers);
        long backwards = 0, readings = 0;
        var checker = new Thread(() =>
        {
            while (!done.IsSet)
            {
                monitor.CheckDrift();
            }
        });
        // Reads race the checks, from a thread of their own: a check moves rows out of the window before it adds them
        // to the closed count.
        var reader = new Thread(() =>
        {
            long last = 0;
            while (!done.IsSet)
            {
                long now = monitor.PredictionsObserved;
                backwards += now < last ? 1 : 0;
                last = now;
                readings++;
            }
        });
        reader.Start();
        checker.Start();
        for (int w = 0; w < Writers; w++)
        {
            new Thread(() =>
            {
                for (int i = 0; i < PerWriter; i++)
                {
                    monitor.Observe(days[i % days.Length]);
                }

                done.Signal();
            }).Start();
        }

        checker.Join();
        reader.Join();

        Assert.True(readings > 0);
        Assert.Equal(0, backwards);
        Assert.Equal(Writers * PerWriter, monitor.PredictionsObserved);
    }

    [Fact]
    public void Kpi_members_are_recorded_on_their_histogram()
    {
        var recorded = new ConcurrentBag<(string Name, string? Unit, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && instrument.Name.StartsWith("monitorgen.kpi.", System.StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => recorded.Add((instrument.Name, instrument.Unit, value)));
        listener.Start();
        var rows = Enumerable.Range(0, 40).Select(i => new AllKinds { Count = i, City = "Oslo", Latency = 0.25, Revenue = i % 2 == 0 ? 10m : null }).ToArray();
        using var monitor = AllKinds.CreateMonitor(AllKinds.FitProfile(rows));

        monitor.Observe(rows[0]);
        monitor.Observe(rows[1]);

        Assert.Equal(2, recorded.Count(r => r.Name == "monitorgen.kpi.latency" && r.Unit == "s" && r.Value == 0.25));
        Assert.Single(recorded, r => r.Name == "monitorgen.kpi.revenue" && r.Value == 10);
    }

    [Fact]
    public void A_non_finite_kpi_is_counted_not_recorded()
    {
        var nonFinite = new ConcurrentBag<object?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && instrument.Name == "monitorgen.feature.non_finite")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(map["model"], "all-kinds"))
            {
                nonFinite.Add(map["feature"]);
            }
        });
        listener.Start();
        var rows = Enumerable.Range(0, 40).Select(i => new AllKinds { Count = i, City = "Oslo" }).ToArray();
        using var monitor = AllKinds.CreateMonitor(AllKinds.FitProfile(rows));

        monitor.Observe(new AllKinds { City = "Oslo", Latency = double.NaN });
        DriftReport report = monitor.CheckDrift();

        Assert.Equal("Latency", Assert.Single(nonFinite));
        Assert.Equal(1, report.RowsWithIssues);
    }

    [Fact]
    public void Data_quality_events_are_logged_only_when_debug_is_enabled()
    {
        var debug = new ListLogger(LogLevel.Debug);
        var info = new ListLogger(LogLevel.Information);
        using var verbose = WeatherDay.CreateMonitor(Profile, logger: debug);
        using var quiet = WeatherDay.CreateMonitor(Profile, logger: info);
        var bad = SeattleWeather.Summer.First() with { TempMax = double.NaN };

        verbose.Observe(bad);
        quiet.Observe(bad);

        var entry = Assert.Single(debug.Entries);
        Assert.Equal(new EventId(1001, "DataQualityIssue"), entry.EventId);
        Assert.Contains("TempMax", entry.Message, System.StringComparison.Ordinal);
        Assert.Contains("NonFinite", entry.Message, System.StringComparison.Ordinal);
        Assert.Empty(info.Entries);
    }

    [Fact]
    public void Drift_is_logged_as_a_warning()
    {
        var logger = new ListLogger(LogLevel.Information);
        using var monitor = WeatherDay.CreateMonitor(Profile, logger: logger);
        foreach (var day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        monitor.CheckDrift();

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.EventId.Name == "DriftDetected" && e.Message.Contains("TempMax", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Activity_tags_are_added_only_when_the_activity_is_recorded()
    {
        using var source = new ActivitySource("MonitorGen.Tests.Telemetry");
        ActivitySamplingResult sampling = ActivitySamplingResult.AllDataAndRecorded;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => sampling,
        };
        ActivitySource.AddActivityListener(listener);
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var bad = SeattleWeather.Summer.First() with { Wind = null };

        using (var recorded = source.StartActivity("predict"))
        {
            monitor.Observe(bad);
            Assert.Equal("seattle-weather", recorded!.GetTagItem("monitorgen.model"));
            Assert.Equal("Missing", recorded.GetTagItem("monitorgen.data_quality"));
        }

        sampling = ActivitySamplingResult.PropagationData;
        using (var propagated = source.StartActivity("predict"))
        {
            monitor.Observe(bad);
            Assert.False(propagated!.IsAllDataRequested);
            Assert.Empty(propagated.TagObjects);
        }
    }

    [Fact]
    public void Drift_scores_are_published_on_an_observable_gauge()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        monitor.CheckDrift();
        var scores = new List<(double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && instrument.Name == "monitorgen.drift.score")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => scores.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        listener.RecordObservableInstruments();

        var tempMax = Assert.Single(scores, s => Equals(s.Tags["model"], "seattle-weather") && Equals(s.Tags["feature"], "TempMax") && Equals(s.Tags["method"], "ks"));
        Assert.Equal(monitor.LastReport!.Features.Single(f => f.Feature == "TempMax").Score, tempMax.Value);
    }

    [Fact]
    public void Drift_states_are_published_as_0_or_1_gauges_per_feature_and_per_model()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in SeattleWeather.Summer.Where((_, i) => i % 3 == 0))
        {
            monitor.Observe(day);
        }

        monitor.CheckDrift();
        var before = ObserveGauges("monitorgen.drift.detected", "monitorgen.drift.dataset");
        foreach (var day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        DriftReport winter = monitor.CheckDrift();
        var after = ObserveGauges("monitorgen.drift.detected", "monitorgen.drift.dataset");

        Assert.Equal(0, Assert.Single(before, m => m.Instrument == "monitorgen.drift.detected" && Equals(m.Tags["feature"], "TempMax")).Value);
        Assert.Equal(0, Assert.Single(before, m => m.Instrument == "monitorgen.drift.dataset").Value);
        Assert.Equal(1, Assert.Single(after, m => m.Instrument == "monitorgen.drift.detected" && Equals(m.Tags["feature"], "TempMax") && Equals(m.Tags["method"], "ks")).Value);
        Assert.Equal(1, Assert.Single(after, m => m.Instrument == "monitorgen.drift.dataset").Value);
        Assert.Equal(winter.DriftedFeatures, after.Where(m => m.Instrument == "monitorgen.drift.detected").Sum(m => m.Value));
        Assert.Equal(winter.TestedFeatures, after.Count(m => m.Instrument == "monitorgen.drift.detected"));
    }

    [Fact]
    public void A_monitor_whose_gauge_cannot_be_read_is_skipped_and_counted_and_the_others_are_published()
    {
        using var broken = WeatherDay.CreateMonitor(Profile);
        using var healthy = WeatherDay.CreateMonitor(Profile);
        broken.Observe(SeattleWeather.Summer.First());
        healthy.Observe(SeattleWeather.Summer.First());
        broken.CheckDrift();
        healthy.CheckDrift();
        var selfErrors = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && instrument.Name == "monitorgen.self.errors")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => selfErrors.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var monitors = new[] { new KeyValuePair<ModelMonitor, object?>(broken, null), new KeyValuePair<ModelMonitor, object?>(healthy, null) };
        var measurements = MonitorGen.Telemetry.ObservableInstruments.Collect<double>(monitors, (monitor, into) =>
        {
            if (ReferenceEquals(monitor, broken))
            {
                throw new System.InvalidOperationException("unreadable");
            }

            into.Add(new Measurement<double>(monitor.LastReport!.DriftShare));
        });
        var failingEnumeration = MonitorGen.Telemetry.ObservableInstruments.Collect<double>(Failing(healthy), (_, into) => into.Add(new Measurement<double>(1)));

        Assert.Single(measurements);
        Assert.Single(failingEnumeration);
        Assert.Contains(selfErrors, e => Equals(e.Tags["source"], "gauge") && Equals(e.Tags.GetValueOrDefault("model"), "seattle-weather"));
        Assert.Contains(selfErrors, e => Equals(e.Tags["source"], "gauge") && !e.Tags.ContainsKey("model"));
    }

    private static IEnumerable<KeyValuePair<ModelMonitor, object?>> Failing(ModelMonitor first)
    {
        yield return new KeyValuePair<ModelMonitor, object?>(first, null);
        throw new System.InvalidOperationException("The monitor table changed under the enumeration.");
    }

    private static List<(string Instrument, double Value, Dictionary<string, object?> Tags)> ObserveGauges(params string[] names)
    {
        var measurements = new List<(string, double, Dictionary<string, object?>)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && names.Contains(instrument.Name))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var tagMap = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(tagMap["model"], "seattle-weather"))
            {
                measurements.Add((instrument.Name, value, tagMap));
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return measurements;
    }
}

/// <summary>Telemetry tests share process-wide listeners; they run one at a time.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}
