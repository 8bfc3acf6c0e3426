using System.IO;
using System.Linq;
using System.Text;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Profiles;

/// <summary>Profiles round-trip through JSON, and a bad or mismatched profile fails fast with a clear message.</summary>
public sealed class ProfileTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Fact]
    public void A_profile_holds_what_the_fit_saw()
    {
        Assert.Equal("seattle-weather", Profile.ModelName);
        Assert.Equal("1.0", Profile.ModelVersion);
        Assert.Equal(WeatherDayMonitor.DeclaredSchema.SchemaHash, Profile.SchemaHash);
        Assert.Equal(SeattleWeather.Summer.Count(), Profile.RowCount);
        var tempMax = Profile.Features.Single(f => f.Name == nameof(WeatherDay.TempMax));
        var values = SeattleWeather.Summer.Select(d => d.TempMax).ToArray();
        Assert.Equal(values.Length, tempMax.Count);
        Assert.Equal(values.Length, tempMax.BinCounts.Sum());
        Assert.Equal(values.Average(), tempMax.Mean, 9);
        Assert.Equal(values.Min(), tempMax.Min);
        Assert.Equal(values.Max(), tempMax.Max);
        Assert.Equal(values.Length, tempMax.Sample.Length);
        Assert.Equal(values.Order(), tempMax.Sample.Order());
    }

    [Fact]
    public void A_profile_round_trips_through_json()
    {
        using var stream = new MemoryStream();
        Profile.Save(stream);
        stream.Position = 0;

        ReferenceProfile loaded = ReferenceProfile.Load(stream, "memory.json");

        Assert.Equal(Json(Profile), Json(loaded));
        Assert.Contains("\"formatVersion\": 1", Json(loaded), System.StringComparison.Ordinal);
        Assert.Contains("\"method\": \"Ks\"", Json(loaded), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not valid profile JSON")]
    [InlineData("null", "the document is null")]
    [InlineData("{\"formatVersion\": 2, \"modelName\": \"m\", \"schemaHash\": \"h\", \"features\": []}", "format version 2 is not supported")]
    [InlineData("{\"formatVersion\": 1, \"modelName\": \"\", \"schemaHash\": \"h\", \"features\": []}", "modelName is missing")]
    [InlineData("{\"formatVersion\": 1, \"modelName\": \"m\", \"schemaHash\": \"h\", \"features\": [{\"name\": \"x\", \"kind\": \"Numerical\", \"method\": \"Ks\", \"cuts\": [1, 0], \"binCounts\": [1, 1, 1]}]}", "strictly increasing")]
    [InlineData("{\"formatVersion\": 1, \"modelName\": \"m\", \"schemaHash\": \"h\", \"features\": [{\"name\": \"x\", \"kind\": \"Numerical\", \"method\": \"Ks\", \"cuts\": [0], \"binCounts\": [1]}]}", "1 bin counts for 1 cuts")]
    [InlineData("{\"formatVersion\": 1, \"modelName\": \"m\", \"schemaHash\": \"h\", \"features\": [{\"name\": \"x\", \"kind\": \"Categorical\", \"method\": \"ChiSquare\", \"categories\": [\"a\"], \"categoryCounts\": []}]}", "1 categories but 0 counts")]
    [InlineData("{\"formatVersion\": 1, \"modelName\": \"m\", \"schemaHash\": \"h\", \"features\": [{\"name\": \"x\", \"kind\": \"Categorical\", \"method\": \"Auto\"}]}", "no resolved method")]
    [InlineData("{\"formatVersion\": 1, \"modelName\": \"m\", \"schemaHash\": \"h\", \"features\": [{\"name\": \"x\", \"kind\": \"Sideways\", \"method\": \"Ks\"}]}", "not valid profile JSON")]
    public void A_corrupt_profile_is_refused_with_a_message_naming_the_source(string json, string problem)
    {
        var error = Assert.Throws<ProfileException>(() => ReferenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "models/weather.profile.json"));

        Assert.Equal("models/weather.profile.json", error.ProfileSource);
        Assert.Contains(problem, error.Message, System.StringComparison.Ordinal);
        Assert.StartsWith("Profile 'models/weather.profile.json': ", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_profile_error()
    {
        var error = Assert.Throws<ProfileException>(() => ReferenceProfile.Load(Path.Combine(Path.GetTempPath(), "no-such-profile.json")));
        Assert.Contains("no-such-profile.json", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_of_another_type_is_refused_at_construction()
    {
        ReferenceProfile other = Positional.FitProfile(new[] { new Positional(1, Colour.Red, null), new Positional(2, Colour.Blue, null) });

        var error = Assert.Throws<ProfileException>(() => WeatherDay.CreateMonitor(other));

        Assert.Contains("does not match 'MonitorGen.Tests.Records.WeatherDay'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("feature 'TempMax' is not in the profile", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("feature 'Score' is in the profile but not in", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_with_a_changed_feature_kind_is_refused()
    {
        using var stream = new MemoryStream();
        Profile.Save(stream);
        string json = Encoding.UTF8.GetString(stream.ToArray());
        var tampered = ReferenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "tampered.json");
        tampered.SchemaHash = "0000000000000000";

        var error = Assert.Throws<ProfileException>(() => WeatherDay.CreateMonitor(tampered));

        Assert.Contains("schema hash 0000000000000000 differs", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Fitting_zero_rows_or_a_null_row_is_a_clear_error()
    {
        Assert.Throws<System.InvalidOperationException>(() => WeatherDay.FitProfile(System.Array.Empty<WeatherDay>()));
        Assert.Throws<System.ArgumentException>(() => AllKinds.FitProfile(new AllKinds[] { null! }));
    }

    private static string Json(ReferenceProfile profile)
    {
        using var stream = new MemoryStream();
        profile.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
