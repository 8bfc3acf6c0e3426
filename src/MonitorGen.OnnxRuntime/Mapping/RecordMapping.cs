using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MonitorGen.Onnx;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>
/// The mapping between a record pair and a model's named tensors, checked against the session's metadata and compiled
/// once. Per call it runs two compiled delegates (<see cref="Write"/> and <see cref="Read"/>): direct property calls and
/// typed array stores, with no reflection, boxing or allocation (beyond the output object when it is a class).
/// </summary>
/// <remarks>
/// Compiled expression trees rather than generated code: the session is generic over any record pair, whereas the
/// generator only sees [Monitor] types and knows nothing of a model file's names. The compile cost (about a millisecond)
/// is paid once at construction. The price is that this package is not AOT-compatible.
/// </remarks>
internal sealed class RecordMapping<TInput, TOutput>
{
    private RecordMapping(TensorSpec[] inputs, TensorSpec[] outputs, InputWriter<TInput> write, Func<TensorBuffers, TOutput> read)
    {
        Inputs = inputs;
        Outputs = outputs;
        Write = write;
        Read = read;
    }

    /// <summary>Every model input, in the model's order, with the member that feeds it.</summary>
    public TensorSpec[] Inputs { get; }

    /// <summary>The model outputs that fill the output record (unused outputs are not fetched).</summary>
    public TensorSpec[] Outputs { get; }

    public InputWriter<TInput> Write { get; }

    public Func<TensorBuffers, TOutput> Read { get; }

    /// <exception cref="OnnxModelException">The records do not fit the model; the message lists every problem.</exception>
    public static RecordMapping<TInput, TOutput> Build(InferenceSession session, string modelPath)
    {
        var problems = new List<string>();
        ParameterExpression row = Expression.Parameter(typeof(TInput).MakeByRefType(), "row");
        ParameterExpression inputBuffers = Expression.Parameter(typeof(TensorBuffers), "buffers");
        var inputSpecs = new List<TensorSpec>();
        var writes = new List<Expression>();
        MapInputs(session, row, inputBuffers, inputSpecs, writes, problems);

        ParameterExpression outputBuffers = Expression.Parameter(typeof(TensorBuffers), "buffers");
        var outputSpecs = new List<TensorSpec>();
        Expression? construct = MapOutputs(session, outputBuffers, outputSpecs, problems);

        if (problems.Count > 0 || construct is null)
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

        Expression writeBody = writes.Count == 0 ? Expression.Empty() : Expression.Block(writes);
        InputWriter<TInput> write = Expression.Lambda<InputWriter<TInput>>(writeBody, $"Write{typeof(TInput).Name}", [row, inputBuffers]).Compile();
        Func<TensorBuffers, TOutput> read = Expression.Lambda<Func<TensorBuffers, TOutput>>(construct, $"Read{typeof(TOutput).Name}", [outputBuffers]).Compile();
        return new RecordMapping<TInput, TOutput>([.. inputSpecs], [.. outputSpecs], write, read);
    }

    private static void MapInputs(InferenceSession session, ParameterExpression row, ParameterExpression buffers, List<TensorSpec> specs, List<Expression> writes, List<string> problems)
    {
        var fedBy = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (PropertyInfo property in typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(OnnxIgnoreAttribute), true))
            {
                continue;
            }

            string? attributeName = FindAttribute<OnnxInputAttribute>(typeof(TInput), property)?.Name;
            List<string> matches = OnnxNameMatcher.Candidates(property.Name, attributeName, session.InputNames);
            if (matches.Count == 0)
            {
                if (attributeName is not null)
                {
                    problems.Add($"{Member<TInput>(property)}: [OnnxInput(\"{attributeName}\")] names no model input");
                }

                continue; // a member the model does not take (a key, a note): left out
            }

            if (matches.Count > 1)
            {
                problems.Add($"{Member<TInput>(property)} matches several model inputs ({string.Join(", ", matches)}); name one with [OnnxInput]");
                continue;
            }

            string name = matches[0];
            if (fedBy.TryGetValue(name, out PropertyInfo? other))
            {
                problems.Add($"model input '{name}' is fed by both {Member<TInput>(other)} and {Member<TInput>(property)}");
                continue;
            }

            fedBy.Add(name, property);
        }

        var perType = new Dictionary<TensorElementType, int>();
        foreach (string name in session.InputNames)
        {
            NodeMetadata metadata = session.InputMetadata[name];
            if (!fedBy.TryGetValue(name, out PropertyInfo? property))
            {
                problems.Add($"model input '{name}' ({Describe(metadata)}) is fed by no member of {typeof(TInput).Name}: add a property named like it, or [OnnxInput(\"{name}\")] on one");
                continue;
            }

            if (!TryOneRow(metadata, out Type? elementType, out long[]? shape, out string? problem))
            {
                problems.Add($"model input '{name}' ({Describe(metadata)}) fed by {Member<TInput>(property)}: {problem}");
                continue;
            }

            Expression? value = ValueConversions.ToTensor(Expression.Property(row, property), elementType, out problem);
            if (value is null)
            {
                problems.Add($"model input '{name}' ({Describe(metadata)}) fed by {Member<TInput>(property)}: {problem}");
                continue;
            }

            int index = perType.GetValueOrDefault(metadata.ElementDataType);
            perType[metadata.ElementDataType] = index + 1;
            specs.Add(new TensorSpec(name, property.Name, metadata.ElementDataType, shape, index));
            writes.Add(Expression.Assign(Element(buffers, metadata.ElementDataType, index), value));
        }
    }

    private static Expression? MapOutputs(InferenceSession session, ParameterExpression buffers, List<TensorSpec> specs, List<string> problems)
    {
        Type type = typeof(TOutput);
        ConstructorInfo? constructor = null;
        ParameterInfo[] parameters = [];
        if (!type.IsValueType && type.GetConstructor(Type.EmptyTypes) is null)
        {
            // A positional record: its primary constructor, the public one with the most parameters.
            constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            if (constructor is null)
            {
                problems.Add($"{type.Name} has no public constructor");
                return null;
            }

            parameters = constructor.GetParameters();
        }

        var perType = new Dictionary<TensorElementType, int>();
        var specByOutput = new Dictionary<string, TensorSpec>(StringComparer.Ordinal);
        Expression? ReadOutput(string member, Type memberType, string? attributeName)
        {
            List<string> matches = OnnxNameMatcher.Candidates(member, attributeName, session.OutputNames);
            string where = $"{type.Name}.{member}";
            if (matches.Count != 1)
            {
                problems.Add(matches.Count == 0
                    ? attributeName is not null
                        ? $"{where}: [OnnxOutput(\"{attributeName}\")] names no model output"
                        : $"{where} matches no model output: rename it, name one with [OnnxOutput], or mark it [OnnxIgnore]"
                    : $"{where} matches several model outputs ({string.Join(", ", matches)}); name one with [OnnxOutput]");
                return null;
            }

            string name = matches[0];
            NodeMetadata metadata = session.OutputMetadata[name];
            if (!TryOneRow(metadata, out Type? elementType, out long[]? shape, out string? problem))
            {
                problems.Add($"model output '{name}' ({Describe(metadata)}) for {where}: {problem}");
                return null;
            }

            if (!specByOutput.TryGetValue(name, out TensorSpec? spec))
            {
                int index = perType.GetValueOrDefault(metadata.ElementDataType);
                perType[metadata.ElementDataType] = index + 1;
                spec = new TensorSpec(name, member, metadata.ElementDataType, shape, index);
                specByOutput.Add(name, spec);
                specs.Add(spec);
            }

            Expression? value = ValueConversions.FromTensor(Element(buffers, spec.ElementType, spec.BufferIndex), memberType, out problem);
            if (value is null)
            {
                problems.Add($"model output '{name}' ({Describe(metadata)}) for {where}: {problem}");
            }

            return value;
        }

        var arguments = new List<Expression>();
        foreach (ParameterInfo parameter in parameters)
        {
            PropertyInfo? property = type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            string? attributeName = parameter.GetCustomAttribute<OnnxOutputAttribute>()?.Name
                ?? property?.GetCustomAttribute<OnnxOutputAttribute>(true)?.Name;
            arguments.Add(ReadOutput(parameter.Name!, parameter.ParameterType, attributeName) ?? Expression.Default(parameter.ParameterType));
        }

        var bindings = new List<MemberBinding>();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0
                || property.IsDefined(typeof(OnnxIgnoreAttribute), true)
                || parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            Expression? value = ReadOutput(property.Name, property.PropertyType, property.GetCustomAttribute<OnnxOutputAttribute>(true)?.Name);
            if (value is not null)
            {
                bindings.Add(Expression.Bind(property, value));
            }
        }

        if (specs.Count == 0)
        {
            problems.Add($"{type.Name} takes no model output: give it a property named like one, or [OnnxOutput]");
            return null;
        }

        NewExpression create = constructor is null ? Expression.New(type) : Expression.New(constructor, arguments);
        return bindings.Count == 0 ? create : Expression.MemberInit(create, bindings);
    }

    private static TAttribute? FindAttribute<TAttribute>(Type type, PropertyInfo property)
        where TAttribute : Attribute
    {
        // On a positional record, [OnnxInput("x")] without a `property:` target lands on the constructor parameter.
        return property.GetCustomAttribute<TAttribute>(true)
            ?? type.GetConstructors()
                .SelectMany(c => c.GetParameters())
                .Where(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal))
                .Select(p => p.GetCustomAttribute<TAttribute>())
                .FirstOrDefault(a => a is not null);
    }

    private static Expression Element(ParameterExpression buffers, TensorElementType type, int index)
    {
        string group = type switch
        {
            TensorElementType.Float => nameof(TensorBuffers.Float),
            TensorElementType.Double => nameof(TensorBuffers.Double),
            TensorElementType.Int64 => nameof(TensorBuffers.Int64),
            TensorElementType.Int32 => nameof(TensorBuffers.Int32),
            _ => nameof(TensorBuffers.Bool),
        };
        return Expression.ArrayAccess(Expression.ArrayIndex(Expression.Property(buffers, group), Expression.Constant(index)), Expression.Constant(0));
    }

    /// <summary>Whether one record fills the tensor: a supported element type and one element (symbolic dimensions bound to 1).</summary>
    private static bool TryOneRow(NodeMetadata metadata, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? elementType,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out long[]? shape, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        elementType = null;
        shape = null;
        if (!metadata.IsTensor)
        {
            problem = $"a {metadata.OnnxValueType} is not supported, only tensors";
            return false;
        }

        elementType = ValueConversions.ClrType(metadata.ElementDataType);
        if (elementType is null)
        {
            problem = $"element type {metadata.ElementDataType} is not supported (float, double, int64, int32, bool)";
            return false;
        }

        shape = new long[metadata.Dimensions.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            int dimension = metadata.Dimensions[i];
            if (dimension is 0 or > 1)
            {
                problem = $"dimension {i} is {dimension}, but one member maps to one element per row (dimensions must be 1 or symbolic)";
                elementType = null;
                shape = null;
                return false;
            }

            shape[i] = 1;
        }

        problem = null;
        return true;
    }

    private static string Member<T>(PropertyInfo property) => $"{typeof(T).Name}.{property.Name}";

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
