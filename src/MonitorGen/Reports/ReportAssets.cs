using System.IO;
using System.Reflection;

namespace MonitorGen.Reports;

/// <summary>The page's style and script, and Chart.js, embedded in this assembly (see Reports/Assets/README.md).</summary>
internal static class ReportAssets
{
    public static string Css { get; } = Read("MonitorGen.Reports.report.css");

    public static string Script { get; } = Read("MonitorGen.Reports.report.js");

    public static string ChartJs { get; } = Read("MonitorGen.Reports.chart.umd.min.js");

    private static string Read(string name)
    {
        using Stream stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The report asset {name} is not embedded in {typeof(ReportAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        // Line endings are made \n, so that the page's bytes do not depend on the checkout's line endings.
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
