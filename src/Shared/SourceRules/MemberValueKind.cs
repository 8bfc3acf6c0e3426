namespace MonitorGen.SourceRules;

/// <summary>
/// What a member's CLR type is, for observing it: not the feature's kind (<c>FeatureKind</c>), since a
/// <see cref="Number"/> marked <c>Categorical</c> is a categorical feature.
/// </summary>
internal enum MemberValueKind
{
    /// <summary>A type MonitorGen cannot observe.</summary>
    Unsupported = 0,
    /// <summary>A numeric primitive: read as a <see cref="double"/>.</summary>
    Number,
    /// <summary><see cref="bool"/>: a categorical feature with two categories.</summary>
    Boolean,
    /// <summary>An enum: a categorical feature whose categories are its named members.</summary>
    Enum,
    /// <summary><see cref="string"/>: a categorical feature with a capped category table.</summary>
    String,
}
