using System;

namespace MonitorGen;

/// <summary>Tests a feature for drift against the reference profile.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class DriftTestAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="method">The test; <see cref="DriftMethod.Auto"/> applies the default rules.</param>
    public DriftTestAttribute(DriftMethod method = DriftMethod.Auto) => Method = method;

    /// <summary>The test.</summary>
    public DriftMethod Method { get; }

    /// <summary>The threshold; when not set, the method's default threshold applies.</summary>
    public double Threshold { get; set; } = double.NaN;

    /// <summary>
    /// The category cap of a categorical feature: the reference profile keeps the most frequent categories and counts the
    /// rest as "other". When not set (0), <see cref="FitOptions.MaxCategories"/> applies. A string feature should set it
    /// (MG0008): its number of distinct values is not known at compile time.
    /// </summary>
    public int MaxCategories { get; set; }

    /// <summary>
    /// Treats a numeric member's distinct values as categories (a rating 1..5, a number of rooms): the reference profile counts
    /// each finite value, which allows the category tests (<see cref="DriftMethod.ChiSquare"/>, <see cref="DriftMethod.GTest"/>)
    /// and the distances on proportions, and rules out the rank and sample tests (MG0002). <see cref="MaxCategories"/> caps
    /// the categories as for a string (MG0008 asks for it); NaN and infinities stay data-quality events; an
    /// <see cref="ExpectAttribute"/> range is still checked. Ignored on bool, enum and string members, which are categorical already.
    /// </summary>
    public bool Categorical { get; set; }
}
