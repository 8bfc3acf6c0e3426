using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Generators.Emitting;
using MonitorGen.Generators.Parsing;
using MonitorGen.Generators.Shared;

namespace MonitorGen.Generators;

/// <summary>
/// Emits a <c>{Type}Monitor</c> class for each <c>[Monitor]</c> type. Usage errors are reported by the analyzers;
/// the generator skips what it cannot emit correctly and never throws.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MonitorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var monitorTypes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.MonitorAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntaxContext, cancellationToken) => MonitorTypeParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.MonitorTypes)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ValidMonitorTypes);

        context.RegisterSourceOutput(monitorTypes, static (output, model) =>
            output.AddSource(model.HintName, MonitorEmitter.Emit(model)));
    }
}
