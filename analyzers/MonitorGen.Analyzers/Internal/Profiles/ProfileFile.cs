using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Analyzers.Internal.Profiles;

/// <summary>
/// A <c>*.monitorprofile.json</c> additional file, read once per compilation. Its model is item metadata
/// <c>MonitorGenModel</c>, else the profile's <c>modelName</c>.
/// </summary>
internal sealed class ProfileFile : SchemaFile
{
    /// <summary>The file name suffix that marks a reference profile.</summary>
    public const string Suffix = ".monitorprofile.json";

    private ProfileFile(AdditionalText file, string? modelOverride, ProfileReadResult result, SourceText? text)
        : base(file, FileName(file), modelOverride ?? result.Document?.ModelName)
    {
        Result = result;
        Text = text;
    }

    /// <summary>The parsed profile or the problem.</summary>
    public ProfileReadResult Result { get; }

    /// <summary>The text, for locating a problem; null when the compiler could not read the file.</summary>
    public SourceText? Text { get; }

    /// <inheritdoc/>
    public override string? Error => Result.Error;

    /// <summary>Reads the profiles among the additional files.</summary>
    public static ImmutableArray<SchemaFile> ReadAll(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<SchemaFile>.Builder files = ImmutableArray.CreateBuilder<SchemaFile>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (!file.Path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            SourceText? text = file.GetText(cancellationToken);
            ProfileReadResult result = text is null
                ? ProfileReadResult.Failure("the compiler could not read the file", -1)
                : ProfileReader.Read(text, cancellationToken);
            files.Add(new ProfileFile(file, AdditionalFileMetadata.Get(options, file, AdditionalFileMetadata.Model), result, text));
        }

        return files.ToImmutable();
    }

    /// <summary>Where a problem with the file itself is reported: the offending character, or the first line.</summary>
    public override Location ProblemLocation()
    {
        if (Text is null || Result.ErrorPosition < 0)
        {
            return AdditionalFileMetadata.Whole(File);
        }

        int position = Math.Min(Result.ErrorPosition, Text.Length);
        var span = new TextSpan(position, position < Text.Length ? 1 : 0);
        return Location.Create(File.Path, span, Text.Lines.GetLinePositionSpan(span));
    }
}
