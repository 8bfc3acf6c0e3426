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
        if (model.Prediction is { } prediction)
        {
            w.Line();
            w.Line("/// <summary>Fits the reference profile of this type from training rows, and its reference performance from labelled held-out rows.</summary>");
            w.Line(GeneratedCode);
            w.Line($"public static global::MonitorGen.ReferenceProfile FitProfile({Rows(model)} rows, {HeldOut(model, prediction)} heldOut, global::MonitorGen.FitOptions? options = null)");
            w.Line($"    => {monitor}.Fit(rows, heldOut, options);");
        }

        w.Close();
    }

    private static string Rows(MonitorTypeModel model) => $"global::System.Collections.Generic.IEnumerable<{model.FullyQualifiedName}>";

    private static string LabelType(PredictionModel prediction) => prediction.Kind == MemberValueKind.String ? "string" : prediction.ValueType;

    private static string HeldOut(MonitorTypeModel model, PredictionModel prediction) =>
        $"global::System.Collections.Generic.IEnumerable<({model.FullyQualifiedName} Prediction, {LabelType(prediction)} Label)>";

    // Observe, Fit and DeclaredSchema are the base class's: per type, only what differs is emitted, which keeps the
    // compile cost of 500 monitored types down (docs/benchmarks/compile-cost.md).
    private static void EmitMonitor(SourceWriter w, MonitorTypeModel model)
    {
        string row = model.FullyQualifiedName;
        PredictionModel? prediction = model.Prediction;
        // A prediction's monitor re-implements the interface, so that its ObservePrediction replaces the default one.
        string interfaces = prediction is null ? "" : $", global::MonitorGen.IModelMonitor<{row}>";
        w.Line($"/// <summary>Monitors <see cref=\"{model.Name}\"/> rows of model <c>{System.Security.SecurityElement.Escape(model.ModelName)}</c>.</summary>");
        w.Line(GeneratedCode);
        w.Open($"{model.Accessibility} sealed partial class {model.MonitorName} : global::MonitorGen.ModelMonitor<{row}, {MonitorFullName(model)}.Binding>{interfaces}");
        w.Line("/// <summary>Creates a monitor that compares its windows with <paramref name=\"profile\"/>.</summary>");
        w.Line("/// <exception cref=\"global::MonitorGen.ProfileException\">The profile was fitted on another schema of the type.</exception>");
        w.Line($"public {model.MonitorName}(global::MonitorGen.ReferenceProfile profile, global::MonitorGen.MonitorOptions? options = null, global::Microsoft.Extensions.Logging.ILogger? logger = null)");
        w.Line("    : base(profile, options, logger)");
        w.Open();
        w.Close();
        w.Line();
        if (prediction is not null)
        {
            // Beside the overload with held-out rows, so that Fit(rows, null) still means no options.
            w.Line("/// <summary>Fits the reference profile from training rows.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">A row is null.</exception>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">There are no rows.</exception>");
            w.Line($"public static new global::MonitorGen.ReferenceProfile Fit({Rows(model)} rows, global::MonitorGen.FitOptions? options = null)");
            w.Line($"    => global::MonitorGen.MonitorBinding.Fit<{row}, Binding>(rows, options);");
            w.Line();
            w.Line("/// <summary>Fits the reference profile from training rows, and the reference performance from labelled held-out rows:");
            w.Line("/// the accuracy of a classifier, the mean absolute error of a regressor.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">A row is null, or a held-out row's prediction or label cannot be compared.</exception>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">There are no rows or no held-out rows.</exception>");
            w.Line($"public static global::MonitorGen.ReferenceProfile Fit({Rows(model)} rows, {HeldOut(model, prediction)} heldOut, global::MonitorGen.FitOptions? options = null)");
            w.Line($"    => global::MonitorGen.MonitorBinding.FitWithPerformance<{row}, Binding, {LabelType(prediction)}>(rows, heldOut, static label => {LabelTuple(prediction)}, options);");
            w.Line();
            EmitLabelMethods(w, model, prediction);
        }

        EmitBinding(w, model);
        w.Close();
    }

    // A label as the runtime compares it: a class code (-1 for a string class, given by name) or a number.
    private static string LabelTuple(PredictionModel prediction) => prediction.Kind switch
    {
        MemberValueKind.Number => $"(0, null, {(prediction.IsDecimal ? "(double)label" : "label")})",
        MemberValueKind.String => "(-1, label, 0)",
        MemberValueKind.Boolean => "(label ? 1 : 0, null, 0)",
        _ => $"({(prediction.EnumIsDense ? "(int)label" : "Binding.CodeOf(label)")}, null, 0)",
    };

    // The typed label API: a label has the prediction's type, so a label of another type does not compile.
    private static void EmitLabelMethods(SourceWriter w, MonitorTypeModel model, PredictionModel prediction)
    {
        string labelType = LabelType(prediction);
        string record = prediction.Kind switch
        {
            MemberValueKind.Number => $"RecordValueLabel(predictionId, {(prediction.IsDecimal ? "(double)label" : "label")}, source)",
            MemberValueKind.String => "RecordCategoryLabel(predictionId, label, source)",
            MemberValueKind.Boolean => "RecordClassLabel(predictionId, label ? 1 : 0, source)",
            _ => $"RecordClassLabel(predictionId, {(prediction.EnumIsDense ? "(int)label" : "Binding.CodeOf(label)")}, source)",
        };
        w.Line("/// <summary>");
        w.Line($"/// Observes one row, as <c>Observe</c> does, and returns the id of its prediction (<c>{System.Security.SecurityElement.Escape(prediction.MemberName)}</c>), which");
        if (prediction.IdMember is { } id)
        {
            w.Line($"/// its label refers to: the row's <c>{System.Security.SecurityElement.Escape(id)}</c>. Null when the prediction cannot be labelled: it or its id is null or");
            w.Line("/// empty, or labels are off.");
            w.Line("/// </summary>");
            w.Line($"public string? ObservePrediction(in {model.FullyQualifiedName} row) => ObserveRow(row) < 0 ? null : row.{Identifier(id)};");
        }
        else
        {
            w.Line("/// its label refers to. Null when the prediction cannot be labelled: it is null, or labels are off. Allocates the id's 16 characters.");
            w.Line("/// </summary>");
            w.Line($"public string? ObservePrediction(in {model.FullyQualifiedName} row) => ObservePredictionRow(row);");
        }
        w.Line();
        w.Line("/// <summary>Joins the actual value of a prediction to it: it counts in the realized performance of the prediction's window.</summary>");
        w.Line("/// <param name=\"predictionId\">The id <see cref=\"ObservePrediction\"/> returned.</param>");
        w.Line("/// <param name=\"label\">The actual value, of the prediction's type.</param>");
        w.Line("/// <param name=\"source\">Where the label comes from; each source is counted and reported apart.</param>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">Labels are off for this monitor.</exception>");
        w.Line($"public global::MonitorGen.Labels.LabelOutcome RecordLabel(string predictionId, {labelType} label, global::MonitorGen.Labels.LabelSource source = global::MonitorGen.Labels.LabelSource.Natural)");
        w.Line($"    => {record};");
        w.Line();
        if (prediction.Kind != MemberValueKind.Number)
        {
            EmitLabelingFunction(w, model, prediction, labelType);
        }
    }

    // A classifier's labeling functions: a function of the row that gives a class or abstains with null.
    private static void EmitLabelingFunction(SourceWriter w, MonitorTypeModel model, PredictionModel prediction, string labelType)
    {
        string code = prediction.Kind switch
        {
            MemberValueKind.String => "CategoryLabelCode(label)",
            MemberValueKind.Boolean => "(label ? 1 : 0)",
            _ => prediction.EnumIsDense ? "(int)label" : "Binding.CodeOf(label)",
        };
        w.Line("/// <summary>");
        w.Line("/// Adds a labeling function: it runs off the hot path on each observed row whose prediction is stored, and gives the");
        w.Line("/// row's class, or null to abstain. The functions' majority vote is the prediction's programmatic label, and a natural");
        w.Line("/// or hand label judges each function (<c>Performance(LabelSource.Programmatic).LabelingFunctions</c>).");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"name\">The function's name in the reports.</param>");
        w.Line("/// <param name=\"function\">The rule; one that throws abstains, and is counted on <c>monitorgen.self.errors</c>.</param>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">Labels are off, or a row was observed already.</exception>");
        w.Line($"public void AddLabelingFunction(string name, global::System.Func<{model.FullyQualifiedName}, {labelType}?> function)");
        w.Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(function);");
        w.Line($"AddLabelingFunctionRow(name, row => function(row) is {{ }} label ? {code} : -1);");
        w.Close();
        w.Line();
    }

    private static void EmitBinding(SourceWriter w, MonitorTypeModel model)
    {
        w.Line($"/// <summary>Generator support: how the runtime sees a <see cref=\"{model.Name}\"/> row, with the schema of its type.</summary>");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"public readonly struct Binding : global::MonitorGen.IMonitorBinding<{model.FullyQualifiedName}>");
        w.Line("#pragma warning disable CS0649 // Never assigned: the runtime reads each row as its binding, whose one field is the row.");
        w.Line($"private readonly {model.FullyQualifiedName} _row;");
        w.Line("#pragma warning restore CS0649");
        w.Line();
        EmitSchema(w, model);
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

        string end = model.Prediction is null ? ");" : ",";
        if (model.Kpis.Count == 0)
        {
            w.Line($"    global::System.Array.Empty<global::MonitorGen.KpiSchema>(){end}");
        }
        else
        {
            w.Line("    new global::MonitorGen.KpiSchema[]");
            w.Line("    {");
            foreach (KpiModel kpi in model.Kpis)
            {
                w.Line($"        {KpiSchema(kpi)},");
            }

            w.Line($"    }}{end}");
        }

        if (model.Prediction is { } prediction)
        {
            w.Line($"    {PredictionSchema(prediction)},");
            w.Line($"    {String(prediction.ScoreMember)}{(prediction.IdMember is null ? ");" : ",")}");
            if (prediction.IdMember is { } idMember)
            {
                w.Line($"    {String(idMember)});");
            }
        }
    }

    // The prediction as a feature schema: categorical with its declared classes (none for a string), or numerical.
    private static string PredictionSchema(PredictionModel prediction)
    {
        const string auto = "global::MonitorGen.DriftMethod.Auto";
        if (prediction.Kind == MemberValueKind.Number)
        {
            return $"global::MonitorGen.FeatureSchema.Numerical({String(prediction.MemberName)}, false, {auto}, double.NaN, double.NegativeInfinity, double.PositiveInfinity)";
        }

        string categories = string.Concat(prediction.Categories.Select(category => ", " + String(category)));
        return $"global::MonitorGen.FeatureSchema.Categorical({String(prediction.MemberName)}, {auto}, double.NaN{categories})";
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

        if (model.Prediction is { } prediction)
        {
            if (prediction.IdMember is { } id)
            {
                // Before the prediction, which stores it under this id.
                w.Line($"sink.PredictionKey(row.{Identifier(id)});");
            }

            w.Line(PredictionHandOver(prediction));
        }

        w.Close();
    }

    // The prediction and its score, as expressions without pattern variables: a nullable member is read twice rather
    // than named, so that no local can clash with a feature's.
    private static string PredictionHandOver(PredictionModel prediction)
    {
        string member = "row." + Identifier(prediction.MemberName);
        string value = prediction.IsNullableValueType ? member + ".GetValueOrDefault()" : member;
        string score = prediction.ScoreMember is not { } scoreName ? "double.NaN"
            : Number("row." + Identifier(scoreName), prediction.ScoreIsNullable, prediction.ScoreIsDecimal);
        string WhenPresent(string code) => prediction.IsNullableValueType ? $"{member}.HasValue ? {code} : -1" : code;
        return prediction.Kind switch
        {
            MemberValueKind.Number => $"sink.PredictedValue({Number(member, prediction.IsNullableValueType, prediction.IsDecimal)});",
            MemberValueKind.String => $"sink.PredictedCategory({member}, {score});",
            MemberValueKind.Boolean => $"sink.PredictedClass({WhenPresent($"({value} ? 1 : 0)")}, {score});",
            _ => $"sink.PredictedClass({WhenPresent(prediction.EnumIsDense ? $"(int){value}" : $"CodeOf({value})")}, {score});",
        };
    }

    private static string Number(string member, bool nullable, bool isDecimal) =>
        nullable ? $"{member}.HasValue ? (double){member}.GetValueOrDefault() : double.NaN" : isDecimal ? $"(double){member}" : member;

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
            if (feature.EnumType is { } enumType && !feature.EnumIsDense)
            {
                EmitCodeOf(w, enumType, feature.Categories, emitted);
            }
        }

        if (model.Prediction is { Kind: MemberValueKind.Enum, EnumIsDense: false } prediction)
        {
            EmitCodeOf(w, prediction.ValueType, prediction.Categories, emitted);
        }
    }

    private static void EmitCodeOf(SourceWriter w, string enumType, EquatableArray<string> categories, HashSet<string> emitted)
    {
        if (!emitted.Add(enumType))
        {
            return;
        }

        w.Line();
        w.Line("/// <summary>The category code of <paramref name=\"value\"/>: its declaration position, or -1 when it is not defined.</summary>");
        w.Open($"internal static int CodeOf({enumType} value) => value switch");
        for (int code = 0; code < categories.Count; code++)
        {
            w.Line($"{enumType}.{Identifier(categories[code])} => {code},");
        }

        w.Line("_ => -1,");
        w.Close(";");
    }
}
