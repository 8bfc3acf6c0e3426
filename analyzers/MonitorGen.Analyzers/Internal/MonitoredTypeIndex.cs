using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers.Internal;

/// <summary>
/// The <c>[Monitor]</c> types of a compilation by schema type name and by model name: a profile or ONNX file names a
/// type or a model, and the rules need to know which other types share a model. Built once, and only when the
/// compilation has such files.
/// </summary>
internal sealed class MonitoredTypeIndex
{
    private readonly Dictionary<string, INamedTypeSymbol> _byTypeName;
    private readonly Dictionary<string, List<INamedTypeSymbol>> _byModel;

    private MonitoredTypeIndex(Dictionary<string, INamedTypeSymbol> byTypeName, Dictionary<string, List<INamedTypeSymbol>> byModel)
    {
        _byTypeName = byTypeName;
        _byModel = byModel;
    }

    /// <summary>Walks the source types of the compilation (iteratively, nested types included).</summary>
    public static MonitoredTypeIndex Build(Compilation compilation, MonitorGenSymbols symbols, CancellationToken cancellationToken)
    {
        var byTypeName = new Dictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
        var byModel = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamespaceOrTypeSymbol current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }

            if (IsSchemaCandidate(type) && symbols.FindMonitorAttribute(type) is { } monitor && ModelName(monitor) is { } model)
            {
                byTypeName[SchemaFeatureRules.TypeName(type)] = type;
                if (!byModel.TryGetValue(model, out List<INamedTypeSymbol>? types))
                {
                    byModel[model] = types = new List<INamedTypeSymbol>();
                }

                types.Add(type);
            }
        }

        return new MonitoredTypeIndex(byTypeName, byModel);
    }

    /// <summary>The model name of a <c>[Monitor]</c> attribute, or null when it did not bind to a usable name.</summary>
    public static string? ModelName(AttributeData monitor) =>
        AttributeArguments.TryGetConstructorArgument(monitor, out TypedConstant argument) && argument.Value is string name
        && TelemetryNameRules.IsInstrumentName(name) ? name : null;

    /// <summary>Whether a type can have a schema at all: the generator skips generic types and types nested in generic ones.</summary>
    public static bool IsSchemaCandidate(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether some <c>[Monitor]</c> type has this schema type name.</summary>
    public bool ContainsTypeName(string typeName) => _byTypeName.ContainsKey(typeName);

    /// <summary>The <c>[Monitor]</c> types of a model.</summary>
    public IReadOnlyList<INamedTypeSymbol> TypesOf(string model) =>
        _byModel.TryGetValue(model, out List<INamedTypeSymbol>? types) ? types : ImmutableArray<INamedTypeSymbol>.Empty;
}
