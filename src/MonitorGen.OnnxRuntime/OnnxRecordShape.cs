using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace MonitorGen.OnnxRuntime;

/// <summary>Generator support: the members of a record that the ONNX mapping may write and read.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OnnxRecordShape
{
    /// <summary>Describes a record.</summary>
    /// <param name="inputs">The members it may feed to model inputs: its public readable properties.</param>
    /// <param name="outputs">The members a model's outputs fill: the constructor's parameters, then the settable properties.</param>
    /// <param name="outputProblem">Why it cannot be built from model outputs (no public constructor, abstract), or null.</param>
    public OnnxRecordShape(OnnxMemberInfo[] inputs, OnnxMemberInfo[] outputs, string? outputProblem)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        Inputs = inputs;
        Outputs = outputs;
        OutputProblem = outputProblem;
    }

    /// <summary>The members it may feed to model inputs; the writer's ordinals index this list.</summary>
    public IReadOnlyList<OnnxMemberInfo> Inputs { get; }

    /// <summary>The members model outputs fill; the reader's ordinals index this list.</summary>
    public IReadOnlyList<OnnxMemberInfo> Outputs { get; }

    /// <summary>Why it cannot be an output record, or null.</summary>
    public string? OutputProblem { get; }
}
