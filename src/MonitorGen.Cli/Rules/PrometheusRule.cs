using System;
using System.Collections.Generic;

namespace MonitorGen.Cli.Rules;

/// <summary>One rule of a Prometheus rule group: a recording rule (<see cref="Record"/>) or an alerting rule (<see cref="Alert"/>).</summary>
/// <param name="Record">The recorded series' name (<c>level:metric:operations</c>), or null for an alert.</param>
/// <param name="Alert">The alert's name, or null for a recording rule.</param>
/// <param name="Expr">The PromQL expression.</param>
/// <param name="For">How long the condition must hold before the alert fires (alerts only; zero fires at once).</param>
/// <param name="Labels">Labels added to the recorded series or the alert, in order.</param>
/// <param name="Annotations">An alert's annotations, in order.</param>
internal sealed record PrometheusRule(
    string? Record,
    string? Alert,
    string Expr,
    TimeSpan For,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Annotations)
{
    public static PrometheusRule Recording(string record, string expr, params KeyValuePair<string, string>[] labels) =>
        new(record, null, expr, TimeSpan.Zero, labels, []);

    public static PrometheusRule Alerting(string alert, string expr, TimeSpan @for, IReadOnlyList<KeyValuePair<string, string>> labels,
        IReadOnlyList<KeyValuePair<string, string>> annotations) =>
        new(null, alert, expr, @for, labels, annotations);
}
