using System;
using System.Collections.Generic;
using System.Text;

namespace MonitorGen.Onnx;

/// <summary>
/// Matches record members to ONNX names. An attribute name must equal the graph name exactly; a member name matches the
/// graph name that is equal to it ignoring case and the separators <c>_ - . :</c> (so <c>TempMax</c> matches
/// <c>temp_max</c>). More than one graph name matching a member is an error, never a guess.
/// </summary>
/// <remarks>
/// One source file compiled into both MonitorGen.OnnxRuntime (which maps records at run time) and MonitorGen.Analyzers
/// (MG0010 checks the same mapping at build time), so that the two cannot disagree on a name.
/// </remarks>
internal static class OnnxNameMatcher
{
    /// <summary>The name in lower case, without the separators <c>_ - . :</c>.</summary>
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

    /// <summary>The graph names <paramref name="member"/> (or its attribute name, when given) matches, in their order.</summary>
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
