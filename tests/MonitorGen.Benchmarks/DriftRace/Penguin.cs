using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MonitorGen;

namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>A penguin's recorded sex.</summary>
public enum PenguinSex
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}

/// <summary>A penguin's measurements from the committed penguins.json (Palmer Archipelago; data/ATTRIBUTION.md).</summary>
[Monitor("penguins")]
public sealed partial record Penguin
{
    [DriftTest] public double? BeakLength { get; init; }
    [DriftTest] public double? BeakDepth { get; init; }
    [DriftTest] public double? FlipperLength { get; init; }
    [DriftTest] public double? BodyMass { get; init; }
    [DriftTest] public PenguinSex? Sex { get; init; }
    [NotMonitored("the grouping the windows are drawn by")] public string Island { get; init; } = "";

    /// <summary>Every penguin of the file; a missing measurement or sex (null, or "." in the file) is null.</summary>
    internal static Penguin[] All()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "penguins.json")));
        var penguins = new List<Penguin>();
        foreach (JsonElement row in document.RootElement.EnumerateArray())
        {
            penguins.Add(new Penguin
            {
                Island = row.GetProperty("Island").GetString() ?? throw new InvalidDataException("A penguin without an island."),
                BeakLength = Number(row, "Beak Length (mm)"),
                BeakDepth = Number(row, "Beak Depth (mm)"),
                FlipperLength = Number(row, "Flipper Length (mm)"),
                BodyMass = Number(row, "Body Mass (g)"),
                Sex = row.GetProperty("Sex").GetString() switch
                {
                    "FEMALE" => PenguinSex.Female,
                    "MALE" => PenguinSex.Male,
                    _ => null,
                },
            });
        }

        return penguins.ToArray();
    }

    private static double? Number(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
}
