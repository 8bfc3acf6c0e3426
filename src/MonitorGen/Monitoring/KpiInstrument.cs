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

    internal KpiInstrument(KpiSchema schema, MonitorInstruments instruments)
    {
        Schema = schema;
        _histogram = MonitorGenDiagnostics.Meter.CreateHistogram<double>(
            InstrumentNames.KpiPrefix + schema.MetricName, schema.Unit, $"KPI {schema.MetricName} from member {schema.MemberName}.");
        _nonFinite = instruments.NonFinite;
        _tags = instruments.ModelTags;
        _memberTags = instruments.FeatureTags(schema.MemberName);
        _instruments = instruments;
    }

    /// <summary>The KPI as declared.</summary>
    public KpiSchema Schema { get; }

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
