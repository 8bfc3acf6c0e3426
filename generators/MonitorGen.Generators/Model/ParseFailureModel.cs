namespace MonitorGen.Generators.Model;

/// <summary>A <c>[Monitor]</c> type the parser failed on: reported as MG0013 instead of a monitor that is silently missing.</summary>
/// <param name="TypeName">The type's name as written.</param>
/// <param name="Reason">The exception's type and message.</param>
/// <param name="Location">The type's identifier.</param>
internal sealed record ParseFailureModel(string TypeName, string Reason, LocationModel? Location);
