namespace MonitorGen.Profiles;

/// <summary>A training row's values going into the fitters of a profile.</summary>
internal readonly struct FitSink : IRowSink
{
    private readonly NumericFitter[] _numeric;
    private readonly CategoricalFitter[] _categorical;

    public FitSink(NumericFitter[] numeric, CategoricalFitter[] categorical)
    {
        _numeric = numeric;
        _categorical = categorical;
    }

    public void Numeric(int ordinal, double value) => _numeric[ordinal].Add(value);

    public void NumericMissing(int ordinal) => _numeric[ordinal].AddMissing();

    public void CategoryCode(int ordinal, int code) => _categorical[ordinal].Add(code);

    public void Category(int ordinal, string? value) => _categorical[ordinal].Add(value);

    public void CategoryNumber(int ordinal, double value) => _categorical[ordinal].AddNumber(value);

    public void CategoryMissing(int ordinal) => _categorical[ordinal].AddMissing();

    // A KPI is recorded as it is observed; a profile holds none.
    public void Kpi(int ordinal, double value)
    {
    }

    // The prediction is what labels are compared with; a reference profile holds no distribution of it as such (a
    // drift-tested prediction member is handed over as a feature too).
    public void PredictedClass(int code, double score)
    {
    }

    public void PredictedCategory(string? value, double score)
    {
    }

    public void PredictedValue(double value)
    {
    }

    public void PredictionKey(string? id)
    {
    }
}
