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
    public const string MG0002ReasonMethodUndefined = nameof(MG0002ReasonMethodUndefined);
    public const string MG0002ReasonNumericalOnly = nameof(MG0002ReasonNumericalOnly);
    public const string MG0002ReasonNotForContinuous = nameof(MG0002ReasonNotForContinuous);
    public const string MG0002ReasonNeedsBinary = nameof(MG0002ReasonNeedsBinary);
    public const string MG0003Title = nameof(MG0003Title);
    public const string MG0003Message = nameof(MG0003Message);
    public const string MG0003Description = nameof(MG0003Description);
    public const string MG0004Title = nameof(MG0004Title);
    public const string MG0004Message = nameof(MG0004Message);
    public const string MG0004Description = nameof(MG0004Description);
    public const string MG0005Title = nameof(MG0005Title);
    public const string MG0005Message = nameof(MG0005Message);
    public const string MG0005Description = nameof(MG0005Description);
    public const string MG0006Title = nameof(MG0006Title);
    public const string MG0006Message = nameof(MG0006Message);
    public const string MG0006Description = nameof(MG0006Description);
    public const string MG0006ReasonModelNameEmpty = nameof(MG0006ReasonModelNameEmpty);
    public const string MG0006ReasonModelName = nameof(MG0006ReasonModelName);
    public const string MG0006ReasonFeatureName = nameof(MG0006ReasonFeatureName);
    public const string MG0006ReasonKpiNameEmpty = nameof(MG0006ReasonKpiNameEmpty);
    public const string MG0006ReasonKpiName = nameof(MG0006ReasonKpiName);
    public const string MG0006ReasonKpiNameDuplicate = nameof(MG0006ReasonKpiNameDuplicate);
    public const string MG0007Title = nameof(MG0007Title);
    public const string MG0007Message = nameof(MG0007Message);
    public const string MG0007Description = nameof(MG0007Description);
    public const string MG0007ReasonThresholdNotFinite = nameof(MG0007ReasonThresholdNotFinite);
    public const string MG0007ReasonThresholdNotPositive = nameof(MG0007ReasonThresholdNotPositive);
    public const string MG0007ReasonThresholdNotAProbability = nameof(MG0007ReasonThresholdNotAProbability);
    public const string MG0007ReasonMaxCategoriesBelowOne = nameof(MG0007ReasonMaxCategoriesBelowOne);
    public const string MG0007ReasonMaxCategoriesNotCategorical = nameof(MG0007ReasonMaxCategoriesNotCategorical);
    public const string MG0007ReasonExpectNaN = nameof(MG0007ReasonExpectNaN);
    public const string MG0007ReasonKpiBuckets = nameof(MG0007ReasonKpiBuckets);
    public const string MG0007ReasonKpiTarget = nameof(MG0007ReasonKpiTarget);
    public const string MG0007ReasonKpiDirection = nameof(MG0007ReasonKpiDirection);
    public const string MG0007ReasonExpectMinAboveMax = nameof(MG0007ReasonExpectMinAboveMax);
    public const string MG0008Title = nameof(MG0008Title);
    public const string MG0008Message = nameof(MG0008Message);
    public const string MG0008Description = nameof(MG0008Description);
    public const string MG0011Title = nameof(MG0011Title);
    public const string MG0011Message = nameof(MG0011Message);
    public const string MG0011Description = nameof(MG0011Description);
    public const string MG0012Title = nameof(MG0012Title);
    public const string MG0012Message = nameof(MG0012Message);
    public const string MG0012Description = nameof(MG0012Description);
    public const string MG0014Title = nameof(MG0014Title);
    public const string MG0014Message = nameof(MG0014Message);
    public const string MG0014Description = nameof(MG0014Description);
    public const string MG0015Title = nameof(MG0015Title);
    public const string MG0015Message = nameof(MG0015Message);
    public const string MG0015Description = nameof(MG0015Description);
    public const string MG0015ScoreReason = nameof(MG0015ScoreReason);
    public const string MG0015IdReason = nameof(MG0015IdReason);
    public const string MG0015MissingReason = nameof(MG0015MissingReason);
    public const string MG0016Title = nameof(MG0016Title);
    public const string MG0016Message = nameof(MG0016Message);
    public const string MG0016Description = nameof(MG0016Description);
    public const string CodeFixAddDriftTest = nameof(CodeFixAddDriftTest);
    public const string CodeFixMarkNotMonitored = nameof(CodeFixMarkNotMonitored);
    public const string CodeFixMakePartial = nameof(CodeFixMakePartial);
    public const string CodeFixAddCategoryCap = nameof(CodeFixAddCategoryCap);
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
    public const string MG0010ProblemTensorType = nameof(MG0010ProblemTensorType);
    public const string MG0010ProblemMemberType = nameof(MG0010ProblemMemberType);
    public const string MG0010ProblemBool = nameof(MG0010ProblemBool);
    public const string MG0010ProblemEnum = nameof(MG0010ProblemEnum);
    public const string MG0010ProblemNullable = nameof(MG0010ProblemNullable);
    public const string MG0010ProblemAmbiguousMember = nameof(MG0010ProblemAmbiguousMember);
    public const string MG0010ProblemAttributeNoInput = nameof(MG0010ProblemAttributeNoInput);
    public const string MG0010ProblemFedTwice = nameof(MG0010ProblemFedTwice);
    public const string MG0010ProblemShape = nameof(MG0010ProblemShape);
#pragma warning restore SA1600
}
