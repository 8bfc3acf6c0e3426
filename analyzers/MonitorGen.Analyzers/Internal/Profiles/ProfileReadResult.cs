namespace MonitorGen.Analyzers.Internal.Profiles;

/// <summary>A parsed profile, or why the file is not one (with the character offset of the problem, or -1).</summary>
internal sealed class ProfileReadResult
{
    private ProfileReadResult(ProfileDocument? document, string? error, int errorPosition)
    {
        Document = document;
        Error = error;
        ErrorPosition = errorPosition;
    }

    /// <summary>The profile, when the file is a valid one.</summary>
    public ProfileDocument? Document { get; }

    /// <summary>What is wrong with the file, in English (it is a message argument), when it is not a valid profile.</summary>
    public string? Error { get; }

    /// <summary>The offset in the file where the problem was found, or -1 for the file as a whole.</summary>
    public int ErrorPosition { get; }

    public static ProfileReadResult Success(ProfileDocument document) => new(document, null, -1);

    public static ProfileReadResult Failure(string error, int position) => new(null, error, position);
}
