using System.Collections.Generic;

namespace MonitorGen.IntegrationTests.Prometheus;

/// <summary>One series of an instant-query result: its labels (with <c>__name__</c> when the query keeps it) and value.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The value of label <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Labels.TryGetValue(name, out string? value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{{{string.Join(", ", Labels)}}} {Value}";
}
