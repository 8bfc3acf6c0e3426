using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Generators.Model;

/// <summary>Where a diagnostic points, as values (a <see cref="Location"/> holds its syntax tree, which the pipeline must not keep).</summary>
/// <param name="FilePath">The source file.</param>
/// <param name="Span">The span in the file's text.</param>
/// <param name="LineSpan">The same span as lines and columns.</param>
internal sealed record LocationModel(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The values of <paramref name="location"/>, or null outside source.</summary>
    public static LocationModel? Of(Location location) =>
        location.SourceTree is { } tree ? new LocationModel(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    /// <summary>The location again, for reporting.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
