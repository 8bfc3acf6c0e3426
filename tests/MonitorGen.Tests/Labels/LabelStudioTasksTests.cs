using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitorGen.Labels;

namespace MonitorGen.Tests.Labels;

/// <summary>Hand-label requests out as Label Studio tasks, and the labels back from its JSON export.</summary>
public sealed class LabelStudioTasksTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly LabelRequest[] Requests =
    [
        new("00000000000000a1", "rain", 0.55, 0.02, At),
        new("00000000000000a2", "sun \"bright\"", 0.91, 0.004, At),
        new("00000000000000a3", "fog", 0.6, 0.03, At),
    ];

    [Fact]
    public void Tasks_carry_the_prediction_as_a_pre_annotation_and_its_inclusion_probability()
    {
        JsonArray tasks = JsonNode.Parse(LabelStudioTasks.Write(Requests, "seattle-weather 1"))!.AsArray();
        Assert.Equal(3, tasks.Count);
        JsonNode second = tasks[1]!;
        Assert.Equal("00000000000000a2", (string)second["data"]!["predictionId"]!);
        Assert.Equal(0.004, (double)second["data"]!["inclusionProbability"]!);
        JsonNode prediction = second["predictions"]![0]!;
        Assert.Equal("seattle-weather 1", (string)prediction["model_version"]!);
        Assert.Equal(0.91, (double)prediction["score"]!);
        JsonNode result = prediction["result"]![0]!;
        Assert.Equal(("label", "prediction", "choices"), ((string)result["from_name"]!, (string)result["to_name"]!, (string)result["type"]!));
        Assert.Equal("sun \"bright\"", (string)result["value"]!["choices"]![0]!);
    }

    [Fact]
    public void An_export_gives_each_task_the_choice_of_its_last_annotation_that_was_not_cancelled()
    {
        // What Label Studio exports: the tasks as imported, each with its annotations.
        JsonArray tasks = JsonNode.Parse(LabelStudioTasks.Write(Requests, "m"))!.AsArray();
        tasks[0]!["annotations"] = Annotations(("sun", false), ("drizzle", false));
        tasks[1]!["annotations"] = Annotations(("rain", true));
        // The third task was not annotated yet.
        var labels = LabelStudioTasks.ReadAnnotations(tasks.ToJsonString());
        Assert.Equal([("00000000000000a1", "drizzle")], labels);
    }

    [Theory]
    [InlineData("{ not json", "Not a Label Studio JSON export (line 1)")]
    [InlineData("{\"tasks\": []}", "not an array of tasks")]
    [InlineData("[{\"data\": {\"text\": \"x\"}}]", "Task 0 has no data.predictionId")]
    [InlineData("[{\"data\": {\"predictionId\": \"a\"}, \"annotations\": [{\"result\": [{\"from_name\": \"label\", \"value\": {\"choices\": [\"x\", \"y\"]}}]}]}]", "a label is one choice, not 2")]
    public void A_malformed_export_is_a_clear_error(string export, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => LabelStudioTasks.ReadAnnotations(export)).Message, StringComparison.Ordinal);

    private static JsonArray Annotations(params (string Choice, bool Cancelled)[] annotations) =>
        new(annotations.Select(a => (JsonNode)new JsonObject
        {
            ["was_cancelled"] = a.Cancelled,
            ["result"] = new JsonArray(new JsonObject
            {
                ["from_name"] = "label",
                ["to_name"] = "prediction",
                ["type"] = "choices",
                ["value"] = new JsonObject { ["choices"] = new JsonArray(a.Choice) },
            }),
        }).ToArray());
}
