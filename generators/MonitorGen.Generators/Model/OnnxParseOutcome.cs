namespace MonitorGen.Generators.Model;

/// <summary>What the parser made of one <c>[OnnxRecord]</c> type: a model, a failure, or neither.</summary>
/// <param name="Model">The model to emit.</param>
/// <param name="Failure">Why the parser could not read the type.</param>
internal sealed record OnnxParseOutcome(OnnxRecordTypeModel? Model, ParseFailureModel? Failure)
{
    /// <summary>A type that gets no mapping and no generator diagnostic.</summary>
    public static OnnxParseOutcome Skipped { get; } = new(null, null);
}
