using System.Globalization;
using MonitorGen;

namespace SeattleWeatherService.Replay;

/// <summary>The replayer's live table: one line per closed window.</summary>
internal static class WindowTable
{
    public static void WriteHeader(TextWriter output)
    {
        output.WriteLine("window  progress          segment          acc    labels  conf   dq     drift  drifted features");
        output.WriteLine(new string('-', 110));
    }

    public static void WriteRow(TextWriter output, int window, int windows, int sentRows, int totalRows, WindowResult result)
    {
        IEnumerable<FeatureDriftResult> drifted = result.Reports.SelectMany(r => r.Features).Where(f => f.Alarmed);
        string features = string.Join(", ", drifted.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Feature} ({f.Method} {f.Score:G3})")));
        long rows = result.Reports.Sum(r => r.Rows);
        long issues = result.Reports.Sum(r => r.RowsWithIssues);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{window,3}/{windows,-3} {sentRows,5}/{totalRows,-5} {Bar(sentRows, totalRows)} {result.Segment,-16} {Percent(result.Accuracy)}  {Percent(result.LabelCompleteness)}   {result.MeanConfidence,5:F2}  {(rows == 0 ? 0 : (double)issues / rows),5:P0}  {(result.Drifted ? "YES" : "no"),-5}  {(features.Length == 0 ? "-" : features)}");
        output.WriteLine(result.FailedRequests == 0 ? line : $"{line}  ({result.FailedRequests} requests failed)");
    }

    private static string Percent(double share) => double.IsNaN(share) ? "    -" : string.Create(CultureInfo.InvariantCulture, $"{share,5:P0}");

    private static string Bar(int done, int total)
    {
        const int Width = 6;
        int filled = total == 0 ? Width : done * Width / total;
        return "[" + new string('#', filled) + new string('.', Width - filled) + "]";
    }
}
