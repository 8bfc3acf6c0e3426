namespace MonitorGen.AspNetCore;

/// <summary>The Prometheus scraping endpoint (section <c>MonitorGen:Prometheus</c>).</summary>
public sealed class MonitorGenPrometheusOptions
{
    /// <summary>Whether <c>MapMonitorGen</c> maps the scraping endpoint. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The path of the scraping endpoint, under the prefix given to <c>MapMonitorGen</c>. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";
}
