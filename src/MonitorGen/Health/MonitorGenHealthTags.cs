namespace MonitorGen.Health;

/// <summary>
/// Health check tags that the MonitorGen endpoints select on: <c>/health/live</c> runs the <see cref="Live"/> checks,
/// <c>/health/ready</c> the <see cref="Ready"/> checks, and the per-model drift health the <see cref="Drift"/> checks.
/// </summary>
public static class MonitorGenHealthTags
{
    /// <summary>The process is up and serving; a failing live check means "restart me".</summary>
    public const string Live = "live";

    /// <summary>A dependency needed to serve predictions is loaded (the reference profile, the model file).</summary>
    public const string Ready = "ready";

    /// <summary>A model's drift and data-quality health, from its latest drift check.</summary>
    public const string Drift = "monitorgen";

    /// <summary>The tag that marks a model's drift checks, so that one model's health can be asked for by its name.</summary>
    /// <param name="model">The model name of <c>[Monitor("name")]</c>.</param>
    public static string ForModel(string model) => "model:" + model;
}
