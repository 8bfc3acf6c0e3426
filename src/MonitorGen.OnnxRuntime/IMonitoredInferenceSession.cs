namespace MonitorGen.OnnxRuntime;

/// <summary>What a health check or a host needs to know of a monitored session, whatever its record types.</summary>
public interface IMonitoredInferenceSession
{
    /// <summary>The model file, as a full path.</summary>
    string ModelPath { get; }

    /// <summary>The model name used in tags and the activity name.</summary>
    string ModelName { get; }

    /// <summary>The model version used in tags, or null.</summary>
    string? ModelVersion { get; }

    /// <summary>Whether the model is loaded and the session accepts predictions (true from construction until disposal).</summary>
    bool IsLoaded { get; }
}
