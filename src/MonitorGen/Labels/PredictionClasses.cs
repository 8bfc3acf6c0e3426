using System;
using System.Collections.Generic;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// The classes a classifier can predict, each with a code: the declared ones of an enum or a bool in declaration order,
/// or, for a string prediction, each new value as it is first predicted, up to <see cref="MaxOpenClasses"/>.
/// </summary>
/// <remarks>
/// A string class beyond the cap is not stored as a pending prediction (its id is never handed out), so a confusion
/// matrix never grows past the cap. Looking a known string up does not allocate; registering a new one takes a lock.
/// </remarks>
internal sealed class PredictionClasses
{
    /// <summary>The most distinct string classes a monitor tracks.</summary>
    public const int MaxOpenClasses = 64;

    private readonly Lock _lock = new();
    private readonly bool _open;
    private string[] _names;
    private Dictionary<string, int> _codes;

    private PredictionClasses(IReadOnlyList<string> declared, bool open)
    {
        _open = open;
        _names = [.. declared];
        _codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            _codes[_names[i]] = i;
        }
    }

    /// <summary>The classes of an enum or a bool prediction.</summary>
    public static PredictionClasses Declared(IReadOnlyList<string> names) => new(names, open: false);

    /// <summary>The classes of a string prediction, learned as they are predicted.</summary>
    public static PredictionClasses Open() => new([], open: true);

    /// <summary>How many classes a confusion matrix needs room for.</summary>
    public int Capacity => _open ? MaxOpenClasses : _names.Length;

    /// <summary>The classes known so far, in code order.</summary>
    public IReadOnlyList<string> Names => Volatile.Read(ref _names);

    /// <summary>Whether <paramref name="code"/> is a class.</summary>
    public bool IsClass(int code) => (uint)code < (uint)Volatile.Read(ref _names).Length;

    /// <summary>The code of a predicted string class, registering it if there is room; -1 for null or beyond the cap.</summary>
    public int CodeOfPredicted(string? name)
    {
        if (name is null)
        {
            return -1;
        }

        if (Volatile.Read(ref _codes).TryGetValue(name, out int code))
        {
            return code;
        }

        if (!_open)
        {
            return -1;
        }

        lock (_lock)
        {
            if (_codes.TryGetValue(name, out code))
            {
                return code;
            }

            if (_names.Length == MaxOpenClasses)
            {
                return -1;
            }

            // Copy on write: readers see the old or the new table, never one being changed.
            var codes = new Dictionary<string, int>(_codes, StringComparer.Ordinal) { [name] = _names.Length };
            Volatile.Write(ref _names, [.. _names, name]);
            Volatile.Write(ref _codes, codes);
            return _names.Length - 1;
        }
    }

    /// <summary>The code of a label's class: only a class that was declared or predicted can be compared; -1 otherwise.</summary>
    /// <remarks>A declared class also matches without regard to case, when that is unambiguous, since JSON clients
    /// often write enum names in camel case.</remarks>
    public int CodeOfLabel(string? name)
    {
        if (name is null)
        {
            return -1;
        }

        Dictionary<string, int> codes = Volatile.Read(ref _codes);
        if (codes.TryGetValue(name, out int code))
        {
            return code;
        }

        if (_open)
        {
            return -1;
        }

        int found = -1;
        string[] names = Volatile.Read(ref _names);
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }
}
