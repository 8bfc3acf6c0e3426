using System.Linq;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Monitoring;

/// <summary>An undefined value of a long- or ulong-backed enum is an unseen category, never the category its low 32 bits name.</summary>
public sealed class WideEnumTests
{
    [Fact]
    public void Undefined_values_beyond_32_bits_are_unseen_categories()
    {
        ReferenceProfile profile = WideEnumRow.FitProfile(Enumerable.Range(0, 300).Select(i => new WideEnumRow((WideCode)(i % 3), (WideFlag)(ulong)(i % 3))));
        using WideEnumRowMonitor monitor = WideEnumRow.CreateMonitor(profile);
        for (int i = 0; i < 40; i++)
        {
            // (int)(1L << 32) is 0 and (int)(1UL << 32 | 1) is 1: Zero and On, if the value were truncated.
            monitor.Observe(new WideEnumRow((WideCode)(1L << 32), (WideFlag)((1UL << 32) | 1)));
            monitor.Observe(new WideEnumRow((WideCode)(-1L), WideFlag.On));
            monitor.Observe(new WideEnumRow(WideCode.Two, WideFlag.Off));
        }

        DriftReport report = monitor.CheckDrift();
        FeatureDriftResult code = report.Features.Single(f => f.Feature == nameof(WideEnumRow.Code));
        FeatureDriftResult flag = report.Features.Single(f => f.Feature == nameof(WideEnumRow.Flag));
        Assert.Equal(80, code.UnseenCategory);
        Assert.Equal(40, flag.UnseenCategory);
        Assert.Equal(120, code.CurrentCount);
    }
}
