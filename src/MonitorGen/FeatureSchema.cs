using System;
using System.Collections.Generic;
using System.Globalization;

namespace MonitorGen;

/// <summary>One monitored member of a <see cref="MonitorAttribute"/> type, as declared in source.</summary>
/// <remarks>Generator support: instances are emitted by the generator, and user code rarely builds one; hidden from
/// IntelliSense.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeatureSchema
{
    private FeatureSchema(string name, FeatureKind kind, bool driftTested, DriftMethod method, double threshold,
        double expectMin, double expectMax, IReadOnlyList<string> declaredCategories, int maxCategories = 0, bool numericCategories = false)
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
        MaxCategories = maxCategories;
        NumericCategories = numericCategories;
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

    /// <summary>
    /// The category cap of a categorical feature (<see cref="DriftTestAttribute.MaxCategories"/>), or 0 when
    /// <see cref="FitOptions.MaxCategories"/> applies.
    /// </summary>
    public int MaxCategories { get; }

    /// <summary>
    /// Whether this categorical feature is a number marked <see cref="DriftTestAttribute.Categorical"/>: each distinct finite
    /// value is a category, named by <see cref="CategoryName"/>.
    /// </summary>
    public bool NumericCategories { get; }

    /// <summary>
    /// The category name of a numeric value: its shortest round-trippable invariant form (<c>"R"</c>), with -0 folded into 0,
    /// so that profiles are deterministic and a name parses back to the same <see cref="double"/>.
    /// </summary>
    /// <param name="value">A finite value.</param>
    public static string CategoryName(double value) => (value + 0.0).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A numerical feature.</summary>
    public static FeatureSchema Numerical(string name, bool driftTested, DriftMethod method, double threshold, double expectMin, double expectMax) =>
        new(name, FeatureKind.Numerical, driftTested, method, threshold, expectMin, expectMax, Array.Empty<string>());

    /// <summary>A categorical feature; <paramref name="declaredCategories"/> is empty for strings.</summary>
    public static FeatureSchema Categorical(string name, DriftMethod method, double threshold, params string[] declaredCategories) =>
        new(name, FeatureKind.Categorical, true, method, threshold, double.NegativeInfinity, double.PositiveInfinity, declaredCategories);

    /// <summary>
    /// A numeric feature marked <see cref="DriftTestAttribute.Categorical"/>: counted per distinct value, with an optional
    /// <see cref="ExpectAttribute"/> range checked as for a numerical feature.
    /// </summary>
    public static FeatureSchema CategoricalNumber(string name, DriftMethod method, double threshold, double expectMin, double expectMax) =>
        new(name, FeatureKind.Categorical, true, method, threshold, expectMin, expectMax, Array.Empty<string>(), numericCategories: true);

    /// <summary>This categorical feature with its own category cap instead of <see cref="FitOptions.MaxCategories"/>.</summary>
    /// <param name="maxCategories">The number of categories the reference profile keeps; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCategories"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The feature is numerical.</exception>
    public FeatureSchema WithMaxCategories(int maxCategories)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCategories, 1);
        if (Kind != FeatureKind.Categorical)
        {
            throw new InvalidOperationException($"Feature '{Name}' is numerical; only a categorical feature has a category cap.");
        }

        return new(Name, Kind, DriftTested, Method, Threshold, ExpectMin, ExpectMax, DeclaredCategories, maxCategories, NumericCategories);
    }
}
