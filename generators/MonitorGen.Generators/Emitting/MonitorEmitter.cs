using System.Collections.Generic;
using System.Linq;
using MonitorGen.Generators.Model;
using MonitorGen.SourceRules;
using static MonitorGen.Generators.Emitting.CSharpLiterals;
using static MonitorGen.Generators.Emitting.EnclosingScope;

namespace MonitorGen.Generators.Emitting;

/// <summary>Writes the source of one monitored type: two factory methods on the type and its sealed monitor class.</summary>
internal static class MonitorEmitter
{
    public static string Emit(MonitorTypeModel model)
    {
        var w = new SourceWriter();
        EnclosingScope.Open(w, model);
        EmitFactories(w, model);
        w.Line();
        EmitMonitor(w, model);
        EnclosingScope.Close(w, model);
        return w.ToString();
    }

    private static string MonitorFullName(MonitorTypeModel model) =>
        model.FullyQualifiedName.Substring(0, model.FullyQualifiedName.Length - model.Name.Length) + model.MonitorName;

    private static void EmitFactories(SourceWriter w, MonitorTypeModel model)
    {
        string monitor = MonitorFullName(model);
        w.Open($"partial {model.Keyword} {model.Name}");
        w.Line("/// <summary>Fits the reference profile of this type from training rows.</summary>");
        w.Line(GeneratedCode);
        w.Line($"public static global::MonitorGen.ReferenceProfile FitProfile(global::System.Collections.Generic.IEnumerable<{model.FullyQualifiedName}> rows, global::MonitorGen.FitOptions? options = null)");
        w.Line($"    => {monitor}.Fit(rows, options);");
        w.Line();
        w.Line("/// <summary>Creates a monitor of this type that compares its windows with <paramref name=\"profile\"/>.</summary>");
        w.Line(GeneratedCode);
        w.Line($"public static {monitor} CreateMonitor(global::MonitorGen.ReferenceProfile profile, global::MonitorGen.MonitorOptions? options = null, global::Microsoft.Extensions.Logging.ILogger? logger = null)");
        w.Line($"    => new {monitor}(profile, options, logger);");
        w.Close();
    }

    private static void EmitMonitor(SourceWriter w, MonitorTypeModel model)
    {
        string row = model.FullyQualifiedName;
        w.Line($"/// <summary>Monitors <see cref=\"{model.Name}\"/> rows of model <c>{System.Security.SecurityElement.Escape(model.ModelName)}</c>.</summary>");
        w.Line(GeneratedCode);
        w.Open($"{model.Accessibility} sealed partial class {model.MonitorName} : global::MonitorGen.ModelMonitor<{MonitorFullName(model)}.Binding>, global::MonitorGen.IModelMonitor<{row}>");
        w.Line("/// <summary>The monitored features and KPIs, as declared.</summary>");
        w.Line("public static global::MonitorGen.MonitorSchema DeclaredSchema => Binding.Schema;");
        w.Line();
        w.Line("/// <summary>Creates a monitor that compares its windows with <paramref name=\"profile\"/>.</summary>");
        w.Line("/// <exception cref=\"global::MonitorGen.ProfileException\">The profile was fitted on another schema of the type.</exception>");
        w.Line($"public {model.MonitorName}(global::MonitorGen.ReferenceProfile profile, global::MonitorGen.MonitorOptions? options = null, global::Microsoft.Extensions.Logging.ILogger? logger = null)");
        w.Line("    : base(profile, options, logger)");
        w.Open();
        w.Close();
        w.Line();
        w.Line("/// <summary>Fits the reference profile from training rows.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A row is null.</exception>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">There are no rows.</exception>");
        w.Line($"public static global::MonitorGen.ReferenceProfile Fit(global::System.Collections.Generic.IEnumerable<{row}> rows, global::MonitorGen.FitOptions? options = null)");
        w.Line($"    => global::MonitorGen.MonitorBinding.Fit<{row}, Binding>(rows, static row => new Binding(row), options);");
        w.Line();
        w.Line("/// <summary>Observes one row: data quality, drift sketches, instruments, logs and trace tags. Allocation-free; never throws.</summary>");
        w.Line($"public void Observe(in {row} row) => ObserveRow(new Binding(row));");
        w.Line();
        EmitBinding(w, model);
        w.Close();
    }

    private static void EmitBinding(SourceWriter w, MonitorTypeModel model)
    {
        string row = model.FullyQualifiedName;
        w.Line($"/// <summary>Generator support: a <see cref=\"{model.Name}\"/> row as the runtime sees it, with the schema of its type.</summary>");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open("public readonly struct Binding : global::MonitorGen.IMonitorBinding");
        w.Line($"private readonly {row} _row;");
        w.Line();
        w.Line("/// <summary>Wraps <paramref name=\"row\"/>.</summary>");
        w.Line($"public Binding(in {row} row) => _row = row;");
        w.Line();
        EmitSchema(w, model);
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool IsNull => {(model.IsReferenceType ? "_row is null" : "false")};");
        w.Line();
        EmitRead(w, model);
        EmitCategoryCodes(w, model);
        w.Close();
    }

    private static void EmitSchema(SourceWriter w, MonitorTypeModel model)
    {
        w.Line("/// <inheritdoc/>");
        w.Line("public static global::MonitorGen.MonitorSchema Schema { get; } = new(");
        w.Line($"    {String(model.ModelName)},");
        w.Line($"    {String(model.ModelVersion)},");
        w.Line($"    {String(model.MetadataName)},");
        w.Line($"    {String(SchemaHash.Of(model))},");
        if (model.Features.Count == 0)
        {
            w.Line("    global::System.Array.Empty<global::MonitorGen.FeatureSchema>(),");
        }
        else
        {
            w.Line("    new global::MonitorGen.FeatureSchema[]");
            w.Line("    {");
            foreach (FeatureModel feature in model.Features)
            {
                w.Line($"        {FeatureSchema(feature)},");
            }

            w.Line("    },");
        }

        if (model.Kpis.Count == 0)
        {
            w.Line("    global::System.Array.Empty<global::MonitorGen.KpiSchema>());");
        }
        else
        {
            w.Line("    new global::MonitorGen.KpiSchema[]");
            w.Line("    {");
            foreach (KpiModel kpi in model.Kpis)
            {
                w.Line($"        {KpiSchema(kpi)},");
            }

            w.Line("    });");
        }
    }

    // Only what was declared is written, so that a plain KPI reads as it always did.
    private static string KpiSchema(KpiModel kpi)
    {
        var arguments = new System.Text.StringBuilder();
        arguments.Append(String(kpi.MemberName)).Append(", ").Append(String(kpi.MetricName)).Append(", ").Append(String(kpi.Unit));
        if (kpi.Buckets.Count > 0)
        {
            arguments.Append(", buckets: new double[] { ").Append(string.Join(", ", kpi.Buckets.Select(Double))).Append(" }");
        }

        if (!double.IsNaN(kpi.Target))
        {
            arguments.Append(", target: ").Append(Double(kpi.Target));
        }

        if (kpi.Direction != 0)
        {
            arguments.Append(", direction: global::MonitorGen.KpiDirection.LowerIsBetter");
        }

        return $"new({arguments})";
    }

    private static string FeatureSchema(FeatureModel feature)
    {
        string method = $"global::MonitorGen.DriftMethod.{DriftMethodRules.NameOf(feature.Method)}";
        if (feature.IsNumerical)
        {
            return $"global::MonitorGen.FeatureSchema.Numerical({String(feature.MemberName)}, {Bool(feature.DriftTested)}, {method}, {Double(feature.Threshold)}, {Double(feature.ExpectMin)}, {Double(feature.ExpectMax)})";
        }

        string cap = feature.MaxCategories > 0 ? $".WithMaxCategories({feature.MaxCategories.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "";
        if (feature.IsCategoricalNumber)
        {
            return $"global::MonitorGen.FeatureSchema.CategoricalNumber({String(feature.MemberName)}, {method}, {Double(feature.Threshold)}, {Double(feature.ExpectMin)}, {Double(feature.ExpectMax)}){cap}";
        }

        string categories = string.Concat(feature.Categories.Select(category => ", " + String(category)));
        return $"global::MonitorGen.FeatureSchema.Categorical({String(feature.MemberName)}, {method}, {Double(feature.Threshold)}{categories}){cap}";
    }

    // Ordinals count within a kind, in declaration order, as the runtime's sinks hold the features.
    private static void EmitRead(SourceWriter w, MonitorTypeModel model)
    {
        var stems = new MemberStems(model);
        w.Line("/// <inheritdoc/>");
        w.Line("public void Read<TSink>(ref TSink sink)");
        w.Line("    where TSink : struct, global::MonitorGen.IRowSink");
        w.Open();
        // A copy, once: members of a readonly field of a struct row would otherwise be read from defensive copies.
        w.Line("var row = _row;");
        int numeric = 0, categorical = 0;
        for (int i = 0; i < model.Features.Count; i++)
        {
            FeatureModel feature = model.Features[i];
            string ordinal = Int(feature.IsNumerical ? numeric++ : categorical++);
            string add = feature.IsNumerical ? "Numeric"
                : feature.IsCategoricalNumber ? "CategoryNumber"
                : feature.Kind == MemberValueKind.String ? "Category"
                : "CategoryCode";
            string missing = feature.IsNumerical ? "NumericMissing" : "CategoryMissing";
            EmitHandOver(w, feature.MemberName, feature.IsNullableValueType, stems.Feature(i) + "Value",
                value => $"sink.{add}({ordinal}, {Converted(feature, value)});", $" else sink.{missing}({ordinal});");
        }

        for (int i = 0; i < model.Kpis.Count; i++)
        {
            KpiModel kpi = model.Kpis[i];
            string cast = kpi.IsDecimal ? "(double)" : "";
            string ordinal = Int(i);
            // A null KPI is not recorded, and is no data-quality event.
            EmitHandOver(w, kpi.MemberName, kpi.IsNullableValueType, stems.Kpi(i) + "Kpi", value => $"sink.Kpi({ordinal}, {cast}{value});", "");
        }

        w.Close();
    }

    // One statement: the member's value handed to the sink, through a pattern variable when it is a Nullable<T>.
    private static void EmitHandOver(SourceWriter w, string memberName, bool nullable, string local, System.Func<string, string> handOver, string whenNull)
    {
        string member = "row." + Identifier(memberName);
        w.Line(nullable ? $"if ({member} is {{ }} {local}) {handOver(local)}{whenNull}" : handOver(member));
    }

    private static string Converted(FeatureModel feature, string value) => feature.Kind switch
    {
        MemberValueKind.Number => feature.IsDecimal ? $"(double){value}" : value,
        MemberValueKind.Boolean => $"{value} ? 1 : 0",
        // A dense enum is its own code; any other value reaches the "other" slot as an undefined one.
        MemberValueKind.Enum when feature.EnumIsDense => $"(int){value}",
        MemberValueKind.Enum => $"CodeOf({value})",
        _ => value,
    };

    // One code method per enum type; codes follow declaration order, an undefined value maps to -1.
    private static void EmitCategoryCodes(SourceWriter w, MonitorTypeModel model)
    {
        var emitted = new HashSet<string>();
        foreach (FeatureModel feature in model.Features)
        {
            if (feature.EnumType is not { } enumType || feature.EnumIsDense || !emitted.Add(enumType))
            {
                continue;
            }

            w.Line();
            w.Open($"private static int CodeOf({enumType} value) => value switch");
            for (int code = 0; code < feature.Categories.Count; code++)
            {
                w.Line($"{enumType}.{Identifier(feature.Categories[code])} => {code},");
            }

            w.Line("_ => -1,");
            w.Close(";");
        }
    }
}
