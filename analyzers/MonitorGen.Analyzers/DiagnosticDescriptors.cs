using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers;

/// <summary>
/// The MonitorGen diagnostics, in id order. Ids and default severities are part of the public contract
/// (<c>docs/diagnostics/README.md</c>); MG0009 and MG0010 are the profile and ONNX checks.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of every MonitorGen diagnostic.</summary>
    public const string Category = "MonitorGen";

    /// <summary>The prefix of every help link; the page is <c>{id}.md</c>.</summary>
    public const string HelpLinkPrefix = "https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/";

    /// <summary>MG0001: a public feature of a monitored type has no monitoring attribute and no [NotMonitored].</summary>
    public static readonly DiagnosticDescriptor MissingMonitoringAttribute = new(
        id: "MG0001",
        title: Resources.Localizable(Resources.MG0001Title),
        messageFormat: Resources.Localizable(Resources.MG0001Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0001Description),
        helpLinkUri: HelpLinkPrefix + "MG0001.md");

    /// <summary>MG0002: the drift method does not fit the feature's type.</summary>
    public static readonly DiagnosticDescriptor DriftMethodDoesNotFitFeature = new(
        id: "MG0002",
        title: Resources.Localizable(Resources.MG0002Title),
        messageFormat: Resources.Localizable(Resources.MG0002Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0002Description),
        helpLinkUri: HelpLinkPrefix + "MG0002.md");

    /// <summary>MG0003: a monitored type, or a type containing it, is not partial.</summary>
    public static readonly DiagnosticDescriptor MonitoredTypeMustBePartial = new(
        id: "MG0003",
        title: Resources.Localizable(Resources.MG0003Title),
        messageFormat: Resources.Localizable(Resources.MG0003Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0003Description),
        helpLinkUri: HelpLinkPrefix + "MG0003.md");

    /// <summary>MG0004: [KpiMetric] (or [Expect]) sits on a non-numeric member.</summary>
    public static readonly DiagnosticDescriptor NumericAttributeOnNonNumericMember = new(
        id: "MG0004",
        title: Resources.Localizable(Resources.MG0004Title),
        messageFormat: Resources.Localizable(Resources.MG0004Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0004Description),
        helpLinkUri: HelpLinkPrefix + "MG0004.md");

    /// <summary>MG0005: [DriftTest] sits on a member whose type MonitorGen cannot observe.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFeatureType = new(
        id: "MG0005",
        title: Resources.Localizable(Resources.MG0005Title),
        messageFormat: Resources.Localizable(Resources.MG0005Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0005Description),
        helpLinkUri: HelpLinkPrefix + "MG0005.md");

    /// <summary>MG0006: a model, KPI or feature name breaks the OpenTelemetry naming rules, or two KPIs of one model share a name.</summary>
    public static readonly DiagnosticDescriptor InvalidTelemetryName = new(
        id: "MG0006",
        title: Resources.Localizable(Resources.MG0006Title),
        messageFormat: Resources.Localizable(Resources.MG0006Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0006Description),
        helpLinkUri: HelpLinkPrefix + "MG0006.md");

    /// <summary>MG0007: a threshold, category cap or [Expect] range is out of range.</summary>
    public static readonly DiagnosticDescriptor ArgumentOutOfRange = new(
        id: "MG0007",
        title: Resources.Localizable(Resources.MG0007Title),
        messageFormat: Resources.Localizable(Resources.MG0007Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0007Description),
        helpLinkUri: HelpLinkPrefix + "MG0007.md");

    /// <summary>MG0008: a string feature, or a number marked <c>Categorical</c>, is drift-tested without a category cap.</summary>
    public static readonly DiagnosticDescriptor MissingCategoryCap = new(
        id: "MG0008",
        title: Resources.Localizable(Resources.MG0008Title),
        messageFormat: Resources.Localizable(Resources.MG0008Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0008Description),
        helpLinkUri: HelpLinkPrefix + "MG0008.md");

    /// <summary>MG0009: a reference profile does not match its record, or is not a valid profile.</summary>
    public static readonly DiagnosticDescriptor ReferenceProfileMismatch = new(
        id: "MG0009",
        title: Resources.Localizable(Resources.MG0009Title),
        messageFormat: Resources.Localizable(Resources.MG0009Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0009Description),
        helpLinkUri: HelpLinkPrefix + "MG0009.md");

    /// <summary>MG0010: an ONNX model's inputs do not match its input record, or the model file cannot be read.</summary>
    public static readonly DiagnosticDescriptor OnnxInputMismatch = new(
        id: "MG0010",
        title: Resources.Localizable(Resources.MG0010Title),
        messageFormat: Resources.Localizable(Resources.MG0010Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0010Description),
        helpLinkUri: HelpLinkPrefix + "MG0010.md");

    /// <summary>MG0011: a member has both [NotMonitored] and a monitoring attribute.</summary>
    public static readonly DiagnosticDescriptor ConflictingNotMonitored = new(
        id: "MG0011",
        title: Resources.Localizable(Resources.MG0011Title),
        messageFormat: Resources.Localizable(Resources.MG0011Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0011Description),
        helpLinkUri: HelpLinkPrefix + "MG0011.md");

    /// <summary>MG0012: a monitored type, or a type containing it, is generic.</summary>
    public static readonly DiagnosticDescriptor MonitoredTypeMustNotBeGeneric = new(
        id: "MG0012",
        title: Resources.Localizable(Resources.MG0012Title),
        messageFormat: Resources.Localizable(Resources.MG0012Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0012Description),
        helpLinkUri: HelpLinkPrefix + "MG0012.md");

    /// <summary>MG0014: a record marks more than one member <c>[Prediction]</c>.</summary>
    public static readonly DiagnosticDescriptor TwoPredictions = new(
        id: "MG0014",
        title: Resources.Localizable(Resources.MG0014Title),
        messageFormat: Resources.Localizable(Resources.MG0014Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0014Description),
        helpLinkUri: HelpLinkPrefix + "MG0014.md");

    /// <summary>MG0015: a prediction's <c>Score</c> or <c>Id</c> names no member, a score that is not a number, or an id that is not a string.</summary>
    public static readonly DiagnosticDescriptor PredictionMemberType = new(
        id: "MG0015",
        title: Resources.Localizable(Resources.MG0015Title),
        messageFormat: Resources.Localizable(Resources.MG0015Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0015Description),
        helpLinkUri: HelpLinkPrefix + "MG0015.md");

    /// <summary>MG0016: the predicted value's type is one a label cannot be compared with.</summary>
    public static readonly DiagnosticDescriptor PredictionNotComparable = new(
        id: "MG0016",
        title: Resources.Localizable(Resources.MG0016Title),
        messageFormat: Resources.Localizable(Resources.MG0016Message),
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Resources.Localizable(Resources.MG0016Description),
        helpLinkUri: HelpLinkPrefix + "MG0016.md");
}
