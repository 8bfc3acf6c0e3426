using System.ComponentModel;

namespace MonitorGen;

/// <summary>
/// Generator support: one row of a <see cref="MonitorAttribute"/> type as the runtime sees it, its schema and a reader
/// that hands the row's monitored members to a sink. Everything else (the row's lifecycle, the try/catch/finally,
/// self-error counting, data-quality flags, fitting) is the runtime's.
/// </summary>
/// <remarks>
/// <para>Not meant for user code: the generator implements it as the nested <c>{Type}Monitor.Binding</c> struct, which
/// wraps a row.</para>
/// <para>The reader addresses each feature by its ordinal among the features of its kind (numerical or categorical) and
/// each KPI by its ordinal among the KPIs, in <see cref="Schema"/> order. The sinks keep numerical and categorical
/// features in separate arrays, so a reader cannot hand a value to a feature of the other kind: there is no cast to fail.
/// The schema and the reader are one type, so a monitor cannot pair one type's schema with another's reader.</para>
/// <para>A binding is a struct, and the runtime's generic code takes it as its only type parameter: that code is then
/// compiled for each binding, with the reader called directly (and inlined where the JIT sees fit), not through the
/// lookup that code shared over a reference-type row would need.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMonitorBinding
{
    /// <summary>The monitored features and KPIs, as declared.</summary>
    static abstract MonitorSchema Schema { get; }

    /// <summary>Whether the wrapped row is null (never, for a value type).</summary>
    bool IsNull { get; }

    /// <summary>Hands every monitored member of the wrapped row, which is not null, to <paramref name="sink"/>, once each.</summary>
    /// <param name="sink">Where the values go: the open window of a monitor, or a profile being fitted.</param>
    void Read<TSink>(ref TSink sink)
        where TSink : struct, IRowSink;
}
