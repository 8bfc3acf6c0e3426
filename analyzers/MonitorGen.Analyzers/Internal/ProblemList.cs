using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers.Internal;

/// <summary>
/// A message argument made of a resource template whose last argument is a "; "-separated list of resource-backed
/// problems, all formatted in the culture of whoever displays the diagnostic.
/// </summary>
internal sealed class ProblemList : LocalizableString
{
    private readonly List<(string Name, string[] Args)> _problems = new();
    private readonly string _template;
    private readonly string[] _templateArgs;

    public ProblemList(string template, params string[] templateArgs)
    {
        _template = template;
        _templateArgs = templateArgs;
    }

    /// <summary>The number of problems added.</summary>
    public int Count => _problems.Count;

    /// <summary>Adds a problem: a resource name and its arguments.</summary>
    public void Add(string name, params string[] args) => _problems.Add((name, args));

    protected override string GetText(IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.InvariantCulture;
        string joined = string.Join("; ", _problems.Select(problem => Format(problem.Name, problem.Args, culture)));
        return Format(_template, _templateArgs.Concat(new[] { joined }).ToArray(), culture);
    }

    protected override int GetHash() => _template.GetHashCode() ^ _problems.Count;

    protected override bool AreEqual(object? other) =>
        other is ProblemList list && list._template == _template && list.GetText(CultureInfo.InvariantCulture) == GetText(CultureInfo.InvariantCulture);

    private static string Format(string name, string[] args, CultureInfo culture) =>
        string.Format(culture, Resources.ResourceManager.GetString(name, culture) ?? name, args);
}
