using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

/// <summary>Every cell of Evidently's default-method table, at and around its boundaries (n = 1000, u = 2 and 5).</summary>
public sealed class DefaultMethodSelectorTests
{
    [Theory]
    // numerical, u > 5
    [InlineData(true, 10, 6, DriftMethod.Ks)]
    [InlineData(true, 1000, 1000, DriftMethod.Ks)]
    [InlineData(true, 1001, 6, DriftMethod.Wasserstein)]
    [InlineData(true, 1_000_000, 50_000, DriftMethod.Wasserstein)]
    // numerical, u <= 5
    [InlineData(true, 1000, 5, DriftMethod.ChiSquare)]
    [InlineData(true, 50, 3, DriftMethod.ChiSquare)]
    [InlineData(true, 1000, 2, DriftMethod.Z)]
    [InlineData(true, 10, 1, DriftMethod.Z)]
    [InlineData(true, 1001, 5, DriftMethod.JensenShannon)]
    [InlineData(true, 1001, 2, DriftMethod.JensenShannon)]
    [InlineData(true, 5000, 1, DriftMethod.JensenShannon)]
    // categorical
    [InlineData(false, 1000, 3, DriftMethod.ChiSquare)]
    [InlineData(false, 10, 40, DriftMethod.ChiSquare)]
    [InlineData(false, 1000, 2, DriftMethod.Z)]
    [InlineData(false, 1000, 1, DriftMethod.Z)]
    [InlineData(false, 1001, 2, DriftMethod.JensenShannon)]
    [InlineData(false, 1001, 300, DriftMethod.JensenShannon)]
    public void Selects_Evidently_default(bool numerical, long referenceCount, long distinctCount, DriftMethod expected) =>
        Assert.Equal(expected, DefaultMethodSelector.Select(numerical, referenceCount, distinctCount));

    [Fact]
    public void Rejects_negative_counts()
    {
        Assert.ThrowsAny<System.ArgumentException>(() => DefaultMethodSelector.Select(true, -1, 3));
        Assert.ThrowsAny<System.ArgumentException>(() => DefaultMethodSelector.Select(true, 3, -1));
    }
}
