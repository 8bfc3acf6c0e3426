using System.Collections.Generic;
using System.Diagnostics.Metrics;
using MonitorGen.Telemetry;

namespace MonitorGen;

/// <summary>The histogram <c>monitorgen.kpi.{name}</c> of one <see cref="KpiMetricAttribute"/> member.</summary>
public sealed class KpiInstrument
{
    private readonly Histogram<double> _histogram;
    private readonly KeyValuePair<string, object?>[] _tags;

    internal KpiInstrument(KpiSchema schema, MonitorInstruments instruments)
    {
        Schema = schema;
        _histogram = MonitorGenDiagnostics.Meter.CreateHistogram<double>(
            InstrumentNames.KpiPrefix + schema.MetricName, schema.Unit, $"KPI {schema.MetricName} from member {schema.MemberName}.");
        _tags = instruments.ModelTags;
    }

    /// <summary>The KPI as declared.</summary>
    public KpiSchema Schema { get; }

    /// <summary>Records a value; NaN and infinities are not recorded and are reported as non-finite.</summary>
    public DataQualityIssues Record(double value)
    {
        if (!double.IsFinite(value))
        {
            return DataQualityIssues.NonFinite;
        }

        _histogram.Record(value, _tags);
        return DataQualityIssues.None;
    }
}
