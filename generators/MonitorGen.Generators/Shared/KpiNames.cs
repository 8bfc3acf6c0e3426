namespace MonitorGen.Generators.Shared;

/// <summary>The rule for <c>[KpiMetric]</c> names: lower case, dot separated, as OpenTelemetry names are.</summary>
internal static class KpiNames
{
    /// <summary>Whether <paramref name="name"/> matches <c>^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$</c>.</summary>
    public static bool IsValid(string? name)
    {
        if (name is null || name.Length == 0 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        bool afterDot = false;
        foreach (char c in name)
        {
            if (c == '.')
            {
                if (afterDot)
                {
                    return false;
                }

                afterDot = true;
                continue;
            }

            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }

            afterDot = false;
        }

        return !afterDot;
    }
}
