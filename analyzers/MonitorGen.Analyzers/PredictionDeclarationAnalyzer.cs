using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// The prediction declaration of a monitored record: MG0014, a second <c>[Prediction]</c>; MG0015, a <c>Score</c> or
/// <c>Id</c> that names no member, a score that is not a number, or an id that is not a string; MG0016, a predicted value
/// that a label cannot be compared with.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PredictionDeclarationAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TwoPredictions, DiagnosticDescriptors.PredictionMemberType, DiagnosticDescriptors.PredictionNotComparable);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        ImmutableArray<FeatureMember> members = FeatureMemberCollector.Collect(type, context.CancellationToken);
        string? first = null;
        foreach (FeatureMember member in members)
        {
            foreach (AttributeData attribute in member.GetAttributes().Where(symbols.IsPrediction))
            {
                Location location = AttributeLocations.Of(attribute, member.AnnotatedSymbol, context.CancellationToken);
                if (first is not null)
                {
                    context.ReportDiagnostic(StrictMode.Create(DiagnosticDescriptors.TwoPredictions, location, strict, properties: null, member.Name, type.Name, first));
                    continue;
                }

                first = member.Name;
                // A type that does not bind already has a compiler error.
                if (member.Type.TypeKind != TypeKind.Error && !PredictionRules.IsComparable(FeatureTypeClassifier.Classify(member.Type, out _, out _)))
                {
                    context.ReportDiagnostic(StrictMode.Create(DiagnosticDescriptors.PredictionNotComparable, location, strict, properties: null,
                        member.Name, Display(member.Type)));
                }

                CheckNamed(context, members, attribute, member, "Score", PredictionRules.IsScore, Resources.MG0015ScoreReason, strict);
                CheckNamed(context, members, attribute, member, "Id", PredictionRules.IsId, Resources.MG0015IdReason, strict);
            }
        }
    }

    private static void CheckNamed(SymbolAnalysisContext context, ImmutableArray<FeatureMember> members, AttributeData attribute, FeatureMember prediction,
        string argument, System.Func<MemberValueKind, bool> fits, string reason, bool strict)
    {
        if (SchemaFeatureRules.NamedArgument(attribute, argument) is not string name)
        {
            return;
        }

        FeatureMember? named = null;
        foreach (FeatureMember member in members)
        {
            if (member.Name == name)
            {
                named = member;
            }
        }

        LocalizableString? problem = named is not { } found ? Resources.Format(Resources.MG0015MissingReason)
            : found.Type.TypeKind == TypeKind.Error || fits(FeatureTypeClassifier.Classify(found.Type, out _, out _)) ? null
            : Resources.Format(reason, Display(found.Type));
        if (problem is not null)
        {
            context.ReportDiagnostic(StrictMode.Create(DiagnosticDescriptors.PredictionMemberType,
                AttributeLocations.OfNamedArgument(attribute, argument, prediction.AnnotatedSymbol, context.CancellationToken), strict, properties: null,
                argument, name, problem));
        }
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
