using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using MonitorGen.Profiles;

namespace MonitorGen;

/// <summary>
/// The reference profile of a monitored type, fitted on training rows: versioned JSON that ships next to the model.
/// </summary>
public sealed class ReferenceProfile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The format version of this document.</summary>
    public int FormatVersion { get; set; } = CurrentFormatVersion;

    /// <summary>The model name.</summary>
    public string ModelName { get; set; } = "";

    /// <summary>The model version.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>The full name of the monitored type.</summary>
    public string TypeName { get; set; } = "";

    /// <summary>The schema hash of the monitored type when the profile was fitted.</summary>
    public string SchemaHash { get; set; } = "";

    /// <summary>The number of rows fitted.</summary>
    public long RowCount { get; set; }

    /// <summary>When the profile was fitted.</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The features, in declaration order.</summary>
    public List<FeatureProfile> Features { get; set; } = new();

    /// <summary>
    /// The model's performance on labelled held-out rows, when the profile was fitted with them: the accuracy of a
    /// classifier, the mean absolute error of a regressor. Realized performance is judged against it
    /// (<see cref="MonitorOptions.PerformanceMargin"/>); null when none was fitted. Not written when null, so a profile
    /// without it reads as it always did.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ReferencePerformance { get; set; }

    /// <summary>How many labelled rows <see cref="ReferencePerformance"/> was measured on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long ReferencePerformanceLabels { get; set; }

    /// <summary>Where the profile was loaded from, for error messages; not serialized.</summary>
    [JsonIgnore]
    public string Source { get; set; } = "<memory>";

    /// <summary>Writes the profile as indented JSON.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, this, MonitorGenJsonContext.Default.ReferenceProfile);
    }

    /// <summary>Writes the profile to a file.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Reads and validates a profile.</summary>
    /// <param name="stream">The JSON, at most 64 MiB long (the load limits are listed in docs/streaming.md).</param>
    /// <param name="source">A name for the stream in error messages, such as its file name.</param>
    /// <exception cref="ProfileException">The document is larger than the limit, or is not a valid profile of this format
    /// version: every problem names the source, and the feature where there is one.</exception>
    public static ReferenceProfile Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] document = ReadBounded(stream, source);
        ReferenceProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize(document, MonitorGenJsonContext.Default.ReferenceProfile);
        }
        catch (JsonException ex)
        {
            throw new ProfileException(source, $"not valid profile JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (profile is null)
        {
            throw new ProfileException(source, "the document is null");
        }

        profile.Source = source;
        ProfileValidator.Validate(profile);
        return profile;
    }

    // The whole document, refused before it grows past the limit: a hostile file cannot make the load allocate more.
    private static byte[] ReadBounded(Stream stream, string source)
    {
        if (stream.CanSeek && stream.Length - stream.Position > ProfileLimits.MaxBytes)
        {
            throw new ProfileException(source, $"the document is {stream.Length - stream.Position} bytes, more than the limit of {ProfileLimits.MaxBytes}");
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > ProfileLimits.MaxBytes)
            {
                throw new ProfileException(source, $"the document is more than the limit of {ProfileLimits.MaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads and validates a profile file.</summary>
    /// <exception cref="ProfileException">The file is missing or is not a valid profile.</exception>
    public static ReferenceProfile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProfileException(path, ex.Message, ex);
        }

        using (stream)
        {
            return Load(stream, path);
        }
    }
}
