using System;
using System.Linq;
using System.Threading.Tasks;
using MonitorGen.Sketches;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Sketches;

/// <summary>
/// KS and Wasserstein from reservoir samples of size s against the same statistic on the whole streams, over many seeds
/// (docs/streaming.md, "Error bounds").
/// </summary>
/// <remarks>
/// Each trial draws a 50,000-value reference stream and a 50,000-value current stream whose mean drifts during the
/// window (so that the order of arrival matters), feeds both into reservoirs of 2048, and compares. The lognormal
/// scenario is the exponential of the same draws: KS is invariant under that monotone map, Wasserstein is not. A "head" sketch that
/// keeps the first s values instead of a uniform sample serves as the negative control: the same checks must reject it.
/// </remarks>
public sealed class SampleBoundTests
{
    private const int Seeds = 200;
    private const int StreamLength = 50_000;
    private const int SampleSize = 2048;
    private const double Alpha = 0.05;

    private static readonly Lazy<(Trial[] Normal, Trial[] LogNormal)> Trials = new(Run);

    private readonly ITestOutputHelper _output;

    public SampleBoundTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Ks_from_reservoirs_stays_within_the_dkw_bound()
    {
        Trial[] trials = Trials.Value.Normal;
        double bound = SketchErrorBounds.KolmogorovSmirnov(SampleSize, StreamLength, SampleSize, StreamLength, Alpha);
        double radius = SketchErrorBounds.DkwRadius(SampleSize, Alpha / 2, StreamLength);

        double violations = trials.Count(t => Math.Abs(t.KsSketch - t.KsFull) > bound) / (double)Seeds;
        // Each side alone: sup |F_sample − F_stream| > ε at α/2 — the DKW statement itself, nearly tight.
        double sideViolations = trials.Sum(t => (t.RefSup > radius ? 1 : 0) + (t.CurSup > radius ? 1 : 0)) / (2.0 * Seeds);
        double worst = trials.Max(t => Math.Abs(t.KsSketch - t.KsFull)) / bound;
        double headViolations = trials.Count(t => Math.Abs(t.KsHead - t.KsFull) > bound) / (double)Seeds;
        _output.WriteLine($"bound {bound:F4}; |ΔD| > bound in {violations:P1}; one side beyond ε={radius:F4} in {sideViolations:P2}; worst |ΔD|/bound {worst:F2}; head sketch {headViolations:P1}");

        Assert.True(violations <= Alpha, $"{violations:P1} of seeds exceed the bound");
        // Binomial(400, ≤ 0.025): mean ≤ 10, sd ≈ 3.1; 0.045 is 18 sides, over 2.5 sd above the worst case.
        Assert.True(sideViolations <= (Alpha / 2) + 0.02, $"{sideViolations:P2} of sides exceed the DKW radius");
        Assert.True(headViolations > 0.5, $"the head sketch violates in only {headViolations:P1}: the check has no power");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Wasserstein_from_reservoirs_obeys_the_expectation_bound_and_the_documented_tolerance(bool lognormal)
    {
        Trial[] trials = lognormal ? Trials.Value.LogNormal : Trials.Value.Normal;

        // E|ΔW| ≤ E W1(ref_s, ref) + E W1(cur_s, cur) ≤ (J1_ref + J1_cur) / sqrt(s): a proven bound on the mean.
        double meanError = trials.Average(t => Math.Abs(t.WSketch - t.WFull));
        double meanBound = trials.Average(t => t.ExpectedBound);
        // The documented tolerance: 2 × that bound per trial, with J1 estimated from the samples, as a monitor would.
        double beyond = trials.Count(t => Math.Abs(t.WSketch - t.WFull) > 2 * t.SampleExpectedBound) / (double)Seeds;
        double beyondHead = trials.Count(t => Math.Abs(t.WHead - t.WFull) > 2 * t.SampleExpectedBound) / (double)Seeds;
        double worst = trials.Max(t => Math.Abs(t.WSketch - t.WFull) / t.ExpectedBound);
        _output.WriteLine($"mean |ΔW| {meanError:G4} vs mean bound {meanBound:G4}; |ΔW| > 2·bound in {beyond:P1}; worst |ΔW|/bound {worst:F2}; head sketch {beyondHead:P1}");

        Assert.True(meanError <= meanBound, $"mean error {meanError} above the expectation bound {meanBound}");
        Assert.True(beyond <= Alpha, $"{beyond:P1} of seeds beyond the documented tolerance");
        Assert.True(beyondHead > 0.5, $"the head sketch exceeds the tolerance in only {beyondHead:P1}");
    }

    [Fact]
    public void The_linear_helpers_agree_with_the_batch_statistics()
    {
        var random = new Random(7);
        double[] a = Enumerable.Range(0, 500).Select(_ => Math.Round(SortedEcdf.Normal(random), 1)).Order().ToArray();
        double[] b = Enumerable.Range(0, 300).Select(_ => Math.Round(SortedEcdf.Normal(random) + 0.3, 1)).Order().ToArray();
        Assert.Equal(KolmogorovSmirnov.Statistic(a, b), SortedEcdf.SupDistance(a, b), 12);
        Assert.Equal(WassersteinDistance.Distance(a, b), SortedEcdf.Wasserstein(a, b), 12);
    }

    private static (Trial[] Normal, Trial[] LogNormal) Run()
    {
        var normal = new Trial[Seeds];
        var lognormal = new Trial[Seeds];
        Parallel.For(0, Seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var random = new Random(seed);
            double[] reference = new double[StreamLength], current = new double[StreamLength];
            var refSketch = new Reservoir(SampleSize, (ulong)(2 * seed) + 1);
            var curSketch = new Reservoir(SampleSize, (ulong)(2 * seed) + 2);
            for (int i = 0; i < StreamLength; i++)
            {
                reference[i] = SortedEcdf.Normal(random);
                // The current mean drifts from 0 to 1 across the window, with a wider spread.
                current[i] = ((double)i / StreamLength) + (1.2 * SortedEcdf.Normal(random));
                refSketch.Add(reference[i]);
                curSketch.Add(current[i]);
            }

            double[] refSample = refSketch.ToArray(), curSample = curSketch.ToArray();
            double[] head = current.AsSpan(0, SampleSize).ToArray();
            foreach (double[] values in new[] { refSample, curSample, head, reference, current })
            {
                Array.Sort(values);
            }

            normal[seed] = Measure(reference, current, refSample, curSample, head);
            // exp keeps the order, so the sorted arrays stay sorted.
            foreach (double[] values in new[] { refSample, curSample, head, reference, current })
            {
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Math.Exp(values[i]);
                }
            }

            lognormal[seed] = Measure(reference, current, refSample, curSample, head);
        });
        return (normal, lognormal);
    }

    private static Trial Measure(double[] reference, double[] current, double[] refSample, double[] curSample, double[] head)
    {
        double j1 = SketchErrorBounds.J1(reference) + SketchErrorBounds.J1(current);
        double j1Sample = SketchErrorBounds.J1(refSample) + SketchErrorBounds.J1(curSample);
        return new Trial(
            KsFull: SortedEcdf.SupDistance(reference, current),
            KsSketch: SortedEcdf.SupDistance(refSample, curSample),
            KsHead: SortedEcdf.SupDistance(refSample, head),
            RefSup: SortedEcdf.SupDistance(refSample, reference),
            CurSup: SortedEcdf.SupDistance(curSample, current),
            WFull: SortedEcdf.Wasserstein(reference, current),
            WSketch: SortedEcdf.Wasserstein(refSample, curSample),
            WHead: SortedEcdf.Wasserstein(refSample, head),
            ExpectedBound: SketchErrorBounds.WassersteinExpected(j1, SampleSize, StreamLength),
            SampleExpectedBound: SketchErrorBounds.WassersteinExpected(j1Sample, SampleSize, StreamLength));
    }

    private readonly record struct Trial(double KsFull, double KsSketch, double KsHead, double RefSup, double CurSup,
        double WFull, double WSketch, double WHead, double ExpectedBound, double SampleExpectedBound);
}
