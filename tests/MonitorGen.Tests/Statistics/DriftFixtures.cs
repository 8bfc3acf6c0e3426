using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitorGen.Tests.Statistics;

/// <summary>The SciPy reference values written by tools/fixtures/generate.py.</summary>
internal sealed class DriftFixtures
{
    private static readonly Lazy<DriftFixtures> Instance = new(Load);

    public static DriftFixtures Current => Instance.Value;

    [JsonPropertyName("scipy")]
    public string SciPy { get; set; } = "";

    [JsonPropertyName("samples")]
    public Dictionary<string, SamplePair> Samples { get; set; } = [];

    [JsonPropertyName("counts")]
    public Dictionary<string, SamplePair> Counts { get; set; } = [];

    [JsonPropertyName("cases")]
    public List<FixtureCase> Cases { get; set; } = [];

    [JsonPropertyName("kstwo_sf")]
    public List<KolmogorovPoint> KolmogorovSf { get; set; } = [];

    [JsonPropertyName("multiple_testing")]
    public List<MultipleTestingCase> MultipleTesting { get; set; } = [];

    public IEnumerable<FixtureCase> CasesFor(string methodId) => Cases.Where(c => c.Method == methodId);

    private static DriftFixtures Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "drift-fixtures.json");
        var options = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        return JsonSerializer.Deserialize<DriftFixtures>(File.ReadAllText(path), options)
            ?? throw new InvalidOperationException($"Cannot read {path}.");
    }
}

internal sealed class SamplePair
{
    [JsonPropertyName("reference")]
    public double[] Reference { get; set; } = [];

    [JsonPropertyName("current")]
    public double[] Current { get; set; } = [];
}

internal sealed class FixtureCase
{
    [JsonPropertyName("sample")]
    public string Sample { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("method")]
    public string Method { get; set; } = "";

    [JsonPropertyName("statistic")]
    public double? Statistic { get; set; }

    [JsonPropertyName("pvalue")]
    public double? PValue { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    public override string ToString() => $"{Method} on {Kind} '{Sample}'";
}

internal sealed class KolmogorovPoint
{
    [JsonPropertyName("n")]
    public long N { get; set; }

    [JsonPropertyName("x")]
    public double X { get; set; }

    [JsonPropertyName("sf")]
    public double Sf { get; set; }
}

internal sealed class MultipleTestingCase
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("p")]
    public double[] P { get; set; } = [];

    [JsonPropertyName("bonferroni")]
    public double[] Bonferroni { get; set; } = [];

    [JsonPropertyName("bh")]
    public double[] BenjaminiHochberg { get; set; } = [];
}
