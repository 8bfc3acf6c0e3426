using System.Diagnostics;

namespace MonitorGen.Telemetry;

/// <summary>Tags a recorded activity with the monitored model and the row's data-quality issues.</summary>
internal static class ActivityTags
{
    // One string per combination of the four issue flags, so tagging a recorded activity allocates nothing.
    private static readonly string[] IssueNames = BuildIssueNames();

    public static void Tag(Activity activity, MonitorSchema schema, DataQualityIssues issues)
    {
        activity.SetTag("monitorgen.model", schema.ModelName);
        if (issues != DataQualityIssues.None)
        {
            activity.SetTag("monitorgen.data_quality", IssueNames[(int)issues & 15]);
        }
    }

    private static string[] BuildIssueNames()
    {
        var names = new string[16];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = ((DataQualityIssues)i).ToString();
        }

        return names;
    }
}
