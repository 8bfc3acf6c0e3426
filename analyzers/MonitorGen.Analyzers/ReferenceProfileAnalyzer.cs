using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Analyzers.Internal.Profiles;
using MonitorGen.Generators.Shared;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0009: a reference profile (<c>*.monitorprofile.json</c> additional file) must match the <c>[Monitor]</c> type it was
/// fitted on — the same features, kinds and schema hash — and must be a valid profile. Profiles are read once per
/// compilation; the comparison is reported on the type, a broken file on the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReferenceProfileAnalyzer : DiagnosticAnalyzer
{
    private static DiagnosticDescriptor Rule => DiagnosticDescriptors.ReferenceProfileMismatch;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReferenceProfileMismatch);

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

            ImmutableArray<ProfileFile> profiles = ProfileFile.ReadAll(start.Options, start.CancellationToken);
            if (profiles.IsEmpty)
            {
                return;
            }

            DiagnosticSeverity severity = StrictMode.Severity(Rule, StrictMode.IsEnabled(start.Options));
            Compilation compilation = start.Compilation;
            var index = new Lazy<MonitoredTypeIndex>(() => MonitoredTypeIndex.Build(compilation, symbols, start.CancellationToken));

            start.RegisterAdditionalFileAction(fileContext =>
            {
                foreach (ProfileFile profile in profiles)
                {
                    if (profile.File == fileContext.AdditionalFile && profile.Result.Error is { } error)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(
                            Rule, profile.ProblemLocation(), severity, null, null, profile.Name, Resources.Format(Resources.MG0009ReasonCorrupt, error)));
                    }
                }
            });

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is INamedTypeSymbol type
                        && MonitoredTypeIndex.IsSchemaCandidate(type)
                        && symbols.FindMonitorAttribute(type) is { } monitor
                        && MonitoredTypeIndex.ModelName(monitor) is { } model)
                    {
                        Analyze(symbolContext, type, model, profiles, index, symbols, severity);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, string model, ImmutableArray<ProfileFile> profiles,
        Lazy<MonitoredTypeIndex> index, MonitorGenSymbols symbols, DiagnosticSeverity severity)
    {
        string typeName = SchemaFeatureRules.TypeName(type);
        List<ProfileFile> matching = profiles.Where(p => p.Result.Document?.TypeName == typeName).ToList();
        if (matching.Count == 0)
        {
            // A profile of this model fitted on a type that is no longer monitored (renamed, say) is compared with the
            // model's types that have no profile of their own.
            matching = profiles.Where(p => p.Result.Document is { } document && p.Model == model && !index.Value.ContainsTypeName(document.TypeName)).ToList();
        }

        if (matching.Count == 0)
        {
            return;
        }

        RecordSchema schema = RecordSchema.Of(type, symbols, context.CancellationToken);
        foreach (ProfileFile profile in matching)
        {
            ProblemList problems = Compare(schema, model, profile.Result.Document!);
            if (problems.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, AttributeLocations.Of(type), severity, null, null, profile.Name, problems));
            }
        }
    }

    /// <summary>The differences, in the order the runtime's <c>ProfileMatcher</c> reports them.</summary>
    internal static ProblemList Compare(RecordSchema schema, string model, ProfileDocument profile)
    {
        var problems = new ProblemList(Resources.MG0009ReasonMismatch, schema.TypeName);
        if (!string.Equals(profile.ModelName, model, StringComparison.Ordinal))
        {
            problems.Add(Resources.MG0009ProblemModel, profile.ModelName, model);
        }

        if (!string.Equals(profile.TypeName, schema.TypeName, StringComparison.Ordinal))
        {
            problems.Add(Resources.MG0009ProblemType, profile.TypeName);
        }

        var fitted = new Dictionary<string, SchemaFeature>(StringComparer.Ordinal);
        foreach (SchemaFeature feature in profile.Features)
        {
            fitted[feature.Name] = feature;
        }

        bool featuresDiffer = false;
        foreach (SchemaFeature declared in schema.Features)
        {
            if (!fitted.TryGetValue(declared.Name, out SchemaFeature inProfile))
            {
                problems.Add(Resources.MG0009ProblemMissing, declared.Name);
                featuresDiffer = true;
            }
            else
            {
                fitted.Remove(declared.Name);
                if (inProfile.IsNumerical != declared.IsNumerical)
                {
                    problems.Add(Resources.MG0009ProblemKind, declared.Name, KindName(declared), KindName(inProfile));
                    featuresDiffer = true;
                }
            }
        }

        foreach (SchemaFeature extra in profile.Features)
        {
            if (fitted.ContainsKey(extra.Name))
            {
                problems.Add(Resources.MG0009ProblemExtra, extra.Name);
                featuresDiffer = true;
            }
        }

        // Like the runtime: the hash is reported when it is the only difference left to explain (such as a changed order).
        if (!featuresDiffer && !string.Equals(profile.SchemaHash, schema.Hash, StringComparison.Ordinal))
        {
            problems.Add(Resources.MG0009ProblemHash, profile.SchemaHash, schema.Hash);
        }

        return problems;
    }

    private static string KindName(SchemaFeature feature) => feature.IsNumerical ? "Numerical" : "Categorical";
}
