using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Threading;
using MonitorGen.Monitoring;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>
/// The contract between generated code and the runtime: a binding supplies a schema and a reader, and the runtime owns
/// the row. Hand-written bindings stand in for a generator defect, which the runtime must survive without throwing.
/// </summary>
public sealed class BindingContractTests
{
    [Fact]
    public void A_binding_over_a_struct_row_fits_and_observes()
    {
        var rows = Enumerable.Range(0, 200).Select(i => new Reading(i % 17, i % 3 == 0 ? "a" : "b")).ToArray();
        ReferenceProfile profile = MonitorBinding.Fit<Reading, ReadingBinding>(rows);

        using var monitor = new BindingMonitor<Reading, ReadingBinding>(profile);
        foreach (Reading row in rows.Take(40))
        {
            monitor.Observe(row);
        }

        Assert.Equal(200, profile.RowCount);
        Assert.Equal(40, monitor.WindowRows);
        Assert.Equal(40, ((NumericFeatureState)monitor.Features[0]).Current.Count);
        Assert.Equal(40, ((CategoricalFeatureState)monitor.Features[1]).Current.Counts.Total());
    }

    [Theory]
    [InlineData(Fault.ThrowAfterFirstFeature)]
    [InlineData(Fault.FeatureOfTheOtherKind)]
    public void A_faulty_reader_is_counted_the_row_still_ends_and_nothing_reaches_the_caller(Fault fault)
    {
        var rows = Enumerable.Range(0, 100).Select(i => new Reading(i, "a")).ToArray();
        ReferenceProfile profile = MonitorBinding.Fit<Reading, ReadingBinding>(rows);
        using ModelMonitor monitor = fault == Fault.ThrowAfterFirstFeature ? new BindingMonitor<Reading, ThrowingReadingBinding>(profile) : new BindingMonitor<Reading, OtherKindReadingBinding>(profile);
        var observer = (IModelMonitor<Reading>)monitor;
        int selfErrors = 0;
        using MeterListener listener = CountObserveSelfErrors(ReadingBinding.Schema.ModelName, () => Interlocked.Increment(ref selfErrors));

        for (int i = 0; i < 10; i++)
        {
            observer.Observe(rows[i]);
        }

        Assert.Equal(10, Volatile.Read(ref selfErrors));
        Assert.Equal(10, monitor.WindowRows);
        // What the reader handed over before it failed is kept: the numerical feature comes first.
        Assert.Equal(10, ((NumericFeatureState)monitor.Features[0]).Current.Count);
        DriftReport report = monitor.CheckDrift();
        Assert.Equal(10, report.Rows);
    }

    [Fact]
    public void A_binding_whose_schema_is_not_the_profile_s_is_refused_at_construction_with_the_difference()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new Reading(i, "a")).ToArray();
        ReferenceProfile profile = MonitorBinding.Fit<Reading, ReadingBinding>(rows);

        var error = Assert.Throws<ProfileException>(() => new BindingMonitor<Reading, OtherSchemaBinding>(profile));

        Assert.Contains("feature 'Kind' is in the profile but not in 'MonitorGen.Tests.Reading'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_that_is_not_a_view_of_its_row_is_refused_before_a_row_is_read()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new Reading(i, "a")).ToArray();
        ReferenceProfile profile = MonitorBinding.Fit<Reading, ReadingBinding>(rows);

        var twoFields = Assert.Throws<InvalidOperationException>(() => new BindingMonitor<Reading, TwoFieldBinding>(profile));
        var fitted = Assert.Throws<InvalidOperationException>(() => MonitorBinding.Fit<Reading, TwoFieldBinding>(rows));
        var otherType = Assert.Throws<InvalidOperationException>(() => new BindingMonitor<WeatherDay, OtherTypeBinding>(profile));

        Assert.Contains("must hold one instance field, of type MonitorGen.Tests.Monitoring.BindingContractTests+Reading, and it holds 2", twoFields.Message, StringComparison.Ordinal);
        Assert.Equal(twoFields.Message, fitted.Message);
        Assert.Contains("of type MonitorGen.Tests.Records.WeatherDay, and it holds 1 (System.String _row)", otherType.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_monitor_holds_no_feature_state_of_its_own_and_reads_through_its_binding()
    {
        Type monitor = typeof(WeatherDayMonitor);

        Assert.Equal(typeof(ModelMonitor<WeatherDay, WeatherDayMonitor.Binding>), monitor.BaseType);
        Assert.Empty(monitor.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        // The binding is a view of the row: its one field is the row, and nothing else a reader could hold between rows.
        Assert.Equal(typeof(WeatherDay), Assert.Single(typeof(WeatherDayMonitor.Binding).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)).FieldType);
        Assert.Same(WeatherDayMonitor.DeclaredSchema, WeatherDayMonitor.Binding.Schema);
        Assert.True(typeof(IMonitorBinding<WeatherDay>).IsAssignableFrom(typeof(WeatherDayMonitor.Binding)));
    }

    [Fact]
    public void A_null_row_of_a_generated_monitor_counts_every_feature_missing()
    {
        ReferenceProfile profile = WeatherDay.FitProfile(SeattleWeather.Summer);
        using var monitor = WeatherDay.CreateMonitor(profile);

        monitor.Observe(null!);

        Assert.Equal(1, monitor.WindowRows);
        Assert.All(monitor.Features, feature => Assert.Equal(1, feature is NumericFeatureState numeric
            ? numeric.Current.Quality.Missing
            : ((CategoricalFeatureState)feature).Current.Quality.Missing));
    }

    private static MeterListener CountObserveSelfErrors(string model, Action counted)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MonitorGen" && instrument.Name == "monitorgen.self.errors")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            bool observe = false, ours = false;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                observe |= tag.Key == "source" && Equals(tag.Value, "observe");
                ours |= Equals(tag.Value, model);
            }

            if (observe && ours)
            {
                counted();
            }
        });
        listener.Start();
        return listener;
    }

    public enum Fault
    {
        ThrowAfterFirstFeature,
        FeatureOfTheOtherKind,
    }

    public readonly record struct Reading(double Value, string? Kind);

#pragma warning disable CS0649 // The runtime reads each row as its binding, whose one field is the row.
    private readonly struct ReadingBinding : IMonitorBinding<Reading>
    {
        private readonly Reading _row;

        public static MonitorSchema Schema { get; } = new(
            "binding-contract",
            null,
            "MonitorGen.Tests.Reading",
            "0123456789abcdef",
            new[]
            {
                FeatureSchema.Numerical("Value", true, DriftMethod.Auto, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
                FeatureSchema.Categorical("Kind", DriftMethod.Auto, double.NaN),
            },
            Array.Empty<KpiSchema>());

        public void Read<TSink>(ref TSink sink)
            where TSink : struct, IRowSink
        {
            sink.Numeric(0, _row.Value);
            sink.Category(0, _row.Kind);
        }
    }

    private readonly struct ThrowingReadingBinding : IMonitorBinding<Reading>
    {
        private readonly Reading _row;

        public static MonitorSchema Schema => ReadingBinding.Schema;

        public void Read<TSink>(ref TSink sink)
            where TSink : struct, IRowSink
        {
            sink.Numeric(0, _row.Value);
            throw new InvalidOperationException("A reader defect.");
        }
    }

    private readonly struct OtherKindReadingBinding : IMonitorBinding<Reading>
    {
        private readonly Reading _row;

        public static MonitorSchema Schema => ReadingBinding.Schema;

        public void Read<TSink>(ref TSink sink)
            where TSink : struct, IRowSink
        {
            sink.Numeric(0, _row.Value);
            // The schema's second feature is categorical: there is no second numerical one.
            sink.Numeric(1, 1.0);
        }
    }

    // Laid out as the old generated binding that wrapped a row was, with a second field: not a view of the row.
    private readonly struct TwoFieldBinding : IMonitorBinding<Reading>
    {
        private readonly Reading _row;
        private readonly int _extra;

        public static MonitorSchema Schema => ReadingBinding.Schema;

        public void Read<TSink>(ref TSink sink)
            where TSink : struct, IRowSink => sink.Numeric(0, _row.Value + _extra);
    }

    // The right size for a reference-type row, and the wrong type: reading it would treat one object as another.
    private readonly struct OtherTypeBinding : IMonitorBinding<WeatherDay>
    {
        private readonly string _row;

        public static MonitorSchema Schema => ReadingBinding.Schema;

        public void Read<TSink>(ref TSink sink)
            where TSink : struct, IRowSink => sink.Category(0, _row);
    }

    private readonly struct OtherSchemaBinding : IMonitorBinding<Reading>
    {
        public static MonitorSchema Schema { get; } = new(
            "binding-contract",
            null,
            "MonitorGen.Tests.Reading",
            "fedcba9876543210",
            new[] { FeatureSchema.Numerical("Value", true, DriftMethod.Auto, double.NaN, double.NegativeInfinity, double.PositiveInfinity) },
            Array.Empty<KpiSchema>());

        private readonly Reading _row;

        public void Read<TSink>(ref TSink sink)
            where TSink : struct, IRowSink => sink.Numeric(0, _row.Value);
    }
#pragma warning restore CS0649

    private sealed class BindingMonitor<TRow, [DynamicallyAccessedMembers(MonitorBinding.Fields)] TBinding> : ModelMonitor<TRow, TBinding>
        where TBinding : struct, IMonitorBinding<TRow>
    {
        public BindingMonitor(ReferenceProfile profile)
            : base(profile, null, null)
        {
        }
    }
}
