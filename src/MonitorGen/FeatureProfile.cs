using System;

namespace MonitorGen;

/// <summary>The reference summary of one feature: what the current window is compared with.</summary>
public sealed class FeatureProfile
{
    /// <summary>The member name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Numerical or categorical.</summary>
    public FeatureKind Kind { get; set; }

    /// <summary>The method chosen at fit time: the declared one, or the default rules' choice for <see cref="DriftMethod.Auto"/>.</summary>
    public DriftMethod Method { get; set; }

    /// <summary>Non-missing, valid values seen.</summary>
    public long Count { get; set; }

    /// <summary>Null values seen.</summary>
    public long Missing { get; set; }

    /// <summary>NaN, infinite or undefined-enum values seen; they are not part of the reference distribution.</summary>
    public long Invalid { get; set; }

    /// <summary>Distinct valid values seen (for strings, before the category cap).</summary>
    public long DistinctCount { get; set; }

    /// <summary>Numerical: the interior cut points of the reference bins, strictly increasing.</summary>
    public double[] Cuts { get; set; } = Array.Empty<double>();

    /// <summary>Numerical: the reference count of each bin; one more than <see cref="Cuts"/>.</summary>
    public long[] BinCounts { get; set; } = Array.Empty<long>();

    /// <summary>Numerical: a uniform sample of the reference values, for the rank and distance tests.</summary>
    public double[] Sample { get; set; } = Array.Empty<double>();

    /// <summary>Numerical: the mean.</summary>
    public double Mean { get; set; }

    /// <summary>Numerical: the population standard deviation (ddof = 0).</summary>
    public double StandardDeviation { get; set; }

    /// <summary>Numerical: the smallest value.</summary>
    public double Min { get; set; }

    /// <summary>Numerical: the largest value.</summary>
    public double Max { get; set; }

    /// <summary>Categorical: the most frequent categories, at most the fit's category cap.</summary>
    public string[] Categories { get; set; } = Array.Empty<string>();

    /// <summary>Categorical: the count of each of <see cref="Categories"/>.</summary>
    public long[] CategoryCounts { get; set; } = Array.Empty<long>();

    /// <summary>Categorical: the values of the categories beyond the cap ("other").</summary>
    public long OtherCount { get; set; }

    /// <summary>
    /// Categorical: a Bloom filter (base64) of the categories beyond the cap, so that a value seen in training but not kept
    /// falls into "other" without being counted as unseen. Null when every category was kept, or in a profile fitted
    /// before the filter existed: then every value outside <see cref="Categories"/> counts as unseen.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? OtherSeen { get; set; }

    /// <summary>
    /// The statistic of <see cref="Method"/> under no drift at a ladder of window sizes, drawn at fit time from this profile;
    /// null for the methods that need none (their p-values are valid), or in a profile fitted without one.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public NullDistribution? Null { get; set; }
}
