using System.ComponentModel;

namespace MonitorGen;

/// <summary>
/// Generator support: how the runtime sees a row of a <see cref="MonitorAttribute"/> type, its schema and a reader that
/// hands the row's monitored members to a sink. Everything else (the row's lifecycle, the try/catch/finally, self-error
/// counting, data-quality flags, fitting) is the runtime's.
/// </summary>
/// <remarks>
/// <para>Not meant for user code: the generator implements <see cref="IMonitorBinding{TRow}"/> as the nested
/// <c>{Type}Monitor.Binding</c> struct, whose one field is the row.</para>
/// <para>The reader addresses each feature by its ordinal among the features of its kind (numerical or categorical) and
/// each KPI by its ordinal among the KPIs, in <see cref="Schema"/> order. The sinks keep numerical and categorical
/// features in separate arrays, so a reader cannot hand a value to a feature of the other kind: there is no cast to fail.</para>
/// <para>This interface does not name the row type on purpose: the runtime's code over a reference-type row is shared
/// (<c>__Canon</c>), and a call through an interface that names the row would be resolved at run time there, through a
/// generic-dictionary lookup that keeps the JIT from inlining the reader. Through this one, it is resolved when the code
/// is compiled for the binding, a struct.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMonitorBinding
{
    /// <summary>The monitored features and KPIs, as declared.</summary>
    static abstract MonitorSchema Schema { get; }

    /// <summary>Hands every monitored member of the row, which is not null, to <paramref name="sink"/>, once each.</summary>
    /// <param name="sink">Where the values go: the open window of a monitor, or a profile being fitted.</param>
    void Read<TSink>(ref TSink sink)
        where TSink : struct, IRowSink;
}
