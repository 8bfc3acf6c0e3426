using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Profiles;

/// <summary>
/// A profile is a file from outside the process: whatever it says, it loads or is refused with a <see cref="ProfileException"/>
/// naming the file, the feature and the problem, and a profile that loaded never crashes a drift check.
/// </summary>
public sealed class ProfileHardeningTests
{
    private static readonly string ValidJson = Json(WeatherDay.FitProfile(SeattleWeather.All));

    [Theory]
    [InlineData("TempMin", "mean", "NaN", "has a mean, min or max that is not finite")]
    [InlineData("TempMin", "min", "-Infinity", "has a mean, min or max that is not finite")]
    [InlineData("TempMax", "max", "Infinity", "has a mean, min or max that is not finite")]
    [InlineData("TempMax", "mean", "1e300", "has a mean outside [min, max]")]
    [InlineData("Weather", "otherCount", "-5", "has a negative otherCount")]
    [InlineData("Weather", "otherCount", "7", "add up to")]
    [InlineData("Weather", "method", "Ks", "is categorical, and method Ks does not test categories")]
    [InlineData("TempMax", "count", "3", "add up to")]
    [InlineData("TempMax", "distinctCount", "-1", "has a negative count")]
    public void An_inconsistent_feature_is_refused_naming_the_file_the_feature_and_the_problem(string feature, string property, string value, string problem)
    {
        JsonObject root = JsonNode.Parse(ValidJson)!.AsObject();
        JsonObject target = root["features"]!.AsArray().Single(f => (string)f!["name"]! == feature)!.AsObject();
        target[property] = value.Length > 0 && (char.IsLetter(value[0]) || value[0] == '-' && char.IsLetter(value[1])) ? JsonValue.Create(value) : JsonNode.Parse(value);

        var error = Assert.Throws<ProfileException>(() => Load(root.ToJsonString()));

        Assert.Equal("hostile.monitorprofile.json", error.ProfileSource);
        Assert.Contains($"feature '{feature}'", error.Problem, System.StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_psi_feature_with_600000_cuts_is_refused_at_load_instead_of_overflowing_the_stack_at_check()
    {
        var error = Assert.Throws<ProfileException>(() => Load(WithCuts("TempMin", 600_000)));

        Assert.Contains("feature 'TempMin' has 600001 bins, more than the limit of 10000", error.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_psi_feature_with_the_most_bins_allowed_is_checked_on_the_heap()
    {
        ReferenceProfile profile = Load(WithCuts("TempMin", 9_999));
        using var monitor = WeatherDay.CreateMonitor(profile);
        foreach (WeatherDay day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        FeatureDriftResult tempMin = monitor.CheckDrift().Features.Single(f => f.Feature == nameof(WeatherDay.TempMin));

        Assert.True(tempMin.Tested, tempMin.Note);
        Assert.Equal("psi", tempMin.Method);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        // A stream that is not seekable: the limit holds while reading, not only from Length.
        using var stream = new UnseekableStream(new MemoryStream(new byte[(64 * 1024 * 1024) + 1]));

        var error = Assert.Throws<ProfileException>(() => ReferenceProfile.Load(stream, "huge.json"));

        Assert.Contains("more than the limit of 67108864 bytes", error.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_count_above_the_declared_cap_is_refused_when_the_monitor_is_built()
    {
        // Visit.City is declared with MaxCategories = 2; the edited profile names three cities.
        ReferenceProfile profile = Visit.FitProfile(new[] { new Visit("Oslo", "a"), new Visit("Oslo", "b"), new Visit("Rome", "a") });
        JsonObject root = JsonNode.Parse(Json(profile))!.AsObject();
        JsonObject city = root["features"]!.AsArray().Single(f => (string)f!["name"]! == nameof(Visit.City))!.AsObject();
        city["categories"]!.AsArray().Add("Lima");
        city["categoryCounts"]!.AsArray().Add(1);
        city["count"] = (long)city["count"]! + 1;
        ReferenceProfile widened = Load(root.ToJsonString());

        var error = Assert.Throws<ProfileException>(() => Visit.CreateMonitor(widened));

        Assert.Contains("feature 'City' has 3 categories in the profile, more than its cap of 2", error.Problem, System.StringComparison.Ordinal);
    }

    internal static ReferenceProfile Load(string json) =>
        ReferenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "hostile.monitorprofile.json");

    internal static string Json(ReferenceProfile profile)
    {
        using var stream = new MemoryStream();
        profile.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string WithCuts(string feature, int cuts)
    {
        JsonObject root = JsonNode.Parse(ValidJson)!.AsObject();
        JsonObject target = root["features"]!.AsArray().Single(f => (string)f!["name"]! == feature)!.AsObject();
        long count = (long)target["count"]!;
        var cutArray = new JsonArray();
        var binArray = new JsonArray();
        for (int i = 0; i < cuts; i++)
        {
            cutArray.Add(-20 + (50.0 * i / cuts));
            binArray.Add(0);
        }

        binArray.Add(count);
        target["cuts"] = cutArray;
        target["binCounts"] = binArray;
        return root.ToJsonString();
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new System.NotSupportedException();

        public override long Position { get => throw new System.NotSupportedException(); set => throw new System.NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
