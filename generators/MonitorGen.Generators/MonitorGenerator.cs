using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Generators.Diagnostics;
using MonitorGen.Generators.Emitting;
using MonitorGen.Generators.Parsing;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators;

/// <summary>
/// Emits a <c>{Type}Monitor</c> class for each <c>[Monitor]</c> type. Usage errors are reported by the analyzers;
/// the generator skips what it cannot emit correctly and never throws; a type it fails to read gets MG0013.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MonitorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.MonitorAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, cancellationToken) => MonitorTypeParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.MonitorTypes);
        var monitorTypes = parsed
            .Where(static outcome => outcome.Model is not null)
            .Select(static (outcome, _) => outcome.Model!)
            .WithTrackingName(TrackingNames.ValidMonitorTypes);
        var failures = parsed
            .Where(static outcome => outcome.Failure is not null)
            .Select(static (outcome, _) => outcome.Failure!);

        context.RegisterSourceOutput(monitorTypes, static (output, model) =>
            output.AddSource(model.HintName, MonitorEmitter.Emit(model)));
        context.RegisterSourceOutput(failures, static (output, failure) =>
            output.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.ParserFailed, failure.Location?.ToLocation() ?? Location.None,
                failure.TypeName, failure.Reason)));
    }
}
