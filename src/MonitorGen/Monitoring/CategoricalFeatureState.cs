using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MonitorGen.Reports;
using MonitorGen.Sketches;
using MonitorGen.State;
using MonitorGen.Windows;

namespace MonitorGen.Monitoring;

/// <summary>The hot-path state of one categorical feature: a count per reference category in the current window.</summary>
/// <remarks>
/// Enum and bool values arrive as compile-time codes, mapped to reference slots once at construction; strings are
/// looked up in a frozen dictionary, and numbers marked <see cref="DriftTestAttribute.Categorical"/> in a frozen dictionary
/// keyed by the value, built from the profile's category names, so that no value is formatted per row. Categories beyond
/// the fit's cap share the last slot ("other") with unseen ones, but only a value that the profile's
/// <see cref="FeatureProfile.OtherSeen"/> filter says training never saw is a data-quality event.
/// </remarks>
internal sealed class CategoricalFeatureState : FeatureState
{
    private readonly int[] _slotOfCode;
    private readonly bool[] _codeSeenInTraining;
    private readonly SeenCategoryFilter? _otherSeen;
    private readonly FrozenDictionary<string, int> _slotOfName;
    private readonly FrozenDictionary<double, int> _slotOfNumber;
    private readonly double _min;
    private readonly double _max;
    private readonly int _otherSlot;
    private readonly TimeSpan _drainTimeout;
    private readonly FeatureWindows<CategoricalWindow> _windows;

    internal CategoricalFeatureState(int index, FeatureSchema schema, FeatureProfile profile, MonitorOptions options, MonitorInstruments instruments,
        ILogger logger, string modelName, ShardPool shards)
        : base(index, schema, profile, instruments, logger, modelName, shards)
    {
        _otherSlot = profile.Categories.Length;
        _drainTimeout = options.DrainTimeout;
        var slots = new Dictionary<string, int>(profile.Categories.Length, StringComparer.Ordinal);
        for (int i = 0; i < profile.Categories.Length; i++)
        {
            slots[profile.Categories[i]] = i;
        }

        _slotOfName = slots.ToFrozenDictionary(StringComparer.Ordinal);
        // ProfileValidator has parsed the filter once already.
        _otherSeen = profile.OtherSeen is { } filter && SeenCategoryFilter.TryParse(filter, out SeenCategoryFilter? parsed) ? parsed : null;
        _slotOfCode = new int[schema.DeclaredCategories.Count];
        _codeSeenInTraining = new bool[_slotOfCode.Length];
        for (int code = 0; code < _slotOfCode.Length; code++)
        {
            string name = schema.DeclaredCategories[code];
            bool kept = _slotOfName.TryGetValue(name, out int slot);
            _slotOfCode[code] = kept ? slot : _otherSlot;
            _codeSeenInTraining[code] = kept || _otherSeen?.MightContain(name) == true;
        }

        var numbers = new Dictionary<double, int>();
        if (schema.NumericCategories)
        {
            for (int i = 0; i < profile.Categories.Length; i++)
            {
                // ProfileMatcher has checked that every name parses to a distinct finite number; the "R" form round-trips.
                numbers[double.Parse(profile.Categories[i], NumberStyles.Float, CultureInfo.InvariantCulture)] = i;
            }
        }

        _slotOfNumber = numbers.ToFrozenDictionary();
        _min = schema.ExpectMin;
        _max = schema.ExpectMax;
        BinTotals = new BinTotals(BinTotals.Categories(profile.Categories));
        _windows = new FeatureWindows<CategoricalWindow>(options.Window.SubWindows, _ => CreateWindow(), shard => shard.Categorical[index]!, closed => BinTotals.Add(closed.Counts));
    }

    /// <summary>
    /// The open window, merged across the pool's slots, each read while no row writes into it: a copy for diagnostics
    /// and tests.
    /// </summary>
    public CategoricalWindow Current => _windows.Snapshot(Shards, _drainTimeout);

    /// <summary>Observes a compile-time category code; a code outside the declared categories is an undefined value.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    /// <param name="code">The code.</param>
    public DataQualityIssues Observe(WindowShard shard, int code)
    {
        bool declared = (uint)code < (uint)_slotOfCode.Length;
        return Count(shard.Categorical[Index]!, declared ? _slotOfCode[code] : _otherSlot, declared && _codeSeenInTraining[code]);
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

        return _slotOfName.TryGetValue(value, out int slot)
            ? Count(shard.Categorical[Index]!, slot, seenInTraining: true)
            : Count(shard.Categorical[Index]!, _otherSlot, _otherSeen?.MightContain(value) == true);
    }

    /// <summary>
    /// Observes the value of a number marked <see cref="DriftTestAttribute.Categorical"/>: NaN and infinities are non-finite
    /// and not counted, a value outside the reference categories is unseen, one outside the <see cref="ExpectAttribute"/>
    /// range is also out of range.
    /// </summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    /// <param name="value">The value.</param>
    public DataQualityIssues ObserveNumber(WindowShard shard, double value)
    {
        CategoricalWindow window = shard.Categorical[Index]!;
        if (!double.IsFinite(value))
        {
            return Report(DataQualityIssues.NonFinite, window.Quality);
        }

        DataQualityIssues issues = _slotOfNumber.TryGetValue(value, out int slot)
            ? Count(window, slot, seenInTraining: true)
            : Count(window, _otherSlot, _otherSeen?.MightContain(value) == true);
        return value >= _min && value <= _max ? issues : issues | Report(DataQualityIssues.OutOfRange, window.Quality);
    }

    /// <summary>Observes a null value.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    public override DataQualityIssues ObserveMissing(WindowShard shard) => Report(DataQualityIssues.Missing, shard.Categorical[Index]!.Quality);

    internal CategoricalWindow CreateWindow() => new(Profile.Categories.Length);

    internal override FeatureWindowState CaptureState(WindowShard[] drainedShards) => _windows.Capture(Name, drainedShards, Save);

    internal override void RestoreState(FeatureWindowState state) => _windows.Restore(state, Load);

    private static WindowState Save(CategoricalWindow window)
    {
        WindowState state = QualityState(window.Quality);
        state.Counts = window.Counts.ToArray();
        return state;
    }

    private CategoricalWindow Load(WindowState state)
    {
        CategoricalWindow window = CreateWindow();
        window.Counts.Restore(state.Counts);
        RestoreQuality(window.Quality, state);
        return window;
    }

    internal override FeatureDriftResult CloseAndEvaluate(WindowShard[] closedShards, MonitorOptions options)
    {
        CategoricalWindow window = _windows.Close(closedShards);
        try
        {
            return DriftEvaluator.Evaluate(this, window, options);
        }
        finally
        {
            _windows.Recycle(window);
        }
    }

    // A value in "other" is unseen unless training saw it beyond the cap; either way it counts in the other slot.
    private DataQualityIssues Count(CategoricalWindow window, int slot, bool seenInTraining)
    {
        window.Counts.Increment(slot);
        return seenInTraining ? DataQualityIssues.None : Report(DataQualityIssues.UnseenCategory, window.Quality);
    }
}
