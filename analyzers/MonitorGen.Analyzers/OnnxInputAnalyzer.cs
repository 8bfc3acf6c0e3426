using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Analyzers.Internal.Onnx;
using MonitorGen.Generators.Shared;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0010: the inputs of an ONNX model file must match the model's <c>[Monitor]</c> input record — names, element types
/// and one value per row — and the file must be readable. Model files are read once per compilation with a bounds-checked
/// protobuf reader; the comparison is reported on the record, an unreadable file on the file.
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
            // property names match the most inputs (an output record shares few names with the inputs).
            IReadOnlyList<INamedTypeSymbol> types = scope.Index.Value.TypesOf(modelName);
            if (types.Count > 1)
            {
                int mine = Overlap(type, model);
                List<INamedTypeSymbol> best = Best(types, model, out int bestOverlap);
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

        ProblemList problems = Compare(RecordSchema.Of(type, scope.Symbols, context.CancellationToken), model.Result.Inputs);
        if (problems.Count > 0)
        {
            Report(context, type, model, scope.Severity, problems);
        }
    }

    /// <summary>The differences between a record and a model's inputs.</summary>
    internal static ProblemList Compare(RecordSchema schema, ImmutableArray<OnnxInput> inputs)
    {
        var problems = new ProblemList(Resources.MG0010ReasonMismatch, schema.TypeName);
        var fed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (OnnxInput input in inputs)
        {
            fed.Add(input.Name);
            FeatureMember? member = Find(schema.Members, input.Name);
            if (member is null)
            {
                problems.Add(Resources.MG0010ProblemNoProperty, input.Name);
            }
            else if (!input.IsTensor)
            {
                problems.Add(Resources.MG0010ProblemNotTensor, input.Name);
            }
            else
            {
                ITypeSymbol memberType = member.Value.Type;
                if (!OnnxTypeRules.Fits(memberType, input.ElementType))
                {
                    problems.Add(Resources.MG0010ProblemElementType, input.Name, OnnxTypeRules.ElementTypeName(input.ElementType),
                        member.Value.Name, memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                }

                if (!OnnxTypeRules.IsScalarPerRow(input.Shape))
                {
                    problems.Add(Resources.MG0010ProblemShape, input.Name, string.Join(",", input.Shape!.Value));
                }
            }
        }

        foreach (SchemaFeature feature in schema.Features)
        {
            if (!fed.Contains(feature.Name))
            {
                problems.Add(Resources.MG0010ProblemNoInput, feature.Name);
            }
        }

        return problems;
    }

    private static FeatureMember? Find(ImmutableArray<FeatureMember> members, string name)
    {
        foreach (FeatureMember member in members)
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }

    private static int Overlap(INamedTypeSymbol type, OnnxFile model)
    {
        int count = 0;
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } property
                && model.Result.Inputs.Any(input => string.Equals(input.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                count++;
            }
        }

        return count;
    }

    private static List<INamedTypeSymbol> Best(IReadOnlyList<INamedTypeSymbol> types, OnnxFile model, out int overlap)
    {
        overlap = 0;
        var best = new List<INamedTypeSymbol>();
        foreach (INamedTypeSymbol candidate in types)
        {
            int count = Overlap(candidate, model);
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
