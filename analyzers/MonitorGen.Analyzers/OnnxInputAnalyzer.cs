using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Analyzers.Internal.Onnx;
using MonitorGen.SourceRules;
using MonitorGen.Onnx;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0010: the inputs of an ONNX model file must match the model's <c>[Monitor]</c> input record by the rules
/// MonitorGen.OnnxRuntime maps it with — names, element types and one element per row — and the file must be readable.
/// Model files are read once per compilation with a bounds-checked protobuf reader; the comparison is reported on the
/// record, an unreadable file on the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OnnxInputAnalyzer : SchemaFileAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.OnnxInputMismatch);

    private protected override DiagnosticDescriptor Rule => DiagnosticDescriptors.OnnxInputMismatch;

    private protected override string CorruptReason => Resources.MG0010ReasonCorrupt;

    private protected override ImmutableArray<SchemaFile> ReadFiles(AnalyzerOptions options, CancellationToken cancellationToken) =>
        OnnxFile.ReadAll(options, cancellationToken);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, string model, SchemaFileScope scope)
    {
        foreach (OnnxFile file in scope.Files.OfType<OnnxFile>())
        {
            if (file.Result.Error is null && file.Model == model)
            {
                Analyze(context, type, model, file, scope);
            }
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, string modelName, OnnxFile model, SchemaFileScope scope)
    {
        string typeName = SchemaFeatureRules.TypeName(type);
        if (model.InputType is { } inputType)
        {
            if (!string.Equals(inputType, typeName, StringComparison.Ordinal))
            {
                return;
            }
        }
        else
        {
            // Without MonitorGenInputType, the input record is the model's only [Monitor] type, or else the one whose
            // members match the most inputs (an output record shares few names with the inputs).
            IReadOnlyList<INamedTypeSymbol> types = scope.Index.Value.TypesOf(modelName);
            if (types.Count > 1)
            {
                int mine = Overlap(type, model, scope.Symbols);
                List<INamedTypeSymbol> best = Best(types, model, scope.Symbols, out int bestOverlap);
                if (mine < bestOverlap)
                {
                    return;
                }

                if (best.Count > 1)
                {
                    Report(context, type, model, scope.Severity, Resources.Format(
                        Resources.MG0010ReasonAmbiguous, modelName, string.Join(", ", best.Select(SchemaFeatureRules.TypeName).OrderBy(n => n, StringComparer.Ordinal))));
                    return;
                }
            }
        }

        ProblemList problems = Compare(
            RecordSchema.Of(type, scope.Symbols, context.CancellationToken), OnnxMemberCollector.Inputs(type, scope.Symbols.Onnx), model.Result.Inputs);
        if (problems.Count > 0)
        {
            Report(context, type, model, scope.Severity, problems);
        }
    }

    /// <summary>
    /// The differences between a record and a model's inputs, by the rules MonitorGen.OnnxRuntime maps the record with
    /// (RecordMapping.MapInputs), over the members the generated mapping writes (<see cref="OnnxMemberCollector.Inputs"/>):
    /// each member goes to the one input its name matches (<see cref="OnnxNameMatcher"/>), every input needs exactly one
    /// member, and the member's type, the element type and the shape must fit (<see cref="OnnxConversionRules"/>).
    /// Monitored features must also be inputs.
    /// </summary>
    internal static ProblemList Compare(RecordSchema schema, ImmutableArray<OnnxMember> members, ImmutableArray<OnnxInput> inputs)
    {
        var problems = new ProblemList(Resources.MG0010ReasonMismatch, schema.TypeName);
        string[] inputNames = inputs.Select(input => input.Name).ToArray();
        var fedBy = new Dictionary<string, OnnxMember>(StringComparer.Ordinal);
        foreach (OnnxMember member in members)
        {
            List<string> matches = OnnxNameMatcher.Candidates(member.Name, member.OnnxName, inputNames);
            if (matches.Count == 0)
            {
                if (member.OnnxName is not null)
                {
                    problems.Add(Resources.MG0010ProblemAttributeNoInput, member.Name, member.OnnxName);
                }
            }
            else if (matches.Count > 1)
            {
                problems.Add(Resources.MG0010ProblemAmbiguousMember, member.Name, string.Join(", ", matches));
            }
            else if (fedBy.TryGetValue(matches[0], out OnnxMember other))
            {
                problems.Add(Resources.MG0010ProblemFedTwice, matches[0], other.Name, member.Name);
            }
            else
            {
                fedBy.Add(matches[0], member);
            }
        }

        foreach (OnnxInput input in inputs)
        {
            if (!fedBy.TryGetValue(input.Name, out OnnxMember member))
            {
                problems.Add(Resources.MG0010ProblemNoProperty, input.Name);
            }
            else if (!input.IsTensor)
            {
                problems.Add(Resources.MG0010ProblemNotTensor, input.Name);
            }
            else
            {
                AddTypeProblem(problems, input, member);
                if (input.Shape is { } shape && !shape.All(dimension => dimension.Value is not { } size || OnnxConversionRules.IsOneRow(size)))
                {
                    problems.Add(Resources.MG0010ProblemShape, input.Name, string.Join(",", input.Shape!.Value));
                }
            }
        }

        var fedMembers = new HashSet<string>(fedBy.Values.Select(member => member.Name), StringComparer.Ordinal);
        foreach (SchemaFeature feature in schema.Features)
        {
            if (!fedMembers.Contains(feature.Name))
            {
                problems.Add(Resources.MG0010ProblemNoInput, feature.Name);
            }
        }

        return problems;
    }

    private static void AddTypeProblem(ProblemList problems, OnnxInput input, OnnxMember member)
    {
        string elementType = OnnxElementTypes.Name(input.ElementType);
        if (input.ElementType != OnnxElementTypes.Undefined && !OnnxElementTypes.IsMapped(input.ElementType))
        {
            problems.Add(Resources.MG0010ProblemTensorType, input.Name, elementType);
            return;
        }

        string memberType = member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        switch (OnnxConversionRules.Feed(member.Kind, member.IsNullable, input.ElementType))
        {
            case OnnxConversionProblem.MemberType:
                problems.Add(Resources.MG0010ProblemMemberType, input.Name, member.Name, memberType);
                break;
            case OnnxConversionProblem.Bool:
                problems.Add(Resources.MG0010ProblemBool, input.Name, elementType, member.Name, memberType);
                break;
            case OnnxConversionProblem.Enum:
                problems.Add(Resources.MG0010ProblemEnum, input.Name, elementType, member.Name, memberType);
                break;
            case OnnxConversionProblem.Nullable:
                problems.Add(Resources.MG0010ProblemNullable, input.Name, elementType, member.Name, memberType);
                break;
        }
    }

    /// <summary>How many members of <paramref name="type"/> the model's inputs would take.</summary>
    private static int Overlap(INamedTypeSymbol type, OnnxFile model, MonitorGenSymbols symbols)
    {
        string[] inputNames = model.Result.Inputs.Select(input => input.Name).ToArray();
        int count = 0;
        foreach (OnnxMember member in OnnxMemberCollector.Inputs(type, symbols.Onnx))
        {
            if (OnnxNameMatcher.Candidates(member.Name, member.OnnxName, inputNames).Count > 0)
            {
                count++;
            }
        }

        return count;
    }

    private static List<INamedTypeSymbol> Best(IReadOnlyList<INamedTypeSymbol> types, OnnxFile model, MonitorGenSymbols symbols, out int overlap)
    {
        overlap = 0;
        var best = new List<INamedTypeSymbol>();
        foreach (INamedTypeSymbol candidate in types)
        {
            int count = Overlap(candidate, model, symbols);
            if (count > overlap)
            {
                overlap = count;
                best.Clear();
            }

            if (count == overlap)
            {
                best.Add(candidate);
            }
        }

        return best;
    }

    private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, OnnxFile model, DiagnosticSeverity severity, LocalizableString reason) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OnnxInputMismatch, AttributeLocations.Of(type), severity, null, null, model.Name, reason));
}
