using System;
using System.Collections.Generic;

namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>
/// ADWIN (Bifet and Gavaldà, 2007) with River's defaults: δ 0.002, a check every 32 values once the window holds more than
/// 10, sub-windows of at least 5. A check looks for a split of the window into an older part W₀ and a newer part W₁ whose
/// means differ by more than ε = sqrt(2·(1/n₀′ + 1/n₁′)·σ²·δ′) + (2/3)·δ′·(1/n₀′ + 1/n₁′), with n′ = n − 5 + 1,
/// σ² the window's variance and δ′ = ln(2·ln(n)/δ); on a cut it drops the oldest value and checks again.
/// </summary>
/// <remarks>
/// River compresses the window into exponential-histogram buckets (at most 5 per size) and tries only the bucket
/// boundaries as splits. These streams are short (about 1,100 values), so this keeps every value and tries every split,
/// which is the definition the buckets approximate; it can cut a few values earlier than River.
/// </remarks>
internal sealed class Adwin : IStreamDetector
{
    public const double Delta = 0.002;
    public const int Clock = 32;
    public const int GracePeriod = 10;
    public const int MinWindowLength = 5;

    private readonly List<double> _window = new();
    private long _ticks;

    public bool Update(double value)
    {
        _window.Add(value);
        _ticks++;
        if (_ticks % Clock != 0 || _window.Count <= GracePeriod)
        {
            return false;
        }

        bool detected = false;
        while (TryCut())
        {
            detected = true;
            _window.RemoveAt(0);
        }

        return detected;
    }

    private bool TryCut()
    {
        int n = _window.Count;
        if (n < 2 * MinWindowLength)
        {
            return false;
        }

        double total = 0, mean = 0, m2 = 0;
        for (int i = 0; i < n; i++)
        {
            double delta = _window[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (_window[i] - mean);
            total += _window[i];
        }

        double variance = m2 / n;
        double deltaPrime = Math.Log(2 * Math.Log(n) / Delta);
        double older = 0;
        for (int n0 = 1; n0 < n; n0++)
        {
            older += _window[n0 - 1];
            int n1 = n - n0;
            if (n0 < MinWindowLength || n1 < MinWindowLength)
            {
                continue;
            }

            double difference = (older / n0) - ((total - older) / n1);
            double reciprocal = (1.0 / (n0 - MinWindowLength + 1)) + (1.0 / (n1 - MinWindowLength + 1));
            double epsilon = Math.Sqrt(2 * reciprocal * variance * deltaPrime) + (2.0 / 3 * deltaPrime * reciprocal);
            if (Math.Abs(difference) > epsilon)
            {
                return true;
            }
        }

        return false;
    }
}
