using System;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Generators.Parsing;

/// <summary>
/// The compilation a parse step runs on, held weakly. The step's input pairs each declaration with the compilation but is
/// compared without it (<see cref="AttributedTypeProvider"/>), so the driver keeps an old pair for every declaration whose
/// parse it reuses; a strong reference there would keep each of those old compilations alive.
/// </summary>
internal sealed class CompilationHandle
{
    private readonly WeakReference<Compilation> _compilation;

    public CompilationHandle(Compilation compilation) => _compilation = new WeakReference<Compilation>(compilation);

    /// <summary>
    /// The compilation. A step only runs on a pair the driver built in this run, whose compilation the driver holds, so it
    /// is alive whenever it is asked for.
    /// </summary>
    public Compilation Compilation => _compilation.TryGetTarget(out Compilation? compilation)
        ? compilation
        : throw new InvalidOperationException("The compilation of a reused pipeline input was asked for after it was collected.");
}
