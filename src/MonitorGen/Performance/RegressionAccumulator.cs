using System;

namespace MonitorGen.Performance;

/// <summary>
/// Running sums over labelled regression predictions, in constant memory: every figure of <see cref="RegressionMetrics"/>
/// follows from them exactly. Sums are compensated (Neumaier) and the actuals' spread is Welford's, so that a long
/// window agrees with scikit-learn's two-pass NumPy sums to about 1e-12.
/// </summary>
internal sealed class RegressionAccumulator
{
    // scikit-learn floors |y| at the float64 machine epsilon in the percentage error.
    private const double Epsilon = 2.220446049250313e-16;

    private CompensatedSum _absoluteError;
    private CompensatedSum _squaredError;
    private CompensatedSum _percentageError;
    private CompensatedSum _error;
    private double _actualMean;
    private double _actualSquares;

    /// <summary>How many labelled predictions were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one prediction and its actual value.</summary>
    /// <returns>False, and nothing added, when either is NaN or infinite.</returns>
    public bool Add(double predicted, double actual)
    {
        if (!double.IsFinite(predicted) || !double.IsFinite(actual))
        {
            return false;
        }

        double error = predicted - actual;
        _absoluteError.Add(Math.Abs(error));
        _squaredError.Add(error * error);
        _percentageError.Add(Math.Abs(error) / Math.Max(Math.Abs(actual), Epsilon));
        _error.Add(error);
        Count++;
        double delta = actual - _actualMean;
        _actualMean += delta / Count;
        _actualSquares += delta * (actual - _actualMean);
        return true;
    }

    public RegressionMetrics Metrics()
    {
        if (Count == 0)
        {
            return new RegressionMetrics(0, double.NaN, Interval.None, double.NaN, double.NaN, double.NaN, double.NaN, Interval.None);
        }

        double n = Count;
        double mae = _absoluteError.Value / n;
        double mse = _squaredError.Value / n;
        double meanError = _error.Value / n;
        double residual = _squaredError.Value;
        // scikit-learn's force_finite: constant actuals score 1 when predicted exactly, else 0.
        double r2 = _actualSquares == 0 ? (residual == 0 ? 1.0 : 0.0) : 1 - (residual / _actualSquares);
        return new RegressionMetrics(
            Count,
            mae,
            ConfidenceIntervals.NormalMean(mae, SampleDeviation(_squaredError.Value, mae), Count),
            Math.Sqrt(mse),
            _percentageError.Value / n,
            r2,
            meanError,
            ConfidenceIntervals.NormalMean(meanError, SampleDeviation(_squaredError.Value, meanError), Count));
    }

    /// <summary>The sample standard deviation of the absolute errors, for a one-sided bound of their mean.</summary>
    public double AbsoluteErrorDeviation => SampleDeviation(_squaredError.Value, Count == 0 ? 0 : _absoluteError.Value / Count);

    // The sample standard deviation of values whose squares sum to sumOfSquares and whose mean is mean.
    private double SampleDeviation(double sumOfSquares, double mean) =>
        Count < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (sumOfSquares - (Count * mean * mean)) / (Count - 1)));

    /// <summary>Neumaier's compensated sum: exact to the last bit or two over millions of terms.</summary>
    private struct CompensatedSum
    {
        private double _sum;
        private double _compensation;

        public readonly double Value => _sum + _compensation;

        public void Add(double value)
        {
            double t = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
            _sum = t;
        }
    }
}
