using System;
using Microsoft.ML.OnnxRuntime;

namespace MonitorGen.OnnxRuntime;

/// <summary>Options of a <see cref="MonitoredInferenceSession{TInput, TOutput}"/>.</summary>
public sealed class MonitoredInferenceSessionOptions
{
    /// <summary>The model name for tags and the activity. Default: the input monitor's model name, else the output
    /// monitor's, else the file name without extension.</summary>
    public string? ModelName { get; set; }

    /// <summary>The model version for tags. Default: the input (else output) monitor's version, else the ONNX file's
    /// <c>model_version</c> when it is set.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>ONNX Runtime session options (threads, execution providers, optimisation level). The caller owns and
    /// disposes them; they are only read while the session is created. Default: ONNX Runtime's defaults.</summary>
    public SessionOptions? SessionOptions { get; set; }

    /// <summary>How many callers' pre-allocated buffers are kept for reuse. More concurrent callers than this still run,
    /// but the extra buffers are created and dropped per call. Default: twice the processor count.</summary>
    public int MaxPooledCallers { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// How long <c>Dispose</c> waits for the predictions still running before it frees the native session. Past it, the
    /// session is not freed under them (its finalizer frees it later) and the timeout is counted and logged. Default 30 s.
    /// </summary>
    public TimeSpan DisposeTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
