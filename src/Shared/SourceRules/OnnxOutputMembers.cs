using System.Collections.Immutable;

namespace MonitorGen.SourceRules;

/// <summary>How an output record is built from model outputs: the constructor's parameters, then settable properties.</summary>
/// <param name="ConstructorParameters">The parameters of the constructor that builds it (none for a parameterless one).</param>
/// <param name="Properties">The settable properties set after construction, in declaration order.</param>
/// <param name="Problem">Why it cannot be built (no public constructor, abstract), or null.</param>
internal sealed record OnnxOutputMembers(ImmutableArray<OnnxMember> ConstructorParameters, ImmutableArray<OnnxMember> Properties, string? Problem)
{
    /// <summary>Every member an output fills, constructor parameters first: the order of the reader's ordinals.</summary>
    public ImmutableArray<OnnxMember> All => ConstructorParameters.AddRange(Properties);
}
