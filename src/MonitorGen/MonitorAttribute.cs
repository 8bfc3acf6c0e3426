using System;

namespace MonitorGen;

/// <summary>
/// Marks a partial record or class that a model consumes or produces. The MonitorGen generator emits a
/// <c>{TypeName}Monitor</c> class for it: profile fitting, an allocation-free <c>Observe</c>, a drift check and a health check.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MonitorAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="modelName">The model's name; it becomes the <c>model</c> tag of every instrument.</param>
    public MonitorAttribute(string modelName) => ModelName = modelName;

    /// <summary>The model's name.</summary>
    public string ModelName { get; }

    /// <summary>The model's version; it becomes the <c>model.version</c> tag.</summary>
    public string? Version { get; set; }
}
