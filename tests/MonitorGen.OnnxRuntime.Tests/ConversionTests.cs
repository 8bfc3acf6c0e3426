using Microsoft.ML.OnnxRuntime.Tensors;
using MonitorGen.Onnx;
using MonitorGen.OnnxRuntime.Mapping;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>The writer and reader the generated mapping calls convert as C# casts do, whatever the tensor's element type.</summary>
public sealed class ConversionTests
{
    private static readonly TensorSpec[] Specs =
    [
        new("f", "F", TensorElementType.Float, [1, 1], 0),
        new("d", "D", TensorElementType.Double, [1, 1], 0),
        new("l", "L", TensorElementType.Int64, [1, 1], 0),
        new("i", "I", TensorElementType.Int32, [1, 1], 0),
        new("b", "B", TensorElementType.Bool, [1, 1], 0),
    ];

    // One member per tensor, in the order of Specs, and a sixth the model does not take.
    private static readonly TensorSlot[] Slots =
    [
        new(OnnxElementTypes.Float, 0), new(OnnxElementTypes.Double, 0), new(OnnxElementTypes.Int64, 0),
        new(OnnxElementTypes.Int32, 0), new(OnnxElementTypes.Bool, 0), default,
    ];

    [Fact]
    public void Numbers_are_written_as_casts_and_null_as_NaN()
    {
        var buffers = new TensorBuffers(Specs);
        var writer = new OnnxInputWriter(buffers, Slots);
        double value = 3.99;
        decimal money = 12.75m;

        writer.Write(0, money);
        writer.Write(1, (float)value);
        writer.Write(2, value);
        writer.Write(3, -value);
        writer.Write(4, true);
        writer.Write(5, 1.0); // not taken: nothing happens

        Assert.Equal((float)money, buffers.Float[0][0]);
        Assert.Equal((double)(float)value, buffers.Double[0][0]);
        Assert.Equal((long)value, buffers.Int64[0][0]);
        Assert.Equal((int)-value, buffers.Int32[0][0]);
        Assert.True(buffers.Bool[0][0]);

        writer.Write(0, (float?)null);
        writer.Write(1, (decimal?)null);
        Assert.True(float.IsNaN(buffers.Float[0][0]));
        Assert.True(double.IsNaN(buffers.Double[0][0]));
        writer.Write(1, (int?)7);
        Assert.Equal(7.0, buffers.Double[0][0]);
    }

    [Fact]
    public void Enums_go_in_and_out_as_their_integer_codes()
    {
        var buffers = new TensorBuffers(Specs);
        var writer = new OnnxInputWriter(buffers, Slots);
        var reader = new OnnxOutputReader(buffers, Slots);
        Wide huge = Wide.Huge;

        writer.WriteEnumCode(2, unchecked((long)huge));
        writer.WriteEnumCode(3, unchecked((long)huge));

        Assert.Equal(unchecked((long)huge), buffers.Int64[0][0]);
        Assert.Equal(unchecked((int)huge), buffers.Int32[0][0]);
        Assert.Equal(huge, unchecked((Wide)reader.ReadEnumCode(2)));
        Assert.Equal(unchecked((Wide)(ulong)(int)huge), unchecked((Wide)reader.ReadEnumCode(3))); // sign-extended, as the cast
    }

    [Fact]
    public void Numbers_are_read_as_casts()
    {
        var buffers = new TensorBuffers(Specs);
        var reader = new OnnxOutputReader(buffers, Slots);
        buffers.Float[0][0] = 2.75f;
        buffers.Double[0][0] = -1.5;
        buffers.Int64[0][0] = 1L << 40;
        buffers.Int32[0][0] = -3;
        buffers.Bool[0][0] = true;

        Assert.Equal((int)2.75f, reader.Read<int>(0));
        Assert.Equal((decimal)-1.5, reader.Read<decimal>(1));
        Assert.Equal((double)(1L << 40), reader.Read<double>(2));
        Assert.Equal(-3f, reader.Read<float>(3));
        Assert.Equal(unchecked((int)(1L << 40)), reader.Read<int>(2));
        Assert.True(reader.ReadBoolean(4));
    }

    private enum Wide : ulong
    {
        Small = 1,
        Huge = ulong.MaxValue - 5,
    }
}
