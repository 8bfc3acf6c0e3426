namespace MonitorGen.Generators.Shared;

/// <summary>How a member's CLR type is observed.</summary>
internal enum FeatureValueKind
{
    /// <summary>A type MonitorGen cannot observe.</summary>
    Unsupported = 0,
    /// <summary>A numeric primitive: observed as a <see cref="double"/>.</summary>
    Numeric,
    /// <summary><see cref="bool"/>: a categorical feature with two categories.</summary>
    Boolean,
    /// <summary>An enum: a categorical feature whose categories are its named members.</summary>
    Enum,
    /// <summary><see cref="string"/>: a categorical feature with a capped category table.</summary>
    String,
}
