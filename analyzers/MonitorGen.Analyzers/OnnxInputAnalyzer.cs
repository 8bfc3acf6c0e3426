using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
public sealed class OnnxInputAnalyzer : DiagnosticAnalyzer
{
    private static DiagnosticDescriptor Rule => DiagnosticDescriptors.OnnxInputMismatch;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.OnnxInputMismatch);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            MonitorGenSymbols? symbols = MonitorGenSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            ImmutableArray<OnnxFile> models = OnnxFile.ReadAll(start.Options, start.CancellationToken);
            if (models.IsEmpty)
            {
                return;
            }

            DiagnosticSeverity severity = StrictMode.Severity(Rule, StrictMode.IsEnabled(start.Options));
            Compilation compilation = start.Compilation;
            var index = new Lazy<MonitoredTypeIndex>(() => MonitoredTypeIndex.Build(compilation, symbols, start.CancellationToken));

            start.RegisterAdditionalFileAction(fileContext =>
            {
                foreach (OnnxFile model in models)
                {
                    if (model.File == fileContext.AdditionalFile && model.Result.Error is { } error)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(
                            Rule, AdditionalFileMetadata.Whole(model.File), severity, null, null, model.Name, Resources.Format(Resources.MG0010ReasonCorrupt, error)));
                    }
                }
            });

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is INamedTypeSymbol type
                        && MonitoredTypeIndex.IsSchemaCandidate(type)
                        && symbols.FindMonitorAttribute(type) is { } monitor
                        && MonitoredTypeIndex.ModelName(monitor) is { } modelName)
                    {
                        foreach (OnnxFile model in models)
                        {
                            if (model.Result.Error is null && model.Model == modelName)
                            {
                                Analyze(symbolContext, type, model, index, symbols, severity);
                            }
                        }
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, OnnxFile model, Lazy<MonitoredTypeIndex> index,
        MonitorGenSymbols symbols, DiagnosticSeverity severity)
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
            IReadOnlyList<INamedTypeSymbol> types = index.Value.TypesOf(model.Model);
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
                    Report(context, type, model, severity, Resources.Format(
                        Resources.MG0010ReasonAmbiguous, model.Model, string.Join(", ", best.Select(SchemaFeatureRules.TypeName).OrderBy(n => n, StringComparer.Ordinal))));
                    return;
                }
            }
        }

        ProblemList problems = Compare(RecordSchema.Of(type, symbols, context.CancellationToken), model.Result.Inputs);
        if (problems.Count > 0)
        {
            Report(context, type, model, severity, problems);
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
        context.ReportDiagnostic(Diagnostic.Create(Rule, AttributeLocations.Of(type), severity, null, null, model.Name, reason));
}
