using MonitorGen.Statistics;

namespace MonitorGen.Profiles;

/// <summary>Turns a declared <see cref="DriftMethod.Auto"/> into a concrete method at fit time.</summary>
/// <remarks>
/// The batch rules count distinct values over reference ∪ current. A profile is fitted before any current data exists,
/// so streaming resolves on the reference alone; docs/streaming.md states the difference.
/// </remarks>
internal static class MethodResolver
{
    public static DriftMethod Resolve(FeatureSchema schema, bool numerical, long referenceCount, long distinctCount) =>
        schema.Method != DriftMethod.Auto
            ? schema.Method
            : DefaultMethodSelector.Select(numerical, referenceCount, distinctCount);
}
