using System;
using MonitorGen;
using MonitorGen.Monitoring;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What an expert would write by hand for <see cref="ScoringRequest"/>: the same schema (built the way the generator
/// builds it), the feature state cached in fields, and the row's members passed straight to the runtime's typed
/// <c>Observe</c> methods. Enum codes are plain casts, since both enums are declared 0..n-1 in code order.
/// </summary>
internal sealed class HandWrittenScoringMonitor : ModelMonitor
{
    /// <summary>The schema, identical to the generated one, so the same profile applies.</summary>
    public static MonitorSchema HandSchema { get; } = new(
        "credit-scoring",
        "2.1",
        "MonitorGen.Benchmarks.ScoringRequest",
        "3a656eea36efd056",
        new[]
        {
            FeatureSchema.Numerical("Income", true, DriftMethod.Auto, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
            FeatureSchema.Numerical("Utilization", true, DriftMethod.Ks, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
            FeatureSchema.Numerical("Age", true, DriftMethod.Auto, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
            FeatureSchema.Numerical("DebtRatio", true, DriftMethod.Psi, double.NaN, 0.0, 5.0),
            FeatureSchema.Numerical("TenureMonths", true, DriftMethod.Wasserstein, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
            FeatureSchema.Categorical("Channel", DriftMethod.Auto, double.NaN, "Web", "Mobile", "Branch"),
            FeatureSchema.Categorical("Region", DriftMethod.JensenShannon, double.NaN, "North", "South", "East", "West", "Central"),
        },
        new[] { new KpiSchema("Confidence", "confidence", "1") });

    private readonly NumericFeatureState _income;
    private readonly NumericFeatureState _utilization;
    private readonly NumericFeatureState _age;
    private readonly NumericFeatureState _debtRatio;
    private readonly NumericFeatureState _tenureMonths;
    private readonly CategoricalFeatureState _channel;
    private readonly CategoricalFeatureState _region;
    private readonly KpiInstrument _confidence;

    public HandWrittenScoringMonitor(ReferenceProfile profile, MonitorOptions? options = null)
        : base(HandSchema, profile, options, null)
    {
        _income = NumericFeatureAt(0);
        _utilization = NumericFeatureAt(1);
        _age = NumericFeatureAt(2);
        _debtRatio = NumericFeatureAt(3);
        _tenureMonths = NumericFeatureAt(4);
        _channel = CategoricalFeatureAt(5);
        _region = CategoricalFeatureAt(6);
        _confidence = KpiAt(0);
    }

    public void Observe(ScoringRequest row)
    {
        WindowShard window = BeginRow();
        DataQualityIssues issues = DataQualityIssues.None;
        try
        {
            if (row is null)
            {
                issues = ObserveNullRow(window);
                return;
            }

            issues =
                _income.Observe(window, row.Income)
                | _utilization.Observe(window, row.Utilization)
                | _age.Observe(window, row.Age)
                | _debtRatio.Observe(window, row.DebtRatio)
                | _tenureMonths.Observe(window, row.TenureMonths)
                | _channel.Observe(window, (int)row.Channel)
                | _region.Observe(window, (int)row.Region)
                | _confidence.Record(row.Confidence);
        }
        catch (Exception exception)
        {
            ReportObserveFailure(exception);
        }
        finally
        {
            EndRow(window, issues);
        }
    }
}
