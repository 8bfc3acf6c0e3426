using System;
using System.Collections.Generic;
using System.ComponentModel;
using MonitorGen.Profiles;

namespace MonitorGen;

/// <summary>Generator support: the runtime's side of an <see cref="IMonitorBinding"/> that is not a monitor.</summary>
/// <remarks>Not meant for user code: call the generated <c>{Type}.FitProfile(rows)</c>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MonitorBinding
{
    /// <summary>Fits the reference profile of <typeparamref name="TBinding"/>'s schema from training rows.</summary>
    /// <param name="rows">The training rows.</param>
    /// <param name="bind">Wraps a row that is not null in its binding.</param>
    /// <param name="options">How to fit, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="bind"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null.</exception>
    /// <exception cref="InvalidOperationException">There are no rows.</exception>
    public static ReferenceProfile Fit<TRow, TBinding>(IEnumerable<TRow> rows, Func<TRow, TBinding> bind, FitOptions? options = null)
        where TBinding : struct, IMonitorBinding
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(bind);
        var builder = new ProfileBuilder(TBinding.Schema, options);
        FitSink sink = builder.Sink;
        foreach (TRow row in rows)
        {
            if (row is null)
            {
                throw new ArgumentException("Training rows must not be null.", nameof(rows));
            }

            bind(row).Read(ref sink);
            builder.EndRow();
        }

        return builder.Build();
    }
}
