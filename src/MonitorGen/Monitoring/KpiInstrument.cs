using System.Collections.Generic;
using System.Diagnostics.Metrics;
using MonitorGen.Telemetry;

namespace MonitorGen.Monitoring;

/// <summary>The histogram <c>monitorgen.kpi.{name}</c> of one <see cref="KpiMetricAttribute"/> member.</summary>
internal sealed class KpiInstrument
{
    private readonly Histogram<double> _histogram;
    private readonly Counter<long> _nonFinite;
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly KeyValuePair<string, object?>[] _memberTags;
    private readonly MonitorInstruments _instruments;

    /// <param name="schema">The KPI as declared.</param>
    /// <param name="instruments">The monitor's instruments.</param>
    /// <param name="referenceCuts">The cut points of the member's reference bins when it is also a drift-tested numerical
    /// feature, or null.</param>
    internal KpiInstrument(KpiSchema schema, MonitorInstruments instruments, double[]? referenceCuts)
    {
        Schema = schema;
        // The bucket rule of KpiMetricAttribute: declared, else the reference quantiles, else OpenTelemetry's defaults.
        (Buckets, BucketSource) = schema.Buckets is { } declared ? ([.. declared], KpiBucketSource.Declared)
            : referenceCuts is { Length: > 0 } cuts ? ((double[])cuts.Clone(), KpiBucketSource.ReferenceQuantiles)
            : ((double[]?)null, KpiBucketSource.Default);
        _histogram = MonitorGenDiagnostics.Meter.CreateHistogram<double>(
            InstrumentNames.KpiPrefix + schema.MetricName, schema.Unit, $"KPI {schema.MetricName} from member {schema.MemberName}.",
            tags: null, advice: Buckets is null ? null : new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _nonFinite = instruments.NonFinite;
        _tags = instruments.ModelTags;
        _memberTags = instruments.FeatureTags(schema.MemberName);
        _instruments = instruments;
    }

    /// <summary>The KPI as declared.</summary>
    public KpiSchema Schema { get; }

    /// <summary>The histogram's bucket boundaries, or null for OpenTelemetry's defaults.</summary>
    public double[]? Buckets { get; }

    /// <summary>Where <see cref="Buckets"/> came from.</summary>
    public KpiBucketSource BucketSource { get; }

    /// <summary>Records a value; NaN and infinities are not recorded, and are counted on <c>monitorgen.feature.non_finite</c>.</summary>
    public DataQualityIssues Record(double value)
    {
        DataQualityIssues issue = double.IsFinite(value) ? DataQualityIssues.None : DataQualityIssues.NonFinite;
        // A metrics listener that throws is counted; the row goes on.
        if (issue == DataQualityIssues.None)
        {
            MonitorGenDiagnostics.Contain((_histogram, value, _tags), static s => s._histogram.Record(s.value, s._tags),
                SelfErrorSources.Observe, _instruments.ModelName, _instruments.ModelVersion);
        }
        else
        {
            MonitorGenDiagnostics.Contain((_nonFinite, _memberTags), static s => s._nonFinite.Add(1, s._memberTags),
                SelfErrorSources.Observe, _instruments.ModelName, _instruments.ModelVersion);
        }

        return issue;
    }
}
