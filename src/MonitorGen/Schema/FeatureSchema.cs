using System;
using System.Collections.Generic;

namespace MonitorGen;

/// <summary>One monitored member of a <see cref="MonitorAttribute"/> type, as declared in source.</summary>
/// <remarks>Instances are emitted by the generator; user code rarely builds one.</remarks>
public sealed class FeatureSchema
{
    private FeatureSchema(string name, FeatureKind kind, bool driftTested, DriftMethod method, double threshold,
        double expectMin, double expectMax, IReadOnlyList<string> declaredCategories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        DriftTested = driftTested;
        Method = method;
        Threshold = threshold;
        ExpectMin = expectMin;
        ExpectMax = expectMax;
        DeclaredCategories = declaredCategories;
    }

    /// <summary>The member name; it becomes the <c>feature</c> tag.</summary>
    public string Name { get; }

    /// <summary>Numerical or categorical.</summary>
    public FeatureKind Kind { get; }

    /// <summary>Whether the feature has a <see cref="DriftTestAttribute"/>; without one it is checked for data quality only.</summary>
    public bool DriftTested { get; }

    /// <summary>The declared method; <see cref="DriftMethod.Auto"/> is resolved from the reference profile.</summary>
    public DriftMethod Method { get; }

    /// <summary>The declared threshold, or NaN for the method's default.</summary>
    public double Threshold { get; }

    /// <summary>The inclusive lower bound of <see cref="ExpectAttribute"/>.</summary>
    public double ExpectMin { get; }

    /// <summary>The inclusive upper bound of <see cref="ExpectAttribute"/>.</summary>
    public double ExpectMax { get; }

    /// <summary>
    /// Categories known at compile time, in the order of the generated category codes (enum members, or False/True);
    /// empty for strings and numbers.
    /// </summary>
    public IReadOnlyList<string> DeclaredCategories { get; }

    /// <summary>A numerical feature.</summary>
    public static FeatureSchema Numerical(string name, bool driftTested, DriftMethod method, double threshold, double expectMin, double expectMax) =>
        new(name, FeatureKind.Numerical, driftTested, method, threshold, expectMin, expectMax, Array.Empty<string>());

    /// <summary>A categorical feature; <paramref name="declaredCategories"/> is empty for strings.</summary>
    public static FeatureSchema Categorical(string name, DriftMethod method, double threshold, params string[] declaredCategories) =>
        new(name, FeatureKind.Categorical, true, method, threshold, double.NegativeInfinity, double.PositiveInfinity, declaredCategories);
}
