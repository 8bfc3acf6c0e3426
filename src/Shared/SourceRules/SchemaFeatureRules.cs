using Microsoft.CodeAnalysis;

namespace MonitorGen.SourceRules;

/// <summary>The monitoring settings of a member that is part of the schema.</summary>
internal readonly struct SchemaFeatureSettings
{
    public SchemaFeatureSettings(bool driftTested, int method, double threshold, double expectMin, double expectMax, int maxCategories, bool categoricalNumber)
    {
        CategoricalNumber = categoricalNumber;
        DriftTested = driftTested;
        Method = method;
        Threshold = threshold;
        ExpectMin = expectMin;
        ExpectMax = expectMax;
        MaxCategories = maxCategories;
    }

    /// <summary>Whether the member has <c>[DriftTest]</c>.</summary>
    public bool DriftTested { get; }

    /// <summary>The <c>DriftMethod</c> value.</summary>
    public int Method { get; }

    /// <summary>The declared threshold, or NaN for the method's default.</summary>
    public double Threshold { get; }

    /// <summary>The inclusive lower bound, or -∞.</summary>
    public double ExpectMin { get; }

    /// <summary>The inclusive upper bound, or +∞.</summary>
    public double ExpectMax { get; }

    /// <summary>The declared category cap of a categorical feature, or 0 when none is declared.</summary>
    public int MaxCategories { get; }

    /// <summary>Whether the member is a number marked <c>Categorical</c>: a categorical feature of its distinct values.</summary>
    public bool CategoricalNumber { get; }
}

/// <summary>
/// Which members are features of the schema (and so of the schema hash and the profile): the generator emits exactly
/// these, and MG0009 compares a profile with exactly these. A member whose attributes are invalid is left out; the other
/// analyzers report it.
/// </summary>
internal static class SchemaFeatureRules
{
    /// <summary>Reads the settings of a member; false when it is not part of the schema.</summary>
    /// <param name="name">The member's name, which becomes the <c>feature</c> tag.</param>
    /// <param name="kind">The member's classified kind.</param>
    /// <param name="valueType">The member's type without <c>Nullable&lt;T&gt;</c>.</param>
    /// <param name="driftTest">The member's first <c>[DriftTest]</c>, or null.</param>
    /// <param name="expect">The member's first <c>[Expect]</c>, or null.</param>
    /// <param name="settings">The settings, when the member is part of the schema.</param>
    public static bool TryRead(string name, MemberValueKind kind, ITypeSymbol valueType, AttributeData? driftTest, AttributeData? expect, out SchemaFeatureSettings settings)
    {
        settings = default;
        if (kind == MemberValueKind.Unsupported || !TelemetryNameRules.IsInstrumentName(name))
        {
            return false;
        }

        int method = DriftMethodRules.Auto;
        double threshold = double.NaN;
        int maxCategories = 0;
        bool categoricalNumber = FeatureTypeClassifier.IsCategoricalNumber(kind, driftTest);
        if (driftTest is not null)
        {
            if (driftTest.ConstructorArguments.Length == 1)
            {
                bool continuous = FeatureTypeClassifier.IsContinuous(valueType);
                bool binary = FeatureTypeClassifier.IsBinary(kind, valueType);
                if (driftTest.ConstructorArguments[0].Value is not int value
                    || DriftMethodRules.Check(value, kind, continuous, binary, categoricalNumber) != MethodFit.Fits)
                {
                    return false;
                }

                method = value;
            }

            // A cap on a numerical feature has nothing to cap (MG0007 says so); it is ignored rather than emitted.
            if (NamedArgument(driftTest, "MaxCategories") is int cap && !FeatureTypeClassifier.IsNumerical(kind, categoricalNumber))
            {
                if (!AttributeArgumentRules.IsValidMaxCategories(cap))
                {
                    return false;
                }

                maxCategories = cap;
            }

            if (NamedArgument(driftTest, "Threshold") is double declared)
            {
                if (AttributeArgumentRules.CheckThreshold(method, declared) != ThresholdProblem.None)
                {
                    return false;
                }

                threshold = declared;
            }
        }

        double min = double.NegativeInfinity, max = double.PositiveInfinity;
        bool rangeChecked = expect is not null && kind == MemberValueKind.Number;
        if (rangeChecked)
        {
            min = NamedArgument(expect!, "Min") as double? ?? min;
            max = NamedArgument(expect!, "Max") as double? ?? max;
            if (!AttributeArgumentRules.IsValidRange(min, max))
            {
                return false;
            }
        }

        if (driftTest is null && !rangeChecked)
        {
            return false;
        }

        settings = new SchemaFeatureSettings(driftTest is not null, method, threshold, min, max, maxCategories, categoricalNumber);
        return true;
    }

    /// <summary>The dotted full name of a type (namespace, containing types, name) that goes in the schema and the profile.</summary>
    public static string TypeName(INamedTypeSymbol type)
    {
        string name = type.Name;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "." + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    /// <summary>An explicitly set named argument's value, or null when absent or erroneous.</summary>
    public static object? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Kind == TypedConstantKind.Error ? null : argument.Value.Value;
            }
        }

        return null;
    }
}
