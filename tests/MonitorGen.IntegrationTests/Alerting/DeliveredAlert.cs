using System.Collections.Generic;
using System.Linq;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>One alert as Alertmanager delivered it to the webhook: <c>firing</c> or <c>resolved</c>, with its labels.</summary>
internal sealed record DeliveredAlert(string Status, IReadOnlyDictionary<string, string> Labels)
{
    public string Name => Labels.GetValueOrDefault("alertname", "");

    public override string ToString() => $"{Status} {Name}{{{string.Join(", ", Labels.Where(l => l.Key != "alertname").Select(l => $"{l.Key}={l.Value}"))}}}";
}
