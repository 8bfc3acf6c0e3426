using System.Collections.Generic;

namespace MonitorGen.Cli.Rules;

/// <summary>A Prometheus rule group: its rules are evaluated in order, so a rule may use the series recorded before it.</summary>
/// <param name="Name">The group's name, unique in the file.</param>
/// <param name="Rules">The rules, in evaluation order.</param>
internal sealed record PrometheusRuleGroup(string Name, IReadOnlyList<PrometheusRule> Rules);
