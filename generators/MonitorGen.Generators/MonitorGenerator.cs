using Microsoft.CodeAnalysis;
using MonitorGen.Generators.Diagnostics;
using MonitorGen.Generators.Emitting;
using MonitorGen.Generators.Model;
using MonitorGen.Generators.Parsing;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators;

/// <summary>
/// Emits a <c>{Type}Monitor</c> class for each <c>[Monitor]</c> type, and its ONNX mapping when the compilation references
/// MonitorGen.OnnxRuntime. Usage errors are reported by the analyzers;
/// the generator skips what it cannot emit correctly and never throws; a type it fails to read gets MG0013.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MonitorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = AttributedTypeProvider
            .ForAttribute(context, KnownTypeNames.MonitorAttribute, MonitorTypeParser.Parse, ParseOutcome.Skipped,
                static failure => new ParseOutcome(null, failure))
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
        context.RegisterSourceOutput(monitorTypes.Where(static model => model.Onnx is not null), static (output, model) =>
            output.AddSource(model.Onnx!.HintName, OnnxRecordEmitter.Emit(model.Onnx)));

        var onnxRecords = AttributedTypeProvider
            .ForAttribute(context, KnownTypeNames.OnnxRecordAttribute, OnnxRecordParser.Parse, OnnxParseOutcome.Skipped,
                static failure => new OnnxParseOutcome(null, failure))
            .WithTrackingName(TrackingNames.OnnxRecordTypes);
        context.RegisterSourceOutput(onnxRecords.Where(static outcome => outcome.Model is not null), static (output, outcome) =>
            output.AddSource(outcome.Model!.HintName, OnnxRecordEmitter.Emit(outcome.Model)));
        context.RegisterSourceOutput(onnxRecords.Where(static outcome => outcome.Failure is not null), static (output, outcome) =>
            Report(output, outcome.Failure!));
        context.RegisterSourceOutput(failures, static (output, failure) => Report(output, failure));
    }

    private static void Report(SourceProductionContext output, ParseFailureModel failure) =>
        output.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.ParserFailed, failure.Location?.ToLocation() ?? Location.None,
            failure.TypeName, failure.Reason));
}
