using System.ComponentModel;

namespace MonitorGen.OnnxRuntime;

/// <summary>
/// Generator support: the ONNX mapping of a record, which the generator implements (explicitly) on every
/// <c>[Monitor]</c> type of a project that references MonitorGen.OnnxRuntime. Not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TSelf">The record.</typeparam>
/// <remarks>
/// The generated code describes the members and moves their values; <see cref="MonitoredInferenceSession{TInput, TOutput}"/>
/// matches the members to a model's names when it starts, with the rules of docs/onnxruntime.md, and refuses a record
/// that does not fit. No reflection is involved, so the mapping works under trimming and Native AOT.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOnnxRecord<TSelf>
    where TSelf : IOnnxRecord<TSelf>
{
    /// <summary>The members the mapping may write and read, and the names their attributes give. Called once per session.</summary>
    static abstract OnnxRecordShape GetOnnxShape();

    /// <summary>Writes the members of <paramref name="row"/> that a model input takes, by their ordinal in <see cref="OnnxRecordShape.Inputs"/>.</summary>
    static abstract void WriteOnnxInputs(in TSelf row, OnnxInputWriter writer);

    /// <summary>Builds a record from the model outputs, each member read by its ordinal in <see cref="OnnxRecordShape.Outputs"/>.</summary>
    static abstract TSelf ReadOnnxOutputs(OnnxOutputReader reader);
}
