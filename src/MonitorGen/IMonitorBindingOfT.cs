using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace MonitorGen;

/// <summary>
/// Generator support: an <see cref="IMonitorBinding"/> of rows of type <typeparamref name="TRow"/>, and nothing else.
/// The runtime views each row as its binding: the binding is a struct whose one instance field is the row, so a row and
/// its binding have the same layout, and no row is copied or wrapped to be read.
/// </summary>
/// <typeparam name="TRow">The monitored type.</typeparam>
/// <remarks>
/// The type parameter is what ties a binding to its row: the runtime takes a binding only together with the row type it
/// declares here, so a monitor cannot pair one type's rows with another type's schema and reader. The layout is checked
/// once, when a monitor is built or a profile fitted, and a binding that breaks it is refused with a message.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Design", "CA1040:Avoid empty interfaces", Justification = "Its type parameter is the constraint: it ties a binding to its row type.")]
public interface IMonitorBinding<TRow> : IMonitorBinding;
