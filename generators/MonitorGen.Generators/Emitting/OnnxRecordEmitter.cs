using System.Linq;
using MonitorGen.Generators.Model;
using MonitorGen.Onnx;
using static MonitorGen.Generators.Emitting.CSharpLiterals;
using static MonitorGen.Generators.Emitting.EnclosingScope;

namespace MonitorGen.Generators.Emitting;

/// <summary>
/// Writes the ONNX mapping of one monitored type: <c>IOnnxRecord&lt;T&gt;</c>, implemented explicitly so that nothing is
/// added to the type's own members. The shape names every candidate member for the runtime to match against a model's
/// names when a session starts; the writer and the reader then move values by ordinal, with no reflection.
/// </summary>
internal static class OnnxRecordEmitter
{
    private const string Runtime = "global::MonitorGen.OnnxRuntime.";

    public static string Emit(OnnxRecordTypeModel model)
    {
        OnnxRecordModel onnx = model.Mapping;
        string row = model.FullyQualifiedName;
        string contract = $"{Runtime}IOnnxRecord<{row}>";
        var w = new SourceWriter();
        Open(w, model.Namespace, model.ContainingTypes);
        w.Open($"partial {model.Keyword} {model.Name} : {contract}");
        EmitShape(w, onnx, contract);
        w.Line();
        EmitWrite(w, model, onnx, contract);
        w.Line();
        EmitRead(w, model, onnx, contract);
        w.Close();
        Close(w, model.Namespace, model.ContainingTypes);
        return w.ToString();
    }

    private static void EmitShape(SourceWriter w, OnnxRecordModel onnx, string contract)
    {
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode);
        w.Line($"static {Runtime}OnnxRecordShape {contract}.GetOnnxShape() => new(");
        EmitMembers(w, onnx.Inputs.ToArray(), ",");
        EmitMembers(w, onnx.ConstructorParameters.Concat(onnx.Properties).ToArray(), ",");
        w.Line($"    {String(onnx.OutputProblem)});");
    }

    private static void EmitMembers(SourceWriter w, OnnxMemberModel[] members, string suffix)
    {
        if (members.Length == 0)
        {
            w.Line($"    global::System.Array.Empty<{Runtime}OnnxMemberInfo>(){suffix}");
            return;
        }

        w.Line($"    new {Runtime}OnnxMemberInfo[]");
        w.Line("    {");
        foreach (OnnxMemberModel member in members)
        {
            w.Line($"        new({String(member.Name)}, typeof({member.Type}), {String(member.OnnxName)}),");
        }

        w.Line($"    }}{suffix}");
    }

    // Ordinals are indexes into the shape's inputs; a member no tensor could take has no write.
    private static void EmitWrite(SourceWriter w, OnnxRecordTypeModel model, OnnxRecordModel onnx, string contract)
    {
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode);
        w.Open($"static void {contract}.WriteOnnxInputs(in {model.FullyQualifiedName} row, {Runtime}OnnxInputWriter writer)");
        string source = "row";
        if (!model.IsReferenceType && onnx.Inputs.Count > 0)
        {
            // A copy, once: members of an `in` struct would otherwise be read from defensive copies.
            w.Line("var copy = row;");
            source = "copy";
        }

        for (int i = 0; i < onnx.Inputs.Count; i++)
        {
            OnnxMemberModel member = onnx.Inputs[i];
            if (!OnnxConversionRules.CanFeed(member.Kind, member.IsNullable))
            {
                continue;
            }

            string value = $"{source}.{Identifier(member.Name)}";
            w.Line(member.Kind switch
            {
                OnnxValueKind.Enum => $"writer.WriteEnumCode({Int(i)}, unchecked((long){value}));",
                _ => $"writer.Write({Int(i)}, {value});",
            });
        }

        w.Close();
    }

    // Ordinals are indexes into the shape's outputs: constructor parameters, then properties.
    private static void EmitRead(SourceWriter w, OnnxRecordTypeModel model, OnnxRecordModel onnx, string contract)
    {
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode);
        string signature = $"static {model.FullyQualifiedName} {contract}.ReadOnnxOutputs({Runtime}OnnxOutputReader reader)";
        if (onnx.OutputProblem is not null)
        {
            // The runtime refuses the shape first, with this reason; the body is never reached.
            w.Line($"{signature} => throw new global::System.InvalidOperationException({String(onnx.OutputProblem)});");
            return;
        }

        string arguments = string.Join(", ", onnx.ConstructorParameters.Select((member, i) => Read(member, i) ?? "default!"));
        string create = $"new {model.FullyQualifiedName}({arguments})";
        var settable = onnx.Properties
            .Select((member, i) => (member, read: Read(member, onnx.ConstructorParameters.Count + i)))
            .Where(property => property.read is not null)
            .ToArray();
        if (settable.Length == 0)
        {
            w.Line($"{signature} => {create};");
            return;
        }

        w.Line($"{signature} => {create}");
        w.Open();
        foreach ((OnnxMemberModel member, string? read) in settable)
        {
            w.Line($"{Identifier(member.Name)} = {read},");
        }

        w.Close(";");
    }

    private static string? Read(OnnxMemberModel member, int ordinal)
    {
        if (!OnnxConversionRules.CanFill(member.Kind))
        {
            return null;
        }

        return member.Kind switch
        {
            OnnxValueKind.Enum => $"unchecked(({member.ValueType})reader.ReadEnumCode({Int(ordinal)}))",
            OnnxValueKind.Boolean => $"reader.ReadBoolean({Int(ordinal)})",
            _ => $"reader.Read<{member.ValueType}>({Int(ordinal)})",
        };
    }
}
