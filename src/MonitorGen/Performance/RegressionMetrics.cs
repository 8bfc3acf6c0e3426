namespace MonitorGen.Performance;

/// <summary>Realized regression performance over a set of labelled predictions.</summary>
/// <param name="Count">How many labelled predictions.</param>
/// <param name="MeanAbsoluteError">scikit-learn's <c>mean_absolute_error</c>.</param>
/// <param name="MeanAbsoluteErrorInterval">The normal 95 % interval of the mean absolute error.</param>
/// <param name="RootMeanSquaredError">scikit-learn's <c>root_mean_squared_error</c>.</param>
/// <param name="MeanAbsolutePercentageError">scikit-learn's <c>mean_absolute_percentage_error</c>: a fraction, with |y| floored at the machine epsilon.</param>
/// <param name="R2">scikit-learn's <c>r2_score</c>: 1 for a perfect fit of constant actuals, 0 for an imperfect one.</param>
/// <param name="MeanError">The mean of predicted − actual: positive when the model over-predicts.</param>
/// <param name="MeanErrorInterval">The normal 95 % interval of the mean error.</param>
public sealed record RegressionMetrics(
    long Count,
    double MeanAbsoluteError,
    Interval MeanAbsoluteErrorInterval,
    double RootMeanSquaredError,
    double MeanAbsolutePercentageError,
    double R2,
    double MeanError,
    Interval MeanErrorInterval);
