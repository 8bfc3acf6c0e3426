using System;

namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>
/// The Page–Hinkley test (Page, 1954) with River's defaults (λ 50, δ 0.005, forgetting factor 1 − 10⁻⁴, at least 30 values)
/// in both directions: with x̄ the running mean, the cumulative sums of x − x̄ − δ (increase) and x̄ − x − δ (decrease),
/// each forgetting by the factor; drift when either sum rises λ above its running minimum, after which the test restarts.
/// </summary>
internal sealed class PageHinkley : IStreamDetector
{
    public const double Threshold = 50;
    public const double Delta = 0.005;
    public const double Forgetting = 1 - 0.0001;
    public const int MinInstances = 30;

    private long _count;
    private double _mean;
    private double _increase;
    private double _minIncrease;
    private double _decrease;
    private double _minDecrease;

    public bool Update(double value)
    {
        _count++;
        _mean += (value - _mean) / _count;
        _increase = (Forgetting * _increase) + (value - _mean - Delta);
        _decrease = (Forgetting * _decrease) + (_mean - value - Delta);
        _minIncrease = Math.Min(_minIncrease, _increase);
        _minDecrease = Math.Min(_minDecrease, _decrease);
        bool drift = _count >= MinInstances && (_increase - _minIncrease > Threshold || _decrease - _minDecrease > Threshold);
        if (drift)
        {
            _count = 0;
            _mean = _increase = _minIncrease = _decrease = _minDecrease = 0;
        }

        return drift;
    }
}
