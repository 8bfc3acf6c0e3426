using System;
using System.Collections.Generic;
using MonitorGen.Statistics;

namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>
/// KSWIN (Raab, Heusinger and Schleif, 2020) with River's defaults and behaviour: once the window holds
/// <see cref="WindowSize"/> values, the last <see cref="StatSize"/> are tested by two-sample KS against as many drawn without
/// replacement from the others; drift when p ≤ α and D &gt; 0.1, after which the detector starts empty.
/// </summary>
internal sealed class Kswin : IStreamDetector
{
    public const double Alpha = 0.005;
    public const int WindowSize = 100;
    public const int StatSize = 30;

    private readonly Queue<double> _window = new(WindowSize);
    private readonly Random _random;
    private readonly double[] _older = new double[StatSize];
    private readonly double[] _recent = new double[StatSize];
    private readonly int[] _indices = new int[WindowSize - StatSize];
    private bool _drifted;

    public Kswin(int seed) => _random = new Random(seed);

    public bool Update(double value)
    {
        if (_drifted)
        {
            _window.Clear();
            _drifted = false;
        }

        if (_window.Count == WindowSize)
        {
            _window.Dequeue();
        }

        _window.Enqueue(value);
        if (_window.Count < WindowSize)
        {
            return false;
        }

        double[] values = _window.ToArray();
        for (int i = 0; i < _indices.Length; i++)
        {
            _indices[i] = i;
        }

        // A partial Fisher–Yates shuffle draws StatSize of the older positions without replacement, as random.sample does.
        for (int i = 0; i < StatSize; i++)
        {
            int j = _random.Next(i, _indices.Length);
            (_indices[i], _indices[j]) = (_indices[j], _indices[i]);
            _older[i] = values[_indices[i]];
        }

        Array.Copy(values, WindowSize - StatSize, _recent, 0, StatSize);
        (double statistic, double pValue) = KolmogorovSmirnov.Test(_older, _recent);
        _drifted = pValue <= Alpha && statistic > 0.1;
        return _drifted;
    }
}
