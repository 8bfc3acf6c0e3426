using Microsoft.CodeAnalysis;

namespace MonitorGen.SourceRules;

/// <summary>Reads the named arguments of a <c>[KpiMetric]</c> as the generator and MG0007 both see them.</summary>
internal static class KpiArguments
{
    /// <summary>The declared <c>Buckets</c>, as written (possibly invalid); null when not declared or null. False when
    /// an element is not a constant double (the attribute did not bind).</summary>
    public static bool TryGetBuckets(AttributeData attribute, out double[]? buckets)
    {
        buckets = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != "Buckets")
            {
                continue;
            }

            if (argument.Value.Kind != TypedConstantKind.Array)
            {
                return argument.Value.Kind != TypedConstantKind.Error;
            }

            if (argument.Value.IsNull)
            {
                return true;
            }

            var values = argument.Value.Values;
            var result = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i].Value is not double value)
                {
                    return false;
                }

                result[i] = value;
            }

            buckets = result;
            return true;
        }

        return true;
    }
}
