using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>
/// Reads the graph inputs of an ONNX <c>ModelProto</c> without a protobuf package: <c>graph</c> (7) → <c>input</c> (11)
/// → name, <c>type.tensor_type</c> element type and shape; inputs that are also initializers (5, or sparse 15) are
/// weights with defaults, not features, and are left out. Only the fields on that path are decoded; everything else is
/// skipped by its length. Bounded: a garbage or truncated file gives an error, never an exception.
/// </summary>
internal static class OnnxModelReader
{
    /// <summary>The most graph inputs accepted.</summary>
    public const int MaxInputs = 10_000;

    /// <summary>The highest rank accepted.</summary>
    public const int MaxRank = 64;

    /// <summary>The most initializers tracked.</summary>
    public const int MaxInitializers = 1_000_000;

    public static OnnxReadResult Read(ByteSource source, CancellationToken cancellationToken)
    {
        if (source.Error is not null)
        {
            return OnnxReadResult.Failure(source.Error);
        }

        if (source.Length == 0)
        {
            return OnnxReadResult.Failure("the file is empty");
        }

        var model = new ProtobufReader(source);
        var inputs = new List<OnnxInput>();
        var initializers = new HashSet<string>(System.StringComparer.Ordinal);
        bool hasIrVersion = false, hasGraph = false;
        while (!model.AtEnd)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!model.TryReadTag(out int field, out int wireType))
            {
                break;
            }

            if (field == 1 && wireType == 0)
            {
                hasIrVersion = model.TryReadVarint(out _);
            }
            else if (field == 7 && wireType == 2)
            {
                // Protobuf merges repeated occurrences of a message field; their repeated fields concatenate.
                hasGraph = true;
                if (!model.TryReadMessage(out ProtobufReader graph) || !ReadGraph(graph, inputs, initializers, cancellationToken))
                {
                    break;
                }
            }
            else if (!model.TrySkip(wireType))
            {
                break;
            }
        }

        if (model.Error is not null)
        {
            return OnnxReadResult.Failure(model.Error);
        }

        if (!hasIrVersion || !hasGraph)
        {
            return OnnxReadResult.Failure(hasIrVersion ? "the model has no graph" : "the file has no ir_version (not an ONNX model?)");
        }

        ImmutableArray<OnnxInput>.Builder fed = ImmutableArray.CreateBuilder<OnnxInput>();
        foreach (OnnxInput input in inputs)
        {
            if (!initializers.Contains(input.Name))
            {
                fed.Add(input);
            }
        }

        return OnnxReadResult.Success(fed.ToImmutable());
    }

    private static bool ReadGraph(ProtobufReader graph, List<OnnxInput> inputs, HashSet<string> initializers, CancellationToken cancellationToken)
    {
        while (!graph.AtEnd)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!graph.TryReadTag(out int field, out int wireType))
            {
                return false;
            }

            bool ok = (field, wireType) switch
            {
                (5, 2) => ReadInitializerName(graph, nameField: 8, initializers),
                (15, 2) => ReadSparseInitializerName(graph, initializers),
                (11, 2) => ReadInput(graph, inputs),
                _ => graph.TrySkip(wireType),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // TensorProto.name is field 8.
    private static bool ReadInitializerName(ProtobufReader graph, int nameField, HashSet<string> initializers)
    {
        if (!graph.TryReadMessage(out ProtobufReader tensor))
        {
            return false;
        }

        while (!tensor.AtEnd)
        {
            if (!tensor.TryReadTag(out int field, out int wireType))
            {
                return false;
            }

            if (field == nameField && wireType == 2)
            {
                if (!tensor.TryReadString(out string name))
                {
                    return false;
                }

                if (initializers.Count >= MaxInitializers)
                {
                    return tensor.Fail($"more than {MaxInitializers} initializers");
                }

                initializers.Add(name);
            }
            else if (!tensor.TrySkip(wireType))
            {
                return false;
            }
        }

        return true;
    }

    // SparseTensorProto.values (1) is a TensorProto whose name is the sparse tensor's.
    private static bool ReadSparseInitializerName(ProtobufReader graph, HashSet<string> initializers)
    {
        if (!graph.TryReadMessage(out ProtobufReader sparse))
        {
            return false;
        }

        while (!sparse.AtEnd)
        {
            if (!sparse.TryReadTag(out int field, out int wireType))
            {
                return false;
            }

            bool ok = field == 1 && wireType == 2 ? ReadInitializerName(sparse, nameField: 8, initializers) : sparse.TrySkip(wireType);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // ValueInfoProto: name (1), type (2).
    private static bool ReadInput(ProtobufReader graph, List<OnnxInput> inputs)
    {
        if (inputs.Count >= MaxInputs)
        {
            return graph.Fail($"more than {MaxInputs} graph inputs");
        }

        if (!graph.TryReadMessage(out ProtobufReader valueInfo))
        {
            return false;
        }

        string name = string.Empty;
        bool isTensor = false;
        int elementType = 0;
        ImmutableArray<OnnxDimension>? shape = null;
        while (!valueInfo.AtEnd)
        {
            if (!valueInfo.TryReadTag(out int field, out int wireType))
            {
                return false;
            }

            bool ok = (field, wireType) switch
            {
                (1, 2) => valueInfo.TryReadString(out name),
                (2, 2) => ReadType(valueInfo, ref isTensor, ref elementType, ref shape),
                _ => valueInfo.TrySkip(wireType),
            };
            if (!ok)
            {
                return false;
            }
        }

        inputs.Add(new OnnxInput(name, isTensor, elementType, shape));
        return true;
    }

    // TypeProto: tensor_type (1) → TypeProto.Tensor: elem_type (1), shape (2).
    private static bool ReadType(ProtobufReader valueInfo, ref bool isTensor, ref int elementType, ref ImmutableArray<OnnxDimension>? shape)
    {
        if (!valueInfo.TryReadMessage(out ProtobufReader type))
        {
            return false;
        }

        while (!type.AtEnd)
        {
            if (!type.TryReadTag(out int field, out int wireType))
            {
                return false;
            }

            if (field != 1 || wireType != 2)
            {
                if (!type.TrySkip(wireType))
                {
                    return false;
                }

                continue;
            }

            isTensor = true;
            if (!type.TryReadMessage(out ProtobufReader tensor))
            {
                return false;
            }

            while (!tensor.AtEnd)
            {
                if (!tensor.TryReadTag(out int tensorField, out int tensorWire))
                {
                    return false;
                }

                if (tensorField == 1 && tensorWire == 0)
                {
                    if (!tensor.TryReadVarint(out ulong value))
                    {
                        return false;
                    }

                    elementType = value <= int.MaxValue ? (int)value : -1;
                }
                else if (tensorField == 2 && tensorWire == 2)
                {
                    if (!ReadShape(tensor, out ImmutableArray<OnnxDimension> dims))
                    {
                        return false;
                    }

                    shape = dims;
                }
                else if (!tensor.TrySkip(tensorWire))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // TensorShapeProto: dim (1) → Dimension: dim_value (1), dim_param (2).
    private static bool ReadShape(ProtobufReader tensor, out ImmutableArray<OnnxDimension> dims)
    {
        dims = ImmutableArray<OnnxDimension>.Empty;
        if (!tensor.TryReadMessage(out ProtobufReader shape))
        {
            return false;
        }

        ImmutableArray<OnnxDimension>.Builder builder = ImmutableArray.CreateBuilder<OnnxDimension>();
        while (!shape.AtEnd)
        {
            if (!shape.TryReadTag(out int field, out int wireType))
            {
                return false;
            }

            if (field != 1 || wireType != 2)
            {
                if (!shape.TrySkip(wireType))
                {
                    return false;
                }

                continue;
            }

            if (builder.Count >= MaxRank)
            {
                return shape.Fail($"a shape of more than {MaxRank} dimensions");
            }

            if (!shape.TryReadMessage(out ProtobufReader dimension))
            {
                return false;
            }

            long? value = null;
            string? parameter = null;
            while (!dimension.AtEnd)
            {
                if (!dimension.TryReadTag(out int dimField, out int dimWire))
                {
                    return false;
                }

                if (dimField == 1 && dimWire == 0)
                {
                    if (!dimension.TryReadVarint(out ulong raw))
                    {
                        return false;
                    }

                    value = unchecked((long)raw);
                }
                else if (dimField == 2 && dimWire == 2)
                {
                    if (!dimension.TryReadString(out string text))
                    {
                        return false;
                    }

                    parameter = text;
                }
                else if (!dimension.TrySkip(dimWire))
                {
                    return false;
                }
            }

            builder.Add(new OnnxDimension(value, parameter));
        }

        dims = builder.ToImmutable();
        return true;
    }
}
