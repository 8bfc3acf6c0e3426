using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Generators.Model;
using MonitorGen.Kpis;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Parsing;

/// <summary>
/// Reads a <c>[Monitor]</c> type into a <see cref="MonitorTypeModel"/>. Anything the analyzers report as an error is left
/// out rather than emitted wrongly: a non-partial or generic type, or a model name that breaks the naming rules, gets no
/// monitor; a member whose attribute does not fit it (MG0002, MG0004, MG0005, MG0006, MG0007) is not observed; of two KPIs
/// with the same name only the first is recorded; of two predictions (MG0014) only the first, and one a label cannot be
/// compared with (MG0016) is none; a score that is not a number (MG0015) is left out.
/// </summary>
internal static class MonitorTypeParser
{
    public static ParseOutcome Parse(AttributedType target, CancellationToken cancellationToken)
    {
        INamedTypeSymbol type = target.Symbol;
        TypeDeclarationSyntax declaration = target.Declaration;
        try
        {
            return Parse(type, declaration, target.Attributes[0], target.Compilation, cancellationToken) is { } model
                ? new ParseOutcome(model, null)
                : ParseOutcome.Skipped;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The generator must not throw (the compiler would drop every monitor with a warning), and must not hide the
            // failure either: the type gets no monitor and MG0013 names it and the exception.
            return new ParseOutcome(null, new ParseFailureModel(declaration.Identifier.ValueText, $"{ex.GetType().Name}: {ex.Message}",
                LocationModel.Of(declaration.Identifier.GetLocation())));
        }
    }

    private static MonitorTypeModel? Parse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, AttributeData monitor,
        Compilation compilation, CancellationToken cancellationToken)
    {
        // Only an instantiable class or struct can be a row; [Monitor] on anything else is a compiler error (CS0592) or has no rows.
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsStatic
            || !TypeDeclarations.IsPartial(declaration) || type.IsGenericType || !TypeDeclarations.TryGetContainingTypes(type, out var containingTypes))
        {
            return null;
        }

        if (monitor.ConstructorArguments.Length != 1
            || monitor.ConstructorArguments[0].Value is not string modelName
            || !TelemetryNameRules.IsInstrumentName(modelName))
        {
            return null;
        }

        string? modelVersion = SchemaFeatureRules.NamedArgument(monitor, "Version") as string;
        var attributes = new KnownAttributes(compilation);
        var features = ImmutableArray.CreateBuilder<FeatureModel>();
        var kpis = ImmutableArray.CreateBuilder<KpiModel>();
        var kpiNames = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<FeatureMember> members = FeatureMemberCollector.Collect(type, cancellationToken);
        PredictionModel? prediction = null;
        bool predictionSeen = false;
        foreach (FeatureMember member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A member without a getter cannot be read; a name declared twice (CS0102) cannot be referred to.
            if (member.Property.GetMethod is null || type.GetMembers(member.Name).Length != 1)
            {
                continue;
            }

            var found = attributes.Find(member.GetAttributes());
            MemberValueKind kind = FeatureTypeClassifier.Classify(member.Type, out ITypeSymbol valueType, out bool nullable);
            bool nullableValueType = nullable && kind != MemberValueKind.String;
            if (ParseFeature(member.Name, kind, valueType, nullableValueType, found) is { } feature)
            {
                features.Add(feature);
            }

            if (found.KpiMetric is not null && kind == MemberValueKind.Number
                && found.KpiMetric.ConstructorArguments.Length == 1
                && found.KpiMetric.ConstructorArguments[0].Value is string metricName
                && TelemetryNameRules.IsKpiName(metricName)
                && kpiNames.Add(metricName))
            {
                kpis.Add(ParseKpi(member.Name, metricName, found.KpiMetric, nullableValueType, IsDecimal(valueType)));
            }

            if (found.Prediction is not null && !predictionSeen)
            {
                predictionSeen = true;
                prediction = ParsePrediction(type, members, member.Name, kind, valueType, nullableValueType, found.Prediction);
            }
        }

        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        string metadataName = SchemaFeatureRules.TypeName(type);
        string keyword = TypeDeclarations.KeywordOf(declaration);
        string fullyQualifiedName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        OnnxRecordTypeModel? onnx = OnnxRecordParser.Mapping(type, compilation) is { } mapping
            ? new OnnxRecordTypeModel(ns, type.Name, keyword, fullyQualifiedName, metadataName, type.IsReferenceType, containingTypes, mapping)
            : null;
        return new MonitorTypeModel(
            ns,
            type.Name,
            keyword,
            TypeDeclarations.AccessibilityOf(type.DeclaredAccessibility),
            fullyQualifiedName,
            metadataName,
            type.IsReferenceType,
            containingTypes,
            modelName,
            modelVersion,
            features.ToImmutable().ToEquatableArray(),
            kpis.ToImmutable().ToEquatableArray(),
            onnx,
            prediction);
    }

    private static PredictionModel? ParsePrediction(INamedTypeSymbol type, ImmutableArray<FeatureMember> members, string name, MemberValueKind kind,
        ITypeSymbol valueType, bool nullableValueType, AttributeData attribute)
    {
        if (!PredictionRules.IsComparable(kind))
        {
            return null;
        }

        bool dense = false;
        ImmutableArray<string> categories = kind switch
        {
            MemberValueKind.Enum => EnumMembers(valueType, out dense),
            MemberValueKind.Boolean => ImmutableArray.Create("False", "True"),
            _ => ImmutableArray<string>.Empty,
        };
        string? scoreMember = null;
        bool scoreNullable = false, scoreDecimal = false;
        if (SchemaFeatureRules.NamedArgument(attribute, "Score") is string score)
        {
            foreach (FeatureMember member in members)
            {
                if (member.Name == score && member.Property.GetMethod is not null && type.GetMembers(score).Length == 1
                    && PredictionRules.IsScore(FeatureTypeClassifier.Classify(member.Type, out ITypeSymbol scoreType, out bool nullable)))
                {
                    scoreMember = score;
                    scoreNullable = nullable;
                    scoreDecimal = IsDecimal(scoreType);
                }
            }
        }

        string? idMember = null;
        if (SchemaFeatureRules.NamedArgument(attribute, "Id") is string id)
        {
            foreach (FeatureMember member in members)
            {
                if (member.Name == id && member.Property.GetMethod is not null && type.GetMembers(id).Length == 1
                    && PredictionRules.IsId(FeatureTypeClassifier.Classify(member.Type, out _, out _)))
                {
                    idMember = id;
                }
            }
        }

        return new PredictionModel(name, kind, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), nullableValueType, IsDecimal(valueType),
            categories.ToEquatableArray(), dense, scoreMember, scoreNullable, scoreDecimal, idMember);
    }

    // Invalid buckets, target or direction are left out (MG0007 reports them), so the generated schema never throws.
    private static KpiModel ParseKpi(string member, string metricName, AttributeData kpi, bool nullableValueType, bool isDecimal)
    {
        double[] buckets = KpiArguments.TryGetBuckets(kpi, out double[]? declared) && declared is not null && KpiRules.IsValidBuckets(declared)
            ? declared
            : Array.Empty<double>();
        double target = SchemaFeatureRules.NamedArgument(kpi, "Target") is double t && !double.IsInfinity(t) ? t : double.NaN;
        int direction = SchemaFeatureRules.NamedArgument(kpi, "Direction") is int d && KpiRules.IsValidDirection(d) ? d : 0;
        return new KpiModel(member, metricName, SchemaFeatureRules.NamedArgument(kpi, "Unit") as string, nullableValueType, isDecimal,
            buckets.ToEquatableArray(), target, direction);
    }

    private static FeatureModel? ParseFeature(string name, MemberValueKind kind, ITypeSymbol valueType, bool nullableValueType, FoundAttributes found)
    {
        if (!SchemaFeatureRules.TryRead(name, kind, valueType, found.DriftTest, found.Expect, out SchemaFeatureSettings settings))
        {
            return null;
        }

        string? enumType = kind == MemberValueKind.Enum ? valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null;
        bool dense = false;
        var categories = kind switch
        {
            MemberValueKind.Enum => EnumMembers(valueType, out dense),
            MemberValueKind.Boolean => ImmutableArray.Create("False", "True"),
            _ => ImmutableArray<string>.Empty,
        };
        return new FeatureModel(name, kind, nullableValueType, IsDecimal(valueType), settings.DriftTested, settings.Method, settings.Threshold,
            settings.ExpectMin, settings.ExpectMax, enumType, categories.ToEquatableArray(), dense, settings.MaxCategories, settings.CategoricalNumber);
    }

    // One category per distinct value: aliases of a value would otherwise make the emitted switch unreachable.
    private static ImmutableArray<string> EnumMembers(ITypeSymbol enumType, out bool dense)
    {
        var seen = new HashSet<object>();
        var names = ImmutableArray.CreateBuilder<string>();

        // A dense enum is observed as (int)value, which for a wider underlying type truncates an undefined value such as
        // 1L << 32 into a real category (0); those enums take the switch, which maps every undefined value to "other".
        dense = enumType is INamedTypeSymbol { EnumUnderlyingType.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_SByte or SpecialType.System_Byte };
        foreach (IFieldSymbol field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is { } value && seen.Add(value))
            {
                dense &= IsInteger(value, names.Count);
                names.Add(field.Name);
            }
        }

        return names.ToImmutable();
    }

    private static bool IsInteger(object value, long expected) => value switch
    {
        ulong unsigned => unsigned == (ulong)expected,
        _ => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == expected,
    };

    private static bool IsDecimal(ITypeSymbol valueType) => valueType.SpecialType == SpecialType.System_Decimal;
}
