using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Analyzers.Internal.Profiles;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0009: a reference profile (<c>*.monitorprofile.json</c> additional file) must match the <c>[Monitor]</c> type it was
/// fitted on — the same features, kinds and schema hash — and must be a valid profile. Profiles are read once per
/// compilation; the comparison is reported on the type, a broken file on the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReferenceProfileAnalyzer : SchemaFileAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReferenceProfileMismatch);

    private protected override DiagnosticDescriptor Rule => DiagnosticDescriptors.ReferenceProfileMismatch;

    private protected override string CorruptReason => Resources.MG0009ReasonCorrupt;

    private protected override ImmutableArray<SchemaFile> ReadFiles(AnalyzerOptions options, CancellationToken cancellationToken) =>
        ProfileFile.ReadAll(options, cancellationToken);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, string model, SchemaFileScope scope)
    {
        string typeName = SchemaFeatureRules.TypeName(type);
        ProfileFile[] profiles = scope.Files.OfType<ProfileFile>().Where(p => p.Result.Document is not null).ToArray();
        List<ProfileFile> matching = profiles.Where(p => p.Result.Document!.TypeName == typeName).ToList();
        if (matching.Count == 0)
        {
            // A profile of this model fitted on a type that is no longer monitored (renamed, say) is compared with the
            // model's types that have no profile of their own.
            matching = profiles.Where(p => p.Model == model && !scope.Index.Value.ContainsTypeName(p.Result.Document!.TypeName)).ToList();
        }

        if (matching.Count == 0)
        {
            return;
        }

        RecordSchema schema = RecordSchema.Of(type, scope.Symbols, context.CancellationToken);
        foreach (ProfileFile profile in matching)
        {
            ProblemList problems = Compare(schema, model, profile.Result.Document!);
            if (problems.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, AttributeLocations.Of(type), scope.Severity, null, null, profile.Name, problems));
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
