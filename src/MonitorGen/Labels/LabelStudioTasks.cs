using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MonitorGen.Labels;

/// <summary>
/// Hand-label requests as Label Studio tasks (its basic JSON format, the prediction attached as a pre-annotation), and
/// the labels back from Label Studio's JSON export of the annotated tasks.
/// </summary>
/// <remarks>
/// The project's labeling config names a <c>Choices</c> control <see cref="FromName"/> over an object named
/// <see cref="ToName"/>, for example
/// <c>&lt;View&gt;&lt;Text name="prediction" value="$predicted"/&gt;&lt;Choices name="label" toName="prediction"&gt;…&lt;/Choices&gt;&lt;/View&gt;</c>.
/// Each task's data carries the prediction id, the predicted class, its confidence and its inclusion probability.
/// </remarks>
internal static class LabelStudioTasks
{
    /// <summary>The name of the labeling config's <c>Choices</c> control.</summary>
    public const string FromName = "label";

    /// <summary>The name of the object the choices are about.</summary>
    public const string ToName = "prediction";

    /// <summary>Writes the requests as an array of tasks, each with the predicted class as a pre-annotation.</summary>
    public static string Write(IEnumerable<LabelRequest> requests, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (LabelRequest request in requests)
            {
                json.WriteStartObject();
                json.WriteStartObject("data");
                json.WriteString("predictionId", request.PredictionId);
                json.WriteString("predicted", request.Predicted);
                json.WriteNumber("confidence", request.Confidence);
                json.WriteNumber("inclusionProbability", request.InclusionProbability);
                json.WriteString("requestedAt", request.RequestedAt);
                json.WriteEndObject();
                json.WriteStartArray("predictions");
                json.WriteStartObject();
                json.WriteString("model_version", modelVersion);
                json.WriteNumber("score", request.Confidence);
                json.WriteStartArray("result");
                json.WriteStartObject();
                json.WriteString("from_name", FromName);
                json.WriteString("to_name", ToName);
                json.WriteString("type", "choices");
                json.WriteStartObject("value");
                json.WriteStartArray("choices");
                json.WriteStringValue(request.Predicted);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads the labels of an export: per task, the choice of the last annotation that was not cancelled. A task without
    /// one is not labelled yet and is skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">The document is not an export of these tasks; the message names the task.</exception>
    public static IReadOnlyList<(string PredictionId, string Label)> ReadAnnotations(string export)
    {
        ArgumentNullException.ThrowIfNull(export);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(export);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Not a Label Studio JSON export (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("Not a Label Studio JSON export: the document is not an array of tasks.");
            }

            var labels = new List<(string, string)>();
            int index = 0;
            foreach (JsonElement task in document.RootElement.EnumerateArray())
            {
                if (Label(task, index) is { } label)
                {
                    labels.Add(label);
                }

                index++;
            }

            return labels;
        }
    }

    private static (string, string)? Label(JsonElement task, int index)
    {
        if (task.ValueKind != JsonValueKind.Object
            || !task.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("predictionId", out JsonElement id) || id.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"Task {index} has no data.predictionId: it was not exported from MonitorGen's tasks.");
        }

        if (!task.TryGetProperty("annotations", out JsonElement annotations) || annotations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? choice = null;
        foreach (JsonElement annotation in annotations.EnumerateArray())
        {
            if (annotation.ValueKind != JsonValueKind.Object
                || (annotation.TryGetProperty("was_cancelled", out JsonElement cancelled) && cancelled.ValueKind == JsonValueKind.True)
                || !annotation.TryGetProperty("result", out JsonElement result) || result.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (JsonElement region in result.EnumerateArray())
            {
                if (region.ValueKind == JsonValueKind.Object
                    && region.TryGetProperty("from_name", out JsonElement from) && from.ValueEquals(FromName)
                    && region.TryGetProperty("value", out JsonElement value) && value.ValueKind == JsonValueKind.Object
                    && value.TryGetProperty("choices", out JsonElement choices) && choices.ValueKind == JsonValueKind.Array)
                {
                    if (choices.GetArrayLength() != 1 || choices[0].ValueKind != JsonValueKind.String)
                    {
                        throw new InvalidDataException($"Task {index} (prediction {id.GetString()}): a label is one choice, not {choices.GetArrayLength()}.");
                    }

                    choice = choices[0].GetString();
                }
            }
        }

        return choice is null ? null : (id.GetString()!, choice);
    }
}
