using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;
using MonitorGen.Sketches;
using MonitorGen.Windows;

namespace MonitorGen;

/// <summary>The hot-path state of one categorical feature: a count per reference category in the current window.</summary>
/// <remarks>
/// Enum and bool values arrive as compile-time codes, mapped to reference slots once at construction; strings are
/// looked up in a frozen dictionary. Categories beyond the fit's cap share the last slot with unseen ones.
/// </remarks>
public sealed class CategoricalFeature : FeatureMonitor
{
    private readonly int[] _slotOfCode;
    private readonly FrozenDictionary<string, int> _slotOfName;
    private readonly int _otherSlot;
    private readonly WindowRing<CategoricalWindow>? _ring;
    private readonly CategoricalWindow? _view;
    private CategoricalWindow _current;
    private CategoricalWindow _spare;

    internal CategoricalFeature(FeatureSchema schema, FeatureProfile profile, MonitorOptions options, MonitorInstruments instruments, ILogger logger, string modelName)
        : base(schema, profile, instruments, logger, modelName)
    {
        _otherSlot = profile.Categories.Length;
        var slots = new Dictionary<string, int>(profile.Categories.Length, StringComparer.Ordinal);
        for (int i = 0; i < profile.Categories.Length; i++)
        {
            slots[profile.Categories[i]] = i;
        }

        _slotOfName = slots.ToFrozenDictionary(StringComparer.Ordinal);
        _slotOfCode = new int[schema.DeclaredCategories.Count];
        for (int code = 0; code < _slotOfCode.Length; code++)
        {
            _slotOfCode[code] = _slotOfName.TryGetValue(schema.DeclaredCategories[code], out int slot) ? slot : _otherSlot;
        }

        _current = new CategoricalWindow(profile.Categories.Length);
        _spare = new CategoricalWindow(profile.Categories.Length);
        if (options.Window.SubWindows > 1)
        {
            _ring = new WindowRing<CategoricalWindow>(options.Window.SubWindows);
            _view = new CategoricalWindow(profile.Categories.Length);
        }
    }

    /// <summary>The window being filled.</summary>
    public CategoricalWindow Current => Volatile.Read(ref _current);

    /// <summary>Observes a compile-time category code; a code outside the declared categories is an undefined value.</summary>
    public DataQualityIssues Observe(int code)
    {
        int slot = (uint)code < (uint)_slotOfCode.Length ? _slotOfCode[code] : _otherSlot;
        return Count(slot);
    }

    /// <summary>Observes a string category; null counts as missing.</summary>
    public DataQualityIssues Observe(string? value)
    {
        if (value is null)
        {
            return ObserveMissing();
        }

        return Count(_slotOfName.TryGetValue(value, out int slot) ? slot : _otherSlot);
    }

    /// <summary>Observes a null value.</summary>
    public DataQualityIssues ObserveMissing() => Report(DataQualityIssues.Missing, Volatile.Read(ref _current).Quality);

    // As NumericFeature.CloseWindow: the closed window, or for a sliding window the merge of the ring.
    internal CategoricalWindow CloseWindow()
    {
        CategoricalWindow closed = Interlocked.Exchange(ref _current, _spare);
        if (_ring is null)
        {
            return closed;
        }

        CategoricalWindow? evicted = _ring.Push(closed);
        evicted?.Reset();
        _spare = evicted ?? new CategoricalWindow(Profile.Categories.Length);
        _ring.MergeInto(_view!);
        return _view!;
    }

    internal void Recycle(CategoricalWindow tested)
    {
        if (_ring is null)
        {
            tested.Reset();
            _spare = tested;
        }
    }

    private DataQualityIssues Count(int slot)
    {
        CategoricalWindow window = Volatile.Read(ref _current);
        window.Counts.Increment(slot);
        return slot == _otherSlot ? Report(DataQualityIssues.UnseenCategory, window.Quality) : DataQualityIssues.None;
    }
}
