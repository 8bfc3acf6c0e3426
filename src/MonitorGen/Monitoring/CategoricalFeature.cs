using System;
using System.Collections.Frozen;
using System.Collections.Generic;
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
    private CategoricalWindow _closed;

    internal CategoricalFeature(int index, FeatureSchema schema, FeatureProfile profile, MonitorOptions options, MonitorInstruments instruments,
        ILogger logger, string modelName, ShardRegistry shards)
        : base(index, schema, profile, instruments, logger, modelName, shards)
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

        _closed = CreateWindow();
        if (options.Window.SubWindows > 1)
        {
            _ring = new WindowRing<CategoricalWindow>(options.Window.SubWindows);
            _view = new CategoricalWindow(profile.Categories.Length);
        }
    }

    /// <summary>
    /// The open window, merged across the threads that observe into it: a copy for diagnostics and tests, exact only
    /// while no thread is observing.
    /// </summary>
    public CategoricalWindow Current
    {
        get
        {
            CategoricalWindow snapshot = CreateWindow();
            foreach (ObservationShard shard in Shards.Shards)
            {
                snapshot.Merge(shard.Current.Categorical[Index]!);
            }

            return snapshot;
        }
    }

    /// <summary>Observes a compile-time category code; a code outside the declared categories is an undefined value.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    /// <param name="code">The code.</param>
    public DataQualityIssues Observe(WindowShard shard, int code)
    {
        int slot = (uint)code < (uint)_slotOfCode.Length ? _slotOfCode[code] : _otherSlot;
        return Count(shard.Categorical[Index]!, slot);
    }

    /// <summary>Observes a string category; null counts as missing.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    /// <param name="value">The category.</param>
    public DataQualityIssues Observe(WindowShard shard, string? value)
    {
        if (value is null)
        {
            return ObserveMissing(shard);
        }

        return Count(shard.Categorical[Index]!, _slotOfName.TryGetValue(value, out int slot) ? slot : _otherSlot);
    }

    /// <summary>Observes a null value.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    public DataQualityIssues ObserveMissing(WindowShard shard) => Report(DataQualityIssues.Missing, shard.Categorical[Index]!.Quality);

    internal CategoricalWindow CreateWindow() => new(Profile.Categories.Length);

    // As NumericFeature.CloseWindow: the merge of the threads' closed windows, or for a sliding window the merge of the ring.
    internal CategoricalWindow CloseWindow(WindowShard[] closedShards)
    {
        CategoricalWindow closed = _closed;
        foreach (WindowShard shard in closedShards)
        {
            closed.Merge(shard.Categorical[Index]!);
        }

        if (_ring is null)
        {
            return closed;
        }

        CategoricalWindow? evicted = _ring.Push(closed);
        evicted?.Reset();
        _closed = evicted ?? CreateWindow();
        _ring.MergeInto(_view!);
        return _view!;
    }

    internal void Recycle(CategoricalWindow tested)
    {
        if (_ring is null)
        {
            tested.Reset();
            _closed = tested;
        }
    }

    private DataQualityIssues Count(CategoricalWindow window, int slot)
    {
        window.Counts.Increment(slot);
        return slot == _otherSlot ? Report(DataQualityIssues.UnseenCategory, window.Quality) : DataQualityIssues.None;
    }
}
