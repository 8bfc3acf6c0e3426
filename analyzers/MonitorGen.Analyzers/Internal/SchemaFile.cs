using System.IO;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers.Internal;

/// <summary>An additional file that MG0009 or MG0010 compares with the records: read once, parsed or reported.</summary>
internal abstract class SchemaFile
{
    protected SchemaFile(AdditionalText file, string name, string? model)
    {
        File = file;
        Name = name;
        Model = model;
    }

    /// <summary>The additional file.</summary>
    public AdditionalText File { get; }

    /// <summary>The file name shown in messages.</summary>
    public string Name { get; }

    /// <summary>The model the file belongs to, or null when it could not be read.</summary>
    public string? Model { get; }

    /// <summary>Why the file could not be read, or null.</summary>
    public abstract string? Error { get; }

    /// <summary>Where a problem with the file itself is reported.</summary>
    public virtual Location ProblemLocation() => AdditionalFileMetadata.Whole(File);

    /// <summary>The file name of a path.</summary>
    protected static string FileName(AdditionalText file) => Path.GetFileName(file.Path);
}
