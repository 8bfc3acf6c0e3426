using System.Collections.Immutable;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>The inputs of an ONNX model, or why the file could not be read.</summary>
internal sealed class OnnxReadResult
{
    private OnnxReadResult(ImmutableArray<OnnxInput> inputs, string? error)
    {
        Inputs = inputs;
        Error = error;
    }

    /// <summary>The graph inputs that are not initializers, in file order.</summary>
    public ImmutableArray<OnnxInput> Inputs { get; }

    /// <summary>Why the file is not a readable ONNX model, or null.</summary>
    public string? Error { get; }

    public static OnnxReadResult Success(ImmutableArray<OnnxInput> inputs) => new(inputs, null);

    public static OnnxReadResult Failure(string error) => new(ImmutableArray<OnnxInput>.Empty, error);
}
