namespace MonitorGen.Generators.Model;

/// <summary>What the parser made of one <c>[Monitor]</c> type: a model, a failure, or neither (a type the analyzers reject).</summary>
/// <param name="Model">The model to emit.</param>
/// <param name="Failure">Why the parser could not read the type.</param>
internal sealed record ParseOutcome(MonitorTypeModel? Model, ParseFailureModel? Failure)
{
    /// <summary>A type that gets no monitor and no generator diagnostic.</summary>
    public static ParseOutcome Skipped { get; } = new(null, null);
}
