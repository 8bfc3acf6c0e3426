using System.Runtime.CompilerServices;
using MonitorGen.Labels;

namespace MonitorGen.Monitoring;

/// <summary>A row's values going into the open windows of a monitor: each feature observes its value into the row's
/// slot, and the row's data-quality issues accumulate here, for the runtime to count when the row ends.</summary>
internal struct ObserveSink : IRowSink
{
    private readonly WindowShard _window;
    private readonly NumericFeatureState[] _numeric;
    private readonly CategoricalFeatureState[] _categorical;
    private readonly KpiInstrument[] _kpis;
    private readonly LabelJoin? _labels;
    // The hash of the row's own prediction id; 0 when the ids are generated.
    private long _keyHash;

    public ObserveSink(WindowShard window, NumericFeatureState[] numeric, CategoricalFeatureState[] categorical, KpiInstrument[] kpis, LabelJoin? labels)
    {
        _window = window;
        _numeric = numeric;
        _categorical = categorical;
        _kpis = kpis;
        _labels = labels;
        Issues = DataQualityIssues.None;
        PredictionId = -1;
        _keyHash = 0;
    }

    /// <summary>The id value of the row's stored prediction, or -1 when none was stored (no labels, or one that cannot be labelled).</summary>
    public long PredictionId { get; private set; }

    /// <summary>The issues of the values seen so far.</summary>
    public DataQualityIssues Issues { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Numeric(int ordinal, double value) => Issues |= _numeric[ordinal].Observe(_window, value);

    public void NumericMissing(int ordinal) => Issues |= _numeric[ordinal].ObserveMissing(_window);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CategoryCode(int ordinal, int code) => Issues |= _categorical[ordinal].Observe(_window, code);

    public void Category(int ordinal, string? value) => Issues |= _categorical[ordinal].Observe(_window, value);

    public void CategoryNumber(int ordinal, double value) => Issues |= _categorical[ordinal].ObserveNumber(_window, value);

    public void CategoryMissing(int ordinal) => Issues |= _categorical[ordinal].ObserveMissing(_window);

    public void Kpi(int ordinal, double value) => Issues |= _kpis[ordinal].Record(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PredictedClass(int code, double score)
    {
        if (_labels is not null)
        {
            PredictionId = _labels.Store(_window, code, code, score, _keyHash);
        }
    }

    public void PredictionKey(string? id)
    {
        if (_labels is not null)
        {
            _keyHash = PredictionKeyIndex.Hash(id);
        }
    }

    public void PredictedCategory(string? value, double score)
    {
        if (_labels is not null)
        {
            int code = _labels.Classes!.CodeOfPredicted(value);
            PredictionId = _labels.Store(_window, code, code, score, _keyHash);
        }
    }

    public void PredictedValue(double value)
    {
        if (_labels is not null)
        {
            PredictionId = _labels.Store(_window, 0, value, double.NaN, _keyHash);
        }
    }
}
