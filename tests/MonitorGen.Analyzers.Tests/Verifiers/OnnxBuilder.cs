using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MonitorGen.Analyzers.Tests.Verifiers;

/// <summary>
/// Writes ONNX <c>ModelProto</c> bytes with just the fields the MG0010 reader looks at (protobuf wire format by hand),
/// so that tests can build any model, valid or not, without a protobuf package.
/// </summary>
public sealed class OnnxBuilder
{
    public const int Float = 1, Int32 = 6, Int64 = 7, String = 8, Bool = 9, Double = 11;

    private readonly List<byte[]> _inputs = new();
    private readonly List<byte[]> _initializers = new();

    /// <summary>Adds a tensor input; each dimension is a long (dim_value) or a string (dim_param); null shape = none.</summary>
    public OnnxBuilder Input(string name, int elementType, params object[]? shape)
    {
        var tensor = new MemoryStream();
        WriteVarintField(tensor, 1, (ulong)elementType);
        if (shape is not null)
        {
            var shapeMessage = new MemoryStream();
            foreach (object dim in shape)
            {
                var dimension = new MemoryStream();
                if (dim is string param)
                {
                    WriteBytesField(dimension, 2, Encoding.UTF8.GetBytes(param));
                }
                else
                {
                    WriteVarintField(dimension, 1, unchecked((ulong)Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
                }

                WriteBytesField(shapeMessage, 1, dimension.ToArray());
            }

            WriteBytesField(tensor, 2, shapeMessage.ToArray());
        }

        var type = new MemoryStream();
        WriteBytesField(type, 1, tensor.ToArray());
        return AddInput(name, type.ToArray());
    }

    /// <summary>Adds an input whose type is a sequence of float tensors, not a tensor.</summary>
    public OnnxBuilder SequenceInput(string name)
    {
        var element = new MemoryStream();
        var tensor = new MemoryStream();
        WriteVarintField(tensor, 1, Float);
        WriteBytesField(element, 1, tensor.ToArray());
        var sequence = new MemoryStream();
        WriteBytesField(sequence, 1, element.ToArray());
        var type = new MemoryStream();
        WriteBytesField(type, 4, sequence.ToArray());
        return AddInput(name, type.ToArray());
    }

    /// <summary>Adds an initializer (a weight) with some raw data.</summary>
    public OnnxBuilder Initializer(string name, int rawBytes = 16)
    {
        var tensor = new MemoryStream();
        WriteVarintField(tensor, 1, 1); // dims
        WriteVarintField(tensor, 2, Float); // data_type
        WriteBytesField(tensor, 8, Encoding.UTF8.GetBytes(name));
        WriteBytesField(tensor, 9, new byte[rawBytes]); // raw_data
        _initializers.Add(tensor.ToArray());
        return this;
    }

    /// <summary>The model's bytes: ir_version, producer, then the graph (nodes, name, initializers, inputs, output).</summary>
    public byte[] Build()
    {
        var graph = new MemoryStream();
        WriteBytesField(graph, 1, new byte[] { 0x0A, 0x01, (byte)'a', 0x12, 0x01, (byte)'b', 0x22, 0x03, (byte)'A', (byte)'b', (byte)'s' }); // a node
        WriteBytesField(graph, 2, Encoding.UTF8.GetBytes("graph"));
        foreach (byte[] initializer in _initializers)
        {
            WriteBytesField(graph, 5, initializer);
        }

        foreach (byte[] input in _inputs)
        {
            WriteBytesField(graph, 11, input);
        }

        var output = new MemoryStream();
        WriteBytesField(output, 1, Encoding.UTF8.GetBytes("score"));
        WriteBytesField(graph, 12, output.ToArray());

        var model = new MemoryStream();
        WriteVarintField(model, 1, 8);
        WriteBytesField(model, 2, Encoding.UTF8.GetBytes("tests"));
        WriteBytesField(model, 7, graph.ToArray());
        WriteFixed32Field(model, 14, 0x01020304); // an unknown fixed-size field, skipped
        return model.ToArray();
    }

    /// <summary>The additional file text of a model: its base64 copy, as the build step writes it.</summary>
    public string BuildBase64() => Convert.ToBase64String(Build());

    private OnnxBuilder AddInput(string name, byte[] type)
    {
        var valueInfo = new MemoryStream();
        WriteBytesField(valueInfo, 1, Encoding.UTF8.GetBytes(name));
        WriteBytesField(valueInfo, 2, type);
        _inputs.Add(valueInfo.ToArray());
        return this;
    }

    public static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static void WriteVarintField(Stream stream, int field, ulong value)
    {
        WriteVarint(stream, (ulong)field << 3);
        WriteVarint(stream, value);
    }

    private static void WriteBytesField(Stream stream, int field, byte[] bytes)
    {
        WriteVarint(stream, ((ulong)field << 3) | 2);
        WriteVarint(stream, (ulong)bytes.Length);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static void WriteFixed32Field(Stream stream, int field, uint value)
    {
        WriteVarint(stream, ((ulong)field << 3) | 5);
        stream.Write(BitConverter.GetBytes(value), 0, 4);
    }
}
