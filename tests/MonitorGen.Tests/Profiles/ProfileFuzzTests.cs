using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Profiles;

/// <summary>
/// A resource-budget fuzz run: 10,000 mutations of a real profile each load or are refused with a
/// <see cref="ProfileException"/> within a time and memory budget, and every one that loads and matches the type goes
/// through <c>Observe</c> and <c>CheckDrift</c> without an exception.
/// </summary>
public sealed class ProfileFuzzTests
{
    private const int Mutations = 10_000;

    // Generous for a loaded 2-core CI machine; a load is about a millisecond, a check a few.
    private static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(2);
    private const long LoadMemoryBudgetBytes = 256L * 1024 * 1024;

    private static readonly string[] Methods = Enum.GetNames<DriftMethod>();
    private static readonly WeatherDay[] Rows = SeattleWeather.All.Take(120).ToArray();

    // Large arrays are spliced in as text: building them as JSON nodes would dominate the run.
    private const string LargePlaceholder = "__large_array__";
    private static readonly string[] LargeArrays =
    {
        "[" + string.Join(",", Enumerable.Range(0, 600_000)) + "]",
        "[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"c{i}\"")) + "]",
        "[" + string.Join(",", Enumerable.Range(0, 20_000)) + "]",
    };

    [Fact]
    public void Ten_thousand_mutated_profiles_load_or_are_refused_within_budget_and_never_crash_a_check()
    {
        string valid = ProfileHardeningTests.Json(WeatherDay.FitProfile(SeattleWeather.All.Skip(200).Take(300)));
        var random = new Random(20261201);
        int loaded = 0, refused = 0, checkedMonitors = 0;
        for (int i = 0; i < Mutations; i++)
        {
            string mutated = Mutate(valid, random);
            byte[] bytes = Encoding.UTF8.GetBytes(mutated);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            ReferenceProfile? profile = null;
            try
            {
                profile = ReferenceProfile.Load(new MemoryStream(bytes), "fuzz.json");
                loaded++;
            }
            catch (ProfileException error)
            {
                Assert.Equal("fuzz.json", error.ProfileSource);
                refused++;
            }

            clock.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Assert.True(clock.Elapsed < LoadBudget, $"mutation {i} took {clock.Elapsed} to load");
            Assert.True(allocated < LoadMemoryBudgetBytes, $"mutation {i} allocated {allocated} bytes to load a {bytes.Length}-byte document");
            if (profile is null)
            {
                continue;
            }

            WeatherDayMonitor monitor;
            try
            {
                monitor = WeatherDay.CreateMonitor(profile);
            }
            catch (ProfileException)
            {
                continue;
            }

            using (monitor)
            {
                foreach (WeatherDay day in Rows)
                {
                    monitor.Observe(day);
                }

                DriftReport report = monitor.CheckDrift();
                Assert.Equal(Rows.Length, report.Rows);
                checkedMonitors++;
            }
        }

        // The corpus must exercise both outcomes and reach the check, or it proves nothing.
        Assert.True(refused > Mutations / 4, $"{refused} refused");
        Assert.True(checkedMonitors > Mutations / 20, $"{loaded} loaded, {checkedMonitors} checked");
    }

    private static string Mutate(string valid, Random random)
    {
        if (random.Next(20) == 0)
        {
            // Byte-level damage: a cut or a flipped character.
            char[] text = valid.ToCharArray();
            if (random.Next(2) == 0)
            {
                return valid[..random.Next(valid.Length)];
            }

            text[random.Next(text.Length)] = "{}[]\",:-0e9Nn "[random.Next(14)];
            return new string(text);
        }

        JsonObject root = JsonNode.Parse(valid)!.AsObject();
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits; e++)
        {
            JsonArray features = root["features"]!.AsArray();
            JsonObject feature = features[random.Next(features.Count)]!.AsObject();
            string[] keys = feature.Select(p => p.Key).ToArray();
            string key = keys[random.Next(keys.Length)];
            switch (random.Next(9))
            {
                case 0:
                    feature[key] = Number(random);
                    break;
                case 1:
                    feature.Remove(key);
                    break;
                case 2:
                    feature["method"] = Methods[random.Next(Methods.Length)];
                    break;
                case 3:
                    feature["kind"] = random.Next(2) == 0 ? "Numerical" : "Categorical";
                    break;
                case 4 when feature[key] is JsonArray array && array.Count > 0:
                    array.Add(array[random.Next(array.Count)]!.DeepClone());
                    break;
                case 5 when feature[key] is JsonArray array && array.Count > 0:
                    array[random.Next(array.Count)] = Number(random);
                    break;
                case 6 when random.Next(10) == 0:
                    feature[key] = LargePlaceholder;
                    break;
                case 7:
                    root[new[] { "rowCount", "formatVersion", "modelName", "schemaHash" }[random.Next(4)]] = Number(random);
                    break;
                default:
                    feature[key] = JsonValue.Create(new[] { "NaN", "Infinity", "-Infinity", "", "x" }[random.Next(5)]);
                    break;
            }
        }

        string json = root.ToJsonString();
        return json.Contains(LargePlaceholder, StringComparison.Ordinal)
            ? json.Replace($"\"{LargePlaceholder}\"", LargeArrays[random.Next(LargeArrays.Length)], StringComparison.Ordinal)
            : json;
    }

    private static JsonNode Number(Random random) => random.Next(8) switch
    {
        0 => JsonValue.Create(-1),
        1 => JsonValue.Create(0),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(-1e-300),
        5 => JsonValue.Create(int.MaxValue),
        6 => JsonValue.Create(random.NextDouble() * 100),
        _ => JsonValue.Create(random.Next(-1000, 1000)),
    };
}
