using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MonitorGen.Analyzers.Internal;

/// <summary><c>&lt;MonitorGenStrict&gt;true&lt;/MonitorGenStrict&gt;</c>: MonitorGen warnings are reported as errors.</summary>
internal static class StrictMode
{
    /// <summary>The MSBuild property, made visible by <c>CompilerVisibleProperty</c> in <c>buildTransitive/MonitorGen.props</c>.</summary>
    public const string PropertyKey = "build_property.MonitorGenStrict";

    /// <summary>Whether strict mode is on for the compilation.</summary>
    public static bool IsEnabled(AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PropertyKey, out string? value)
        && bool.TryParse(value?.Trim(), out bool strict)
        && strict;

    /// <summary>The severity to report a warning-by-default rule with.</summary>
    public static DiagnosticSeverity Severity(DiagnosticDescriptor descriptor, bool strict) =>
        strict && descriptor.DefaultSeverity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : descriptor.DefaultSeverity;

    /// <summary>A diagnostic of <paramref name="descriptor"/>, with its severity raised to error under strict mode if it is a warning.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor, Location location, bool strict, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        Diagnostic.Create(descriptor, location, Severity(descriptor, strict), additionalLocations: null, properties, messageArgs);
}
