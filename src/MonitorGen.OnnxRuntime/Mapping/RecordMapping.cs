using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MonitorGen.Onnx;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>
/// The mapping between a record pair and a model's named tensors: the generated shapes of the two records
/// (<see cref="IOnnxRecord{TSelf}"/>) matched against the session's metadata once. Per call the generated writer and
/// reader move each member to or from its slot: direct property calls and typed array stores, with no reflection, boxing
/// or allocation (beyond the output object when it is a class).
/// </summary>
internal sealed class RecordMapping<TInput, TOutput>
    where TInput : IOnnxRecord<TInput>
    where TOutput : IOnnxRecord<TOutput>
{
    private readonly TensorSlot[] _inputSlots;
    private readonly TensorSlot[] _outputSlots;

    private RecordMapping(TensorSpec[] inputs, TensorSpec[] outputs, TensorSlot[] inputSlots, TensorSlot[] outputSlots)
    {
        Inputs = inputs;
        Outputs = outputs;
        _inputSlots = inputSlots;
        _outputSlots = outputSlots;
    }

    /// <summary>Every model input, in the model's order, with the member that feeds it.</summary>
    public TensorSpec[] Inputs { get; }

    /// <summary>The model outputs that fill the output record (unused outputs are not fetched).</summary>
    public TensorSpec[] Outputs { get; }

    /// <summary>Copies the model inputs of one record into a caller's input buffers.</summary>
    public void Write(in TInput row, TensorBuffers buffers) => TInput.WriteOnnxInputs(in row, new OnnxInputWriter(buffers, _inputSlots));

    /// <summary>Builds the output record from a caller's output buffers.</summary>
    public TOutput Read(TensorBuffers buffers) => TOutput.ReadOnnxOutputs(new OnnxOutputReader(buffers, _outputSlots));

    /// <exception cref="OnnxModelException">The records do not fit the model; the message lists every problem.</exception>
    public static RecordMapping<TInput, TOutput> Build(InferenceSession session, string modelPath)
    {
        var problems = new List<string>();
        OnnxRecordShape inputShape = TInput.GetOnnxShape();
        OnnxRecordShape outputShape = TOutput.GetOnnxShape();
        var inputSpecs = new List<TensorSpec>();
        TensorSlot[] inputSlots = MapInputs(session, inputShape.Inputs, inputSpecs, problems);
        var outputSpecs = new List<TensorSpec>();
        TensorSlot[] outputSlots = MapOutputs(session, outputShape, outputSpecs, problems);
        if (problems.Count > 0)
        {
            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture, $"the records {typeof(TInput).Name} -> {typeof(TOutput).Name} do not fit the model:");
            foreach (string problem in problems)
            {
                message.Append("\n  - ").Append(problem);
            }

            message.Append("\nModel inputs: ").Append(Describe(session.InputNames, session.InputMetadata));
            message.Append("\nModel outputs: ").Append(Describe(session.OutputNames, session.OutputMetadata));
            throw new OnnxModelException(modelPath, message.ToString());
        }

        return new RecordMapping<TInput, TOutput>([.. inputSpecs], [.. outputSpecs], inputSlots, outputSlots);
    }

    private static TensorSlot[] MapInputs(InferenceSession session, IReadOnlyList<OnnxMemberInfo> members, List<TensorSpec> specs, List<string> problems)
    {
        var slots = new TensorSlot[members.Count];
        var fedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 0; m < members.Count; m++)
        {
            OnnxMemberInfo member = members[m];
            List<string> matches = OnnxNameMatcher.Candidates(member.Name, member.OnnxName, session.InputNames);
            if (matches.Count == 0)
            {
                if (member.OnnxName is not null)
                {
                    problems.Add($"{Member<TInput>(member)}: [OnnxInput(\"{member.OnnxName}\")] names no model input");
                }

                continue; // a member the model does not take (a key, a note): left out
            }

            if (matches.Count > 1)
            {
                problems.Add($"{Member<TInput>(member)} matches several model inputs ({string.Join(", ", matches)}); name one with [OnnxInput]");
                continue;
            }

            string name = matches[0];
            if (fedBy.TryGetValue(name, out int other))
            {
                problems.Add($"model input '{name}' is fed by both {Member<TInput>(members[other])} and {Member<TInput>(member)}");
                continue;
            }

            fedBy.Add(name, m);
        }

        var perType = new Dictionary<TensorElementType, int>();
        foreach (string name in session.InputNames)
        {
            NodeMetadata metadata = session.InputMetadata[name];
            if (!fedBy.TryGetValue(name, out int m))
            {
                problems.Add($"model input '{name}' ({Describe(metadata)}) is fed by no member of {typeof(TInput).Name}: add a property named like it, or [OnnxInput(\"{name}\")] on one");
                continue;
            }

            OnnxMemberInfo member = members[m];
            string? problem = TryOneRow(metadata, out long[]? shape) ?? MemberTypes.FeedProblem(member.Type, (int)metadata.ElementDataType);
            if (problem is not null)
            {
                problems.Add($"model input '{name}' ({Describe(metadata)}) fed by {Member<TInput>(member)}: {problem}");
                continue;
            }

            int index = perType.GetValueOrDefault(metadata.ElementDataType);
            perType[metadata.ElementDataType] = index + 1;
            specs.Add(new TensorSpec(name, member.Name, metadata.ElementDataType, shape!, index));
            slots[m] = new TensorSlot((int)metadata.ElementDataType, index);
        }

        return slots;
    }

    private static TensorSlot[] MapOutputs(InferenceSession session, OnnxRecordShape shape, List<TensorSpec> specs, List<string> problems)
    {
        string type = typeof(TOutput).Name;
        var slots = new TensorSlot[shape.Outputs.Count];
        if (shape.OutputProblem is not null)
        {
            problems.Add(shape.OutputProblem);
            return slots;
        }

        var perType = new Dictionary<TensorElementType, int>();
        var specByOutput = new Dictionary<string, TensorSpec>(StringComparer.Ordinal);
        for (int m = 0; m < shape.Outputs.Count; m++)
        {
            OnnxMemberInfo member = shape.Outputs[m];
            List<string> matches = OnnxNameMatcher.Candidates(member.Name, member.OnnxName, session.OutputNames);
            string where = $"{type}.{member.Name}";
            if (matches.Count != 1)
            {
                problems.Add(matches.Count == 0
                    ? member.OnnxName is not null
                        ? $"{where}: [OnnxOutput(\"{member.OnnxName}\")] names no model output"
                        : $"{where} matches no model output: rename it, name one with [OnnxOutput], or mark it [OnnxIgnore]"
                    : $"{where} matches several model outputs ({string.Join(", ", matches)}); name one with [OnnxOutput]");
                continue;
            }

            string name = matches[0];
            NodeMetadata metadata = session.OutputMetadata[name];
            string? problem = TryOneRow(metadata, out long[]? dimensions) ?? MemberTypes.FillProblem((int)metadata.ElementDataType, member.Type);
            if (problem is not null)
            {
                problems.Add($"model output '{name}' ({Describe(metadata)}) for {where}: {problem}");
                continue;
            }

            if (!specByOutput.TryGetValue(name, out TensorSpec? spec))
            {
                int index = perType.GetValueOrDefault(metadata.ElementDataType);
                perType[metadata.ElementDataType] = index + 1;
                spec = new TensorSpec(name, member.Name, metadata.ElementDataType, dimensions!, index);
                specByOutput.Add(name, spec);
                specs.Add(spec);
            }

            slots[m] = new TensorSlot((int)spec.ElementType, spec.BufferIndex);
        }

        if (shape.Outputs.Count == 0)
        {
            problems.Add($"{type} takes no model output: give it a property named like one, or [OnnxOutput]");
        }

        return slots;
    }

    /// <summary>Why one record does not fill the tensor (an element type the mapping does not take, or a dimension above 1), or null with its one-row shape (symbolic dimensions bound to 1).</summary>
    private static string? TryOneRow(NodeMetadata metadata, out long[]? shape)
    {
        shape = null;
        if (!metadata.IsTensor)
        {
            return $"a {metadata.OnnxValueType} is not supported, only tensors";
        }

        if (!OnnxElementTypes.IsMapped((int)metadata.ElementDataType))
        {
            return $"element type {metadata.ElementDataType} is not supported (float, double, int64, int32, bool)";
        }

        var dimensions = new long[metadata.Dimensions.Length];
        for (int i = 0; i < dimensions.Length; i++)
        {
            int dimension = metadata.Dimensions[i];
            if (!OnnxConversionRules.IsOneRow(dimension))
            {
                return $"dimension {i} is {dimension}, but one member maps to one element per row (dimensions must be 1 or symbolic)";
            }

            dimensions[i] = 1;
        }

        shape = dimensions;
        return null;
    }

    private static string Member<T>(OnnxMemberInfo member) => $"{typeof(T).Name}.{member.Name}";

    private static string Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        string.Join(", ", names.Select(n => $"{n} {Describe(metadata[n])}"));

    private static string Describe(NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            return metadata.OnnxValueType.ToString();
        }

        var dimensions = new string[metadata.Dimensions.Length];
        for (int i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = metadata.Dimensions[i] >= 0
                ? metadata.Dimensions[i].ToString(CultureInfo.InvariantCulture)
                : metadata.SymbolicDimensions is { } symbols && i < symbols.Length && symbols[i].Length > 0 ? symbols[i] : "?";
        }

        return $"{metadata.ElementDataType.ToString().ToLowerInvariant()} [{string.Join(",", dimensions)}]";
    }
}
