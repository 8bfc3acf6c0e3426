using MonitorGen.Health;

namespace MonitorGen.AspNetCore;

/// <summary>Settings of one model, by its <c>[Monitor]</c> name (section <c>MonitorGen:Models:{model}</c>).</summary>
public sealed class MonitorGenModelOptions
{
    /// <summary>
    /// The prediction volume the model expects, or null (the default) to not judge volume. When set, the health check
    /// <c>{model}.volume</c> (in <c>/health/drift</c>) goes Degraded when a whole window is low; see <see cref="VolumeExpectation"/>.
    /// </summary>
    public VolumeExpectation? Volume { get; set; }
}
