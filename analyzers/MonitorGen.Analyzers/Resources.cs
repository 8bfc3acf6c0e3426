using System.Resources;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers;

/// <summary>A small hand-written accessor for <c>Resources.resx</c>, whose keys are the <c>nameof</c> of the constants below.</summary>
internal static class Resources
{
    private static ResourceManager? s_resourceManager;

    /// <summary>The resource manager of <c>MonitorGen.Analyzers.Resources.resources</c>.</summary>
    public static ResourceManager ResourceManager =>
        s_resourceManager ??= new ResourceManager("MonitorGen.Analyzers.Resources", typeof(Resources).Assembly);

    /// <summary>A string that is looked up in the culture of whoever displays it.</summary>
    public static LocalizableString Localizable(string name) => new LocalizableResourceString(name, ResourceManager, typeof(Resources));

    /// <summary>
    /// A string formatted with <paramref name="args"/> in the culture of whoever displays it. As a diagnostic's message
    /// argument it is localized with the message (<see cref="LocalizableString"/> is <see cref="System.IFormattable"/>).
    /// </summary>
    public static LocalizableString Format(string name, params string[] args) =>
        new LocalizableResourceString(name, ResourceManager, typeof(Resources), args);

#pragma warning disable SA1600 // The names document themselves: see Resources.resx.
    public const string MG0001Title = nameof(MG0001Title);
    public const string MG0001Message = nameof(MG0001Message);
    public const string MG0001Description = nameof(MG0001Description);
    public const string MG0002Title = nameof(MG0002Title);
    public const string MG0002Message = nameof(MG0002Message);
    public const string MG0002Description = nameof(MG0002Description);
    public const string MG0002ReasonUnsupportedType = nameof(MG0002ReasonUnsupportedType);
    public const string MG0002ReasonMethodNotApplicable = nameof(MG0002ReasonMethodNotApplicable);
    public const string MG0002ReasonMethodUndefined = nameof(MG0002ReasonMethodUndefined);
    public const string MG0002ReasonNotNumeric = nameof(MG0002ReasonNotNumeric);
    public const string MG0003Title = nameof(MG0003Title);
    public const string MG0003Message = nameof(MG0003Message);
    public const string MG0003Description = nameof(MG0003Description);
    public const string MG0004Title = nameof(MG0004Title);
    public const string MG0004Message = nameof(MG0004Message);
    public const string MG0004Description = nameof(MG0004Description);
    public const string MG0004ReasonModelName = nameof(MG0004ReasonModelName);
    public const string MG0004ReasonThresholdNotFinite = nameof(MG0004ReasonThresholdNotFinite);
    public const string MG0004ReasonThresholdNegative = nameof(MG0004ReasonThresholdNegative);
    public const string MG0004ReasonThresholdNotAProbability = nameof(MG0004ReasonThresholdNotAProbability);
    public const string MG0004ReasonExpectNaN = nameof(MG0004ReasonExpectNaN);
    public const string MG0004ReasonExpectMinAboveMax = nameof(MG0004ReasonExpectMinAboveMax);
    public const string MG0004ReasonKpiNameEmpty = nameof(MG0004ReasonKpiNameEmpty);
    public const string MG0004ReasonKpiNameInvalid = nameof(MG0004ReasonKpiNameInvalid);
    public const string MG0005Title = nameof(MG0005Title);
    public const string MG0005Message = nameof(MG0005Message);
    public const string MG0005Description = nameof(MG0005Description);
    public const string MG0006Title = nameof(MG0006Title);
    public const string MG0006Message = nameof(MG0006Message);
    public const string MG0006Description = nameof(MG0006Description);
    public const string CodeFixAddDriftTest = nameof(CodeFixAddDriftTest);
    public const string CodeFixMarkNotMonitored = nameof(CodeFixMarkNotMonitored);
    public const string CodeFixMakePartial = nameof(CodeFixMakePartial);
    public const string MG0009Title = nameof(MG0009Title);
    public const string MG0009Message = nameof(MG0009Message);
    public const string MG0009Description = nameof(MG0009Description);
    public const string MG0009ReasonMismatch = nameof(MG0009ReasonMismatch);
    public const string MG0009ReasonCorrupt = nameof(MG0009ReasonCorrupt);
    public const string MG0009ProblemMissing = nameof(MG0009ProblemMissing);
    public const string MG0009ProblemExtra = nameof(MG0009ProblemExtra);
    public const string MG0009ProblemKind = nameof(MG0009ProblemKind);
    public const string MG0009ProblemHash = nameof(MG0009ProblemHash);
    public const string MG0009ProblemModel = nameof(MG0009ProblemModel);
    public const string MG0009ProblemType = nameof(MG0009ProblemType);
    public const string MG0010Title = nameof(MG0010Title);
    public const string MG0010Message = nameof(MG0010Message);
    public const string MG0010Description = nameof(MG0010Description);
    public const string MG0010ReasonMismatch = nameof(MG0010ReasonMismatch);
    public const string MG0010ReasonCorrupt = nameof(MG0010ReasonCorrupt);
    public const string MG0010ReasonAmbiguous = nameof(MG0010ReasonAmbiguous);
    public const string MG0010ProblemNoProperty = nameof(MG0010ProblemNoProperty);
    public const string MG0010ProblemNoInput = nameof(MG0010ProblemNoInput);
    public const string MG0010ProblemNotTensor = nameof(MG0010ProblemNotTensor);
    public const string MG0010ProblemElementType = nameof(MG0010ProblemElementType);
    public const string MG0010ProblemShape = nameof(MG0010ProblemShape);
#pragma warning restore SA1600
}
