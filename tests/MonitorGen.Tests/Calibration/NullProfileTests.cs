using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitorGen.Calibration;
using MonitorGen.Profiles;
using MonitorGen.Statistics;
using MonitorGen.Tests.Profiles;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Calibration;

/// <summary>The null a profile stores: refused when hostile, reproducible, and interpolated between rungs within a stated error.</summary>
public sealed class NullProfileTests
{
    private static readonly ReferenceProfile Fitted = WeatherDay.FitProfile(SeattleWeather.All);

    private static string Json() => JsonSerializer.Serialize(Fitted, MonitorGenJsonContext.Default.ReferenceProfile);

    [Theory]
    [InlineData("resamples", "0", "has no resamples")]
    [InlineData("sizes", "swap", "window sizes that are not positive and strictly increasing")]
    [InlineData("sizes", "[]", "window sizes (between 1 and 256)")]
    [InlineData("values", "[[0.1, 0.05]]", "not one rung of values and tail probabilities per window size")]
    [InlineData("tailProbabilities", null, "lacks sizes, values or tailProbabilities")]
    public void A_hostile_null_is_refused_at_load_naming_the_feature(string property, string? value, string problem)
    {
        JsonObject root = JsonNode.Parse(Json())!.AsObject();
        JsonObject feature = root["features"]!.AsArray().First(f => f!["null"] is not null)!.AsObject();
        if (value == "swap")
        {
            JsonArray sizes = feature["null"]![property]!.AsArray();
            (sizes[0], sizes[1]) = (JsonValue.Create((int)sizes[1]!), JsonValue.Create((int)sizes[0]!));
        }
        else
        {
            feature["null"]![property] = value is null ? null : JsonNode.Parse(value);
        }

        var error = Assert.Throws<ProfileException>(() => ProfileHardeningTests.Load(root.ToJsonString()));

        Assert.Contains($"the null distribution of feature '{(string)feature["name"]!}'", error.Problem, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("values", 1, "0.5", "values that are not finite and strictly increasing")]
    [InlineData("tailProbabilities", 0, "0.9", "first tail probability is not 1")]
    [InlineData("tailProbabilities", 3, "2", "tail probabilities that are not in (0, 1] and strictly decreasing")]
    public void A_rung_out_of_order_is_refused(string property, int index, string value, string problem)
    {
        JsonObject root = JsonNode.Parse(Json())!.AsObject();
        JsonObject feature = root["features"]!.AsArray().First(f => f!["null"] is not null)!.AsObject();
        JsonArray rung = feature["null"]![property]!.AsArray()[0]!.AsArray();
        if (property == "values")
        {
            rung[index] = JsonValue.Create(-(double)rung[0]! - 1);
        }
        else
        {
            rung[index] = JsonNode.Parse(value);
        }

        var error = Assert.Throws<ProfileException>(() => ProfileHardeningTests.Load(root.ToJsonString()));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fit_is_reproducible_null_included()
    {
        string again = JsonSerializer.Serialize(WeatherDay.FitProfile(SeattleWeather.All), MonitorGenJsonContext.Default.ReferenceProfile);
        Assert.Equal(Strip(Json()), Strip(again));

        static string Strip(string json)
        {
            JsonObject root = JsonNode.Parse(json)!.AsObject();
            root.Remove("createdUtc");
            return root.ToJsonString();
        }
    }

    [Fact]
    public void A_profile_without_a_null_falls_back_to_the_fixed_threshold_and_says_so()
    {
        ReferenceProfile bare = WeatherDay.FitProfile(SeattleWeather.All, new FitOptions { NullResamples = 0 });
        using var monitor = WeatherDay.CreateMonitor(bare);
        foreach (WeatherDay day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        FeatureDriftResult[] needing = monitor.CheckDrift().Features
            .Where(f => f.Tested && DriftMethodCatalog.TryParseId(f.Method, out DriftMethod m) && DriftCalibration.NeedsResampledNull(m)).ToArray();
        Assert.NotEmpty(needing);
        Assert.All(needing, f => Assert.Equal(ThresholdMode.Fixed, f.ThresholdMode));

        // Those without a declared threshold (which is fixed anyway) say why they fell back.
        Assert.Contains(needing, f => f.Note?.Contains("no null distribution", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// Between rungs the threshold is interpolated; against a rung drawn at the very size (same draws count), the 95 %
    /// threshold is within 6 % for windows between the rungs. Both sides carry Monte Carlo error, so the bound holds it too.
    /// </summary>
    [Theory]
    [InlineData(DriftMethod.Psi, 35)]
    [InlineData(DriftMethod.Psi, 60)]
    [InlineData(DriftMethod.Psi, 120)]
    [InlineData(DriftMethod.Psi, 600)]
    [InlineData(DriftMethod.Psi, 8500)]
    [InlineData(DriftMethod.JensenShannon, 25)]
    [InlineData(DriftMethod.JensenShannon, 170)]
    [InlineData(DriftMethod.ChiSquare, 60)]
    [InlineData(DriftMethod.Wasserstein, 60)]
    [InlineData(DriftMethod.Wasserstein, 250)]
    [InlineData(DriftMethod.Wasserstein, 1700)]
    public void The_threshold_between_rungs_is_within_6_percent_of_one_drawn_at_that_size(DriftMethod method, int size)
    {
        var random = new Random(31);
        double[] reference = Enumerable.Range(0, 3000).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
        NullDistribution ladder = FitNull(method, reference, null);
        NullDistribution direct = FitNull(method, reference, [size]);

        double interpolated = ladder.Threshold(size, 0.05);
        double drawn = direct.Threshold(size, 0.05);

        Assert.InRange(interpolated / drawn, 0.94, 1.06);
    }

    private static NullDistribution FitNull(DriftMethod method, double[] values, int[]? sizes)
    {
        MonitorSchema schema = SimulationMonitor.SchemaOf(
            FeatureSchema.Numerical("x", true, method, double.NaN, double.NegativeInfinity, double.PositiveInfinity));
        var builder = new ProfileBuilder(schema, new FitOptions { NullSizes = sizes });
        foreach (double v in values)
        {
            builder.Numeric(0).Add(v);
            builder.EndRow();
        }

        return builder.Build().Features[0].Null!;
    }
}
