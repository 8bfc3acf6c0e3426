namespace MonitorGen.Generators.Model;

/// <summary>The ONNX mapping of a <c>[Monitor]</c> type, emitted when the compilation references MonitorGen.OnnxRuntime.</summary>
/// <param name="Inputs">The members it may feed to model inputs, in the order of the writer's ordinals.</param>
/// <param name="ConstructorParameters">As an output: the parameters of the constructor that builds it.</param>
/// <param name="Properties">As an output: the settable properties set after construction.</param>
/// <param name="OutputProblem">Why it cannot be an output, or null.</param>
internal sealed record OnnxRecordModel(
    EquatableArray<OnnxMemberModel> Inputs,
    EquatableArray<OnnxMemberModel> ConstructorParameters,
    EquatableArray<OnnxMemberModel> Properties,
    string? OutputProblem);
