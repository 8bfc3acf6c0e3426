using System;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

/// <summary>Inputs a test cannot run on give ArgumentException with a message, never NaN or IndexOutOfRange.</summary>
public sealed class BadInputTests
{
    private static readonly double[] Some = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];

    public static TheoryData<DriftMethod> AllMethods()
    {
        var data = new TheoryData<DriftMethod>();
        foreach (DriftMethod m in Enum.GetValues<DriftMethod>())
        {
            if (m != DriftMethod.Auto)
            {
                data.Add(m);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Empty_reference_or_current_throws(DriftMethod method)
    {
        AssertClear(() => DriftStatistics.Numerical(method, [], Some));
        AssertClear(() => DriftStatistics.Numerical(method, Some, []));
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Nan_in_a_sample_throws(DriftMethod method) =>
        AssertClear(() => DriftStatistics.Numerical(method, [1.0, double.NaN, 3.0], Some));

    [Fact]
    public void Auto_throws_in_both_entry_points()
    {
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.Auto, Some, Some));
        AssertClear(() => DriftStatistics.Counts(DriftMethod.Auto, [1, 2], [2, 1]));
    }

    [Theory]
    [InlineData(DriftMethod.Ks)]
    [InlineData(DriftMethod.Wasserstein)]
    [InlineData(DriftMethod.AndersonDarling)]
    [InlineData(DriftMethod.CramerVonMises)]
    [InlineData(DriftMethod.MannWhitney)]
    [InlineData(DriftMethod.TTest)]
    [InlineData(DriftMethod.EppsSingleton)]
    [InlineData(DriftMethod.EnergyDistance)]
    [InlineData(DriftMethod.EmpiricalMmd)]
    public void Sample_methods_throw_on_counts(DriftMethod method) =>
        AssertClear(() => DriftStatistics.Counts(method, [3, 4, 5], [5, 4, 3]));

    [Fact]
    public void Counts_must_be_aligned_finite_and_non_empty()
    {
        AssertClear(() => DriftStatistics.Counts(DriftMethod.ChiSquare, [1, 2, 3], [1, 2]));
        AssertClear(() => DriftStatistics.Counts(DriftMethod.ChiSquare, [1, -2, 3], [1, 2, 3]));
        AssertClear(() => DriftStatistics.Counts(DriftMethod.ChiSquare, [0, 0, 0], [1, 2, 3]));
        AssertClear(() => DriftStatistics.Counts(DriftMethod.Psi, [1, double.NaN], [1, 2]));
    }

    [Fact]
    public void Epps_Singleton_with_zero_iqr_throws()
    {
        // More than half the pooled values are equal, so the interquartile range is 0.
        double[] reference = [5, 5, 5, 5, 5, 5, 5, 1, 9];
        double[] current = [5, 5, 5, 5, 5, 5, 2, 8];
        ArgumentException e = AssertClear(() => DriftStatistics.Numerical(DriftMethod.EppsSingleton, reference, current));
        Assert.Contains("interquartile range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_value_tests_reject_more_categories()
    {
        AssertClear(() => DriftStatistics.Counts(DriftMethod.Z, [1, 2, 3], [3, 2, 1]));
        AssertClear(() => DriftStatistics.Counts(DriftMethod.FisherExact, [1, 2, 3], [3, 2, 1]));
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.Z, [1, 2, 3], [3, 2, 1]));
    }

    [Fact]
    public void Small_samples_that_a_method_cannot_handle_throw()
    {
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.EppsSingleton, [1, 2, 3, 4], Some));
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.CramerVonMises, [1], Some));
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.EmpiricalMmd, [1], Some));
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.TTest, [1], [2]));
        AssertClear(() => DriftStatistics.Numerical(DriftMethod.AndersonDarling, [1, 1], [1, 1]));
    }

    [Fact]
    public void Multiple_testing_rejects_bad_input()
    {
        double[] adjusted = new double[2];
        AssertClear(() => MultipleTesting.Bonferroni([0.1, 0.2, 0.3], adjusted));
        AssertClear(() => MultipleTesting.BenjaminiHochberg([0.1, double.NaN], adjusted));
        AssertClear(() => MultipleTesting.BenjaminiHochberg([0.1, 1.5], adjusted));
    }

    private static ArgumentException AssertClear(Func<object> action)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => action());
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    private static ArgumentException AssertClear(Action action) => AssertClear(() =>
    {
        action();
        return 0;
    });
}
