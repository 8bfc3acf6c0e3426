namespace MonitorGen.DriftMethods;

/// <summary>The facts of one <c>MonitorGen.DriftMethod</c> value that the runtime, the generator, the analyzers and the CLI share.</summary>
internal sealed class DriftMethodFacts
{
    public DriftMethodFacts(int value, string name, string id, bool isPValue, double defaultThreshold, DriftMethodInputs inputs)
    {
        Value = value;
        Name = name;
        Id = id;
        IsPValue = isPValue;
        DefaultThreshold = defaultThreshold;
        Inputs = inputs;
    }

    /// <summary>The enum value (append-only).</summary>
    public int Value { get; }

    /// <summary>The enum member's name.</summary>
    public string Name { get; }

    /// <summary>Evidently's id, for example <c>ks</c>.</summary>
    public string Id { get; }

    /// <summary>Whether the score is a p-value (drift when small) rather than a distance (drift when large).</summary>
    public bool IsPValue { get; }

    /// <summary>Evidently's default threshold on the score.</summary>
    public double DefaultThreshold { get; }

    /// <summary>Which features the method can test.</summary>
    public DriftMethodInputs Inputs { get; }
}
