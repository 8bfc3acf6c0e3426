using System.Collections.Generic;
using System.Diagnostics.Metrics;
using MonitorGen.Telemetry;

namespace MonitorGen;

/// <summary>The histogram <c>monitorgen.kpi.{name}</c> of one <see cref="KpiMetricAttribute"/> member.</summary>
public sealed class KpiInstrument
{
    private readonly Histogram<double> _histogram;
    private readonly Counter<long> _nonFinite;
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly KeyValuePair<string, object?>[] _memberTags;

    internal KpiInstrument(KpiSchema schema, MonitorInstruments instruments)
    {
        Schema = schema;
        _histogram = MonitorGenDiagnostics.Meter.CreateHistogram<double>(
            InstrumentNames.KpiPrefix + schema.MetricName, schema.Unit, $"KPI {schema.MetricName} from member {schema.MemberName}.");
        _nonFinite = instruments.NonFinite;
        _tags = instruments.ModelTags;
        _memberTags = instruments.FeatureTags(schema.MemberName);
    }

    /// <summary>The KPI as declared.</summary>
    public KpiSchema Schema { get; }

    /// <summary>Records a value; NaN and infinities are not recorded, and are counted on <c>monitorgen.feature.non_finite</c>.</summary>
    public DataQualityIssues Record(double value)
    {
        if (!double.IsFinite(value))
        {
            _nonFinite.Add(1, _memberTags);
            return DataQualityIssues.NonFinite;
        }

        _histogram.Record(value, _tags);
        return DataQualityIssues.None;
    }
}
