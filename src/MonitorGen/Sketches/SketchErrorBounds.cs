using System;

namespace MonitorGen.Sketches;

/// <summary>The documented error bounds of the sample-based statistics (docs/streaming.md, "Error bounds").</summary>
internal static class SketchErrorBounds
{
    /// <summary>
    /// The Dvoretzky–Kiefer–Wolfowitz radius: with probability at least 1 − <paramref name="alpha"/>, a uniform sample of
    /// <paramref name="sampleSize"/> values has an empirical CDF within ε = sqrt(ln(2/α) / (2s)) of its stream's, everywhere.
    /// Zero when the sample is the whole stream (<paramref name="streamLength"/> ≤ s).
    /// </summary>
    /// <remarks>
    /// DKW is stated for independent draws; a reservoir draws without replacement from a finite stream, whose ECDF
    /// deviations are no larger in the convex order (Hoeffding, 1963), so the radius holds and is conservative by
    /// about the factor sqrt(1 − s/N).
    /// </remarks>
    public static double DkwRadius(long sampleSize, double alpha, long streamLength = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in (0, 1).");
        }

        return streamLength <= sampleSize ? 0 : Math.Sqrt(Math.Log(2 / alpha) / (2.0 * sampleSize));
    }

    /// <summary>
    /// The bound on |D_sample − D_stream| for the two-sample KS statistic that holds with probability at least
    /// 1 − <paramref name="alpha"/>: ε_ref + ε_cur, each side's DKW radius at α/2 (a union bound over the two sides),
    /// since D is a sup-distance and obeys the triangle inequality.
    /// </summary>
    public static double KolmogorovSmirnov(long referenceSample, long referenceLength, long currentSample, long currentLength, double alpha = 0.05) =>
        DkwRadius(referenceSample, alpha / 2, referenceLength) + DkwRadius(currentSample, alpha / 2, currentLength);

    /// <summary>
    /// The bound on the expected first Wasserstein distance between a uniform sample of size s and its stream:
    /// E W1 ≤ J1 / sqrt(s), where J1 = ∫ sqrt(F(1 − F)) dx over the stream's CDF F (Bobkov and Ledoux, 2019, Thm 3.5;
    /// sampling without replacement only shrinks each E|F_s(x) − F(x)|). <paramref name="j1"/> is in the data's units.
    /// </summary>
    public static double WassersteinExpected(double j1, long sampleSize, long streamLength = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        return streamLength <= sampleSize ? 0 : j1 / Math.Sqrt(sampleSize);
    }

    /// <summary>J1 = ∫ sqrt(F(1 − F)) dx of the empirical CDF of <paramref name="sorted"/> (ascending), the plug-in
    /// estimate the Wasserstein bound takes.</summary>
    public static double J1(ReadOnlySpan<double> sorted)
    {
        double sum = 0;
        for (int i = 0; i + 1 < sorted.Length; i++)
        {
            double f = (i + 1.0) / sorted.Length;
            sum += (sorted[i + 1] - sorted[i]) * Math.Sqrt(f * (1 - f));
        }

        return sum;
    }
}
