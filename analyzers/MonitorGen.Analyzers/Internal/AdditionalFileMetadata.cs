using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MonitorGen.Analyzers.Internal;

/// <summary>
/// Item metadata of an additional file, made visible by <c>CompilerVisibleItemMetadata</c> in
/// <c>buildTransitive/MonitorGen.props</c>.
/// </summary>
internal static class AdditionalFileMetadata
{
    /// <summary>The model a profile or ONNX file belongs to, when the convention does not fit.</summary>
    public const string Model = "MonitorGenModel";

    /// <summary>The dotted full name of the input record an ONNX file is compared with, when a model has several [Monitor] types.</summary>
    public const string InputType = "MonitorGenInputType";

    /// <summary>The original <c>.onnx</c> path of a base64 copy, for messages.</summary>
    public const string Source = "MonitorGenSource";

    /// <summary>The trimmed metadata value, or null when it is absent or blank.</summary>
    public static string? Get(AnalyzerOptions options, AdditionalText file, string name)
    {
        if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles." + name, out string? value)
            && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return null;
    }

    /// <summary>A location in the file as a whole (its first line), for problems with the file itself.</summary>
    public static Location Whole(AdditionalText file) =>
        Location.Create(file.Path, default, new Microsoft.CodeAnalysis.Text.LinePositionSpan(default, default));
}
