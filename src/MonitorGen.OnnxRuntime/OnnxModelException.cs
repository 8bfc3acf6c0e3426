using System;

namespace MonitorGen.OnnxRuntime;

/// <summary>
/// An ONNX model could not be used: the file is missing or is not a loadable model, or its inputs and outputs do not fit
/// the records. Thrown when a <see cref="MonitoredInferenceSession{TInput, TOutput}"/> is created, never per prediction.
/// </summary>
public sealed class OnnxModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OnnxModelException()
        : this("The ONNX model could not be used.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public OnnxModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OnnxModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the model file <paramref name="modelPath"/>.</summary>
    public OnnxModelException(string modelPath, string message, Exception? innerException = null)
        : base($"ONNX model '{modelPath}': {message}", innerException) => ModelPath = modelPath;

    /// <summary>The model file, when the problem is with one.</summary>
    public string? ModelPath { get; }
}
