namespace MonitorGen;

/// <summary>How a feature's values are compared.</summary>
public enum FeatureKind
{
    /// <summary>Numbers: binned, sampled and rank-tested.</summary>
    Numerical = 0,
    /// <summary>Categories (enums, bools, strings, numbers marked <see cref="DriftTestAttribute.Categorical"/>): counted per category.</summary>
    Categorical = 1,
}
