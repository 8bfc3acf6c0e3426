using Microsoft.CodeAnalysis;

namespace MonitorGen.Generators.Diagnostics;

/// <summary>The diagnostics the generator reports itself; usage errors are the analyzers' (MG0001–MG0012).</summary>
internal static class GeneratorDiagnostics
{
    /// <summary>MG0013: the generator failed to read a <c>[Monitor]</c> type, which gets no monitor.</summary>
    public static readonly DiagnosticDescriptor ParserFailed = new(
        id: "MG0013",
        title: "MonitorGen could not generate a monitor for this type",
        messageFormat: "MonitorGen could not generate a monitor for '{0}': {1}",
        category: "MonitorGen",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The source generator failed while reading the type, so no monitor class was generated for it. This is a MonitorGen defect or an input it does not expect, such as a redefined MonitorGen attribute; please report it with the message.",
        helpLinkUri: "https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0013.md");
}
