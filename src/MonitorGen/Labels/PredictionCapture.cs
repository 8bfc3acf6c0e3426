namespace MonitorGen.Labels;

/// <summary>A sink that keeps only a row's prediction, for measuring the reference performance on labelled rows.</summary>
internal struct PredictionCapture : IRowSink
{
    private readonly PredictionClasses? _classes;

    public PredictionCapture(PredictionClasses? classes)
    {
        _classes = classes;
        Code = -1;
        Value = double.NaN;
    }

    /// <summary>The predicted class's code, -1 when missing (or for a regressor).</summary>
    public int Code { get; private set; }

    /// <summary>The predicted number, NaN when missing (or for a classifier).</summary>
    public double Value { get; private set; }

    public readonly void Numeric(int ordinal, double value)
    {
    }

    public readonly void NumericMissing(int ordinal)
    {
    }

    public readonly void CategoryCode(int ordinal, int code)
    {
    }

    public readonly void Category(int ordinal, string? value)
    {
    }

    public readonly void CategoryNumber(int ordinal, double value)
    {
    }

    public readonly void CategoryMissing(int ordinal)
    {
    }

    public readonly void Kpi(int ordinal, double value)
    {
    }

    public void PredictedClass(int code, double score) => Code = code;

    public void PredictedCategory(string? value, double score) => Code = _classes?.CodeOfPredicted(value) ?? -1;

    public void PredictedValue(double value) => Value = value;

    public readonly void PredictionKey(string? id)
    {
    }
}
