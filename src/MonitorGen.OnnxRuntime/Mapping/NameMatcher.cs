using System;
using System.Collections.Generic;
using System.Text;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>
/// Matches record members to ONNX names. An attribute name must equal the graph name exactly; a member name matches the
/// graph name that is equal to it ignoring case and the separators <c>_ - . :</c> (so <c>TempMax</c> matches
/// <c>temp_max</c>). More than one graph name matching a member is an error, never a guess.
/// </summary>
internal static class NameMatcher
{
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c is not ('_' or '-' or '.' or ':'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The graph names <paramref name="member"/> (or its attribute name) matches.</summary>
    public static List<string> Candidates(string member, string? attributeName, IEnumerable<string> graphNames)
    {
        var matches = new List<string>();
        string key = Normalize(member);
        foreach (string graphName in graphNames)
        {
            if (attributeName is not null ? string.Equals(graphName, attributeName, StringComparison.Ordinal) : Normalize(graphName) == key)
            {
                matches.Add(graphName);
            }
        }

        return matches;
    }
}
