using System;
using System.Linq;
using MonitorGen.SourceRules;
using MonitorGen.Statistics;

namespace MonitorGen.Generators.Tests;

/// <summary>The generator's and the analyzers' drift-method rules (one linked source) agree with the runtime's enum and catalog.</summary>
public sealed class DriftMethodRulesTests
{
    public static TheoryData<DriftMethod> Methods() => new(Enum.GetValues<DriftMethod>().Where(m => m != DriftMethod.Auto));

    [Fact]
    public void Names_and_defined_values_match_the_runtime_enum()
    {
        foreach (DriftMethod method in Enum.GetValues<DriftMethod>())
        {
            Assert.True(DriftMethodRules.IsDefined((int)method));
            Assert.Equal(method.ToString(), DriftMethodRules.NameOf((int)method));
        }

        int past = Enum.GetValues<DriftMethod>().Length;
        Assert.False(DriftMethodRules.IsDefined(past));
        Assert.False(DriftMethodRules.IsDefined(-1));
        Assert.Null(DriftMethodRules.NameOf(past));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Score_kind_and_categorical_support_match_the_runtime(DriftMethod method)
    {
        Assert.Equal(DriftMethodCatalog.ScoreKindOf(method) == DriftScoreKind.PValue, AttributeArgumentRules.IsPValueMethod((int)method));

        // A binary string feature: every method the runtime runs on categories fits it, and no other.
        MethodFit onBinaryString = DriftMethodRules.Check((int)method, MemberValueKind.String, continuous: false, binary: true, categoricalNumber: false);
        Assert.Equal(DriftMethodCatalog.SupportsCategorical(method), onBinaryString == MethodFit.Fits);
    }
}
