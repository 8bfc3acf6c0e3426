namespace MonitorGen.Generators.Model;

/// <summary>A type that encloses the monitored type; its partial declaration is re-opened around the output.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type name.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
