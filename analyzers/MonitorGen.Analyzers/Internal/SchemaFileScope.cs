using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers.Internal;

/// <summary>What one compilation's schema-file analysis shares across its symbol actions.</summary>
internal sealed class SchemaFileScope
{
    public SchemaFileScope(ImmutableArray<SchemaFile> files, MonitorGenSymbols symbols, DiagnosticSeverity severity, Lazy<MonitoredTypeIndex> index)
    {
        Files = files;
        Symbols = symbols;
        Severity = severity;
        Index = index;
    }

    /// <summary>The files, read once.</summary>
    public ImmutableArray<SchemaFile> Files { get; }

    public MonitorGenSymbols Symbols { get; }

    /// <summary>The severity to report with (strict mode applied).</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The compilation's <c>[Monitor]</c> types, built on first use.</summary>
    public Lazy<MonitoredTypeIndex> Index { get; }
}
