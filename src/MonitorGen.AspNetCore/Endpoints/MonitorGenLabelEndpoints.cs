using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using MonitorGen.Labels;
using MonitorGen.Telemetry;

namespace MonitorGen.AspNetCore.Endpoints;

/// <summary>
/// <c>POST /monitoring/labels</c>, which joins labels to their predictions, and <c>GET /monitoring/performance</c>, which
/// serves the realized performance they give.
/// </summary>
internal static class MonitorGenLabelEndpoints
{
    /// <summary>The most labels one request may carry: a larger batch is refused whole, before any is recorded.</summary>
    public const int MaxLabelsPerRequest = 10_000;

    private static readonly Counter<long> Malformed = MonitorGenDiagnostics.Meter.CreateCounter<long>(
        InstrumentNames.LabelsMalformed, "{label}", "Label items that no monitor could take: not an object, an unknown source, or no single matching record.");

    private static readonly string SourceNames = string.Join(", ", Enum.GetValues<LabelSource>().Select(s => $"\"{NameOf(s)}\""));

    /// <summary>
    /// Records each item of a JSON array of <c>{ "predictionId", "label", "source", "model"?, "record"? }</c>. A bad item
    /// (an unknown id, a label of the wrong type, an unknown class) is rejected alone, with its index and reason, and the
    /// monitor counts it; only a body that is not a JSON array of at most <see cref="MaxLabelsPerRequest"/> items is a 400.
    /// </summary>
    public static async Task PostLabelsAsync(HttpContext context, MonitorRegistry registry, bool indented)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await BadRequestAsync(context, $"The body is not JSON: {ex.Message}", indented).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            JsonElement items = document.RootElement;
            if (items.ValueKind != JsonValueKind.Array)
            {
                await BadRequestAsync(context, "The body is a JSON array of { \"predictionId\", \"label\", \"source\" } objects.", indented).ConfigureAwait(false);
                return;
            }

            if (items.GetArrayLength() > MaxLabelsPerRequest)
            {
                await BadRequestAsync(context, $"A request carries at most {MaxLabelsPerRequest} labels; this one has {items.GetArrayLength()}. Send them in batches.", indented).ConfigureAwait(false);
                return;
            }

            ModelMonitor[] labelled = registry.Monitors.Where(m => m.AcceptsLabels).ToArray();
            int accepted = 0;
            var rejected = new List<(int Index, string Reason)>();
            int index = 0;
            foreach (JsonElement item in items.EnumerateArray())
            {
                string? reason = Record(item, labelled, out bool reachedMonitor);
                if (!reachedMonitor)
                {
                    Malformed.Add(1);
                }

                if (reason is null)
                {
                    accepted++;
                }
                else
                {
                    rejected.Add((index, reason));
                }

                index++;
            }

            await MonitorGenJsonWriter.WriteAsync(context, indented, writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("accepted", accepted);
                writer.WriteStartArray("rejected");
                foreach ((int at, string why) in rejected)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("index", at);
                    writer.WriteString("reason", why);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
        }
    }

    /// <summary>Serves every labelled monitor's realized performance: an entry per model and record for its natural labels,
    /// and one more for each weak source (hand, programmatic) that has labels, never mixed with the natural ones.</summary>
    public static Task GetPerformanceAsync(HttpContext context, MonitorRegistry registry, bool indented) =>
        MonitorGenJsonWriter.WriteAsync(context, indented, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("models");
            foreach (ModelMonitor monitor in registry.Monitors)
            {
                foreach (LabelSource source in Enum.GetValues<LabelSource>())
                {
                    if (monitor.Performance(source) is { } report && (source == LabelSource.Natural || report.Cumulative.Labels > 0))
                    {
                        report.WriteJson(writer);
                    }
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    // Null when the label was matched; otherwise why not.
    /// <summary>Serves the hand-label queue of every labelled record: MonitorGen's JSON, or with <c>?format=labelstudio</c>
    /// one array of Label Studio tasks (a model's tasks carry its model and record in their data).</summary>
    public static Task GetLabelRequestsAsync(HttpContext context, MonitorRegistry registry, bool indented)
    {
        bool labelStudio = string.Equals(context.Request.Query["format"], "labelstudio", StringComparison.OrdinalIgnoreCase);
        return MonitorGenJsonWriter.WriteAsync(context, indented, writer =>
        {
            if (labelStudio)
            {
                writer.WriteStartArray();
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteStartArray("requests");
            }

            foreach (ModelMonitor monitor in registry.Monitors.Where(m => m.AcceptsLabels))
            {
                if (labelStudio)
                {
                    using JsonDocument tasks = JsonDocument.Parse(monitor.LabelRequestsAsLabelStudioTasks());
                    foreach (JsonElement task in tasks.RootElement.EnumerateArray())
                    {
                        task.WriteTo(writer);
                    }

                    continue;
                }

                foreach (LabelRequest request in monitor.LabelRequests)
                {
                    writer.WriteStartObject();
                    writer.WriteString("model", monitor.Schema.ModelName);
                    writer.WriteString("record", monitor.Schema.RecordName);
                    writer.WriteString("predictionId", request.PredictionId);
                    writer.WriteString("predicted", request.Predicted);
                    writer.WriteNumber("confidence", request.Confidence);
                    writer.WriteNumber("inclusionProbability", request.InclusionProbability);
                    writer.WriteString("requestedAt", request.RequestedAt);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            if (!labelStudio)
            {
                writer.WriteEndObject();
            }
        });
    }

    /// <summary>Records the hand labels of a Label Studio JSON export of the queue's tasks; <c>?model=</c> and
    /// <c>?record=</c> name the record when more than one has a <c>[Prediction]</c>. A malformed export is a 400.</summary>
    public static async Task PostLabelStudioAsync(HttpContext context, MonitorRegistry registry, bool indented)
    {
        string? model = context.Request.Query["model"];
        string? record = context.Request.Query["record"];
        ModelMonitor[] candidates = registry.Monitors
            .Where(m => m.AcceptsLabels && (model is null || m.Schema.ModelName == model) && (record is null || m.Schema.RecordName == record))
            .ToArray();
        if (candidates.Length != 1)
        {
            await BadRequestAsync(context, candidates.Length == 0
                ? "No monitored record with a [Prediction] matches ?model= and ?record=."
                : "Several monitored records have a [Prediction]: name one with ?model= and ?record=.", indented).ConfigureAwait(false);
            return;
        }

        using var reader = new System.IO.StreamReader(context.Request.Body);
        string export = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        IReadOnlyList<(string PredictionId, LabelOutcome Outcome)> outcomes;
        try
        {
            outcomes = candidates[0].ImportLabelStudioAnnotations(export);
        }
        catch (System.IO.InvalidDataException ex)
        {
            await BadRequestAsync(context, ex.Message, indented).ConfigureAwait(false);
            return;
        }

        await MonitorGenJsonWriter.WriteAsync(context, indented, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("accepted", outcomes.Count(o => o.Outcome == LabelOutcome.Matched));
            writer.WriteStartArray("rejected");
            foreach ((string id, LabelOutcome outcome) in outcomes.Where(o => o.Outcome != LabelOutcome.Matched))
            {
                writer.WriteStartObject();
                writer.WriteString("predictionId", id);
                writer.WriteString("reason", outcome.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    // reachedMonitor says whether a monitor saw (and counted) the item.
    private static string? Record(JsonElement item, ModelMonitor[] labelled, out bool reachedMonitor)
    {
        reachedMonitor = false;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return "an item is an object with \"predictionId\", \"label\" and \"source\"";
        }

        LabelSource source = LabelSource.Natural;
        if (item.TryGetProperty("source", out JsonElement sourceText))
        {
            if (sourceText.ValueKind != JsonValueKind.String || !TryParseSource(sourceText.GetString(), out source))
            {
                return $"\"source\" is one of {SourceNames}";
            }
        }

        if (!item.TryGetProperty("label", out JsonElement label))
        {
            return "the item has no \"label\"";
        }

        string? model = item.TryGetProperty("model", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        string? record = item.TryGetProperty("record", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        ModelMonitor[] candidates = labelled
            .Where(monitor => (model is null || monitor.Schema.ModelName == model) && (record is null || monitor.Schema.RecordName == record))
            .ToArray();
        if (candidates.Length != 1)
        {
            return candidates.Length == 0
                ? "no monitored record with a [Prediction] matches the item's \"model\" and \"record\""
                : "several monitored records have a [Prediction]: name the item's \"model\" and \"record\"";
        }

        string? id = item.TryGetProperty("predictionId", out JsonElement idText) && idText.ValueKind == JsonValueKind.String ? idText.GetString() : null;
        reachedMonitor = true;
        return candidates[0].RecordLabel(id, label, source, out string? reason) == LabelOutcome.Matched ? null : reason;
    }

    private static bool TryParseSource(string? text, out LabelSource source)
    {
        foreach (LabelSource candidate in Enum.GetValues<LabelSource>())
        {
            if (string.Equals(NameOf(candidate), text, StringComparison.Ordinal))
            {
                source = candidate;
                return true;
            }
        }

        source = default;
        return false;
    }

    // The JSON name of a source, as the monitor's tags write it.
    private static string NameOf(LabelSource source) => source.ToString().ToLowerInvariant();

    private static Task BadRequestAsync(HttpContext context, string message, bool indented)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return MonitorGenJsonWriter.WriteErrorAsync(context, message, indented);
    }
}
