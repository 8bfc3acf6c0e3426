using System;
using System.Collections.Generic;

namespace MonitorGen.Profiles;

/// <summary>Fits a <see cref="ReferenceProfile"/>, fed one row at a time, by a binding's reader through a <see cref="FitSink"/>.</summary>
internal sealed class ProfileBuilder
{
    private readonly MonitorSchema _schema;
    private readonly FitOptions _options;
    private readonly object?[] _fitters;
    private long _rows;

    /// <summary>Creates a builder for <paramref name="schema"/>.</summary>
    public ProfileBuilder(MonitorSchema schema, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        _options = options ?? FitOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.NumericBins, 2, nameof(FitOptions.NumericBins));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SampleSize, 1, nameof(FitOptions.SampleSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCategories, 1, nameof(FitOptions.MaxCategories));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.NullResamples, nameof(FitOptions.NullResamples));
        _fitters = new object?[schema.Features.Count];
        var numeric = new List<NumericFitter>();
        var categorical = new List<CategoricalFitter>();
        for (int i = 0; i < _fitters.Length; i++)
        {
            FeatureSchema feature = schema.Features[i];
            if (feature.Kind == FeatureKind.Numerical)
            {
                var fitter = new NumericFitter(feature, i);
                numeric.Add(fitter);
                _fitters[i] = fitter;
            }
            else
            {
                var fitter = new CategoricalFitter(feature, i);
                categorical.Add(fitter);
                _fitters[i] = fitter;
            }
        }

        Sink = new FitSink(numeric.ToArray(), categorical.ToArray());
    }

    /// <summary>Where a binding's reader writes a training row.</summary>
    public FitSink Sink { get; }

    /// <summary>The fitter of numerical feature <paramref name="index"/>.</summary>
    public NumericFitter Numeric(int index) =>
        _fitters[index] as NumericFitter ?? throw new ArgumentException($"Feature {index} is not numerical.", nameof(index));

    /// <summary>The fitter of categorical feature <paramref name="index"/>.</summary>
    public CategoricalFitter Categorical(int index) =>
        _fitters[index] as CategoricalFitter ?? throw new ArgumentException($"Feature {index} is not categorical.", nameof(index));

    /// <summary>Counts a fitted row.</summary>
    public void EndRow() => _rows++;

    /// <summary>Builds the profile.</summary>
    /// <exception cref="InvalidOperationException">No row was fitted.</exception>
    public ReferenceProfile Build()
    {
        if (_rows == 0)
        {
            throw new InvalidOperationException($"Cannot fit a profile of '{_schema.TypeName}' from zero rows.");
        }

        // Features fit independently (each null is seeded by the feature's position), so in parallel, and reproducibly.
        var built = new FeatureProfile[_fitters.Length];
        System.Threading.Tasks.Parallel.For(0, _fitters.Length, i =>
            built[i] = _fitters[i] is NumericFitter numeric ? numeric.Build(_options) : ((CategoricalFitter)_fitters[i]!).Build(_options));
        var features = new List<FeatureProfile>(built);

        return new ReferenceProfile
        {
            ModelName = _schema.ModelName,
            ModelVersion = _schema.ModelVersion,
            TypeName = _schema.TypeName,
            SchemaHash = _schema.SchemaHash,
            RowCount = _rows,
            CreatedUtc = DateTimeOffset.UtcNow,
            Features = features,
        };
    }
}
