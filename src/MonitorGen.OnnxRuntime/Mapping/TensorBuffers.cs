using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>
/// The one-element buffers behind one caller's input and output tensors, grouped by element type so that the compiled
/// mapping reaches them with plain typed array accesses. The arrays live on the pinned object heap: ONNX Runtime reads
/// and writes them in place, and they never move.
/// </summary>
internal sealed class TensorBuffers
{
    public TensorBuffers(IReadOnlyList<TensorSpec> specs)
    {
        Float = Allocate<float>(specs, TensorElementType.Float);
        Double = Allocate<double>(specs, TensorElementType.Double);
        Int64 = Allocate<long>(specs, TensorElementType.Int64);
        Int32 = Allocate<int>(specs, TensorElementType.Int32);
        Bool = Allocate<bool>(specs, TensorElementType.Bool);
    }

    public float[][] Float { get; }

    public double[][] Double { get; }

    public long[][] Int64 { get; }

    public int[][] Int32 { get; }

    public bool[][] Bool { get; }

    private static T[][] Allocate<T>(IReadOnlyList<TensorSpec> specs, TensorElementType type)
    {
        var buffers = new List<T[]>();
        foreach (TensorSpec spec in specs)
        {
            if (spec.ElementType == type)
            {
                long length = 1;
                foreach (long dimension in spec.Shape)
                {
                    length *= dimension;
                }

                buffers.Add(GC.AllocateArray<T>(checked((int)length), pinned: true));
            }
        }

        return buffers.ToArray();
    }
}
