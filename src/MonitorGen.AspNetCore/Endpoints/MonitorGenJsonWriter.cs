using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen.AspNetCore.Endpoints;

/// <summary>Writes the endpoints' JSON with <see cref="Utf8JsonWriter"/>; reports write themselves (<see cref="DriftReport.WriteJson"/>).</summary>
internal static class MonitorGenJsonWriter
{
    private const string ContentType = "application/json; charset=utf-8";

    // detailed is false for the anonymous probes: each check's status and nothing else, so that no file path, exception
    // text or report reaches a caller who is not authorized.
    public static Task WriteHealthAsync(HttpContext context, HealthReport report, bool indented, bool detailed = true)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString());
            writer.WriteNumber("totalDurationMs", report.TotalDuration.TotalMilliseconds);
            writer.WriteStartArray("checks");
            foreach (KeyValuePair<string, HealthReportEntry> pair in report.Entries)
            {
                HealthReportEntry entry = pair.Value;
                writer.WriteStartObject();
                writer.WriteString("name", pair.Key);
                writer.WriteString("status", entry.Status.ToString());
                if (!detailed)
                {
                    writer.WriteEndObject();
                    continue;
                }

                writer.WriteString("description", entry.Description);
                writer.WriteNumber("durationMs", entry.Duration.TotalMilliseconds);
                writer.WriteStartArray("tags");
                foreach (string tag in entry.Tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
                if (entry.Exception is { } exception)
                {
                    writer.WriteString("error", exception.Message);
                }

                WriteData(writer, entry.Data);
                writer.WritePropertyName("report");
                if (entry.Data.TryGetValue("report", out object? value) && value is DriftReport drift)
                {
                    drift.WriteJson(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return WriteAsync(context, buffer);
    }

    public static Task WriteErrorAsync(HttpContext context, string message, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return WriteAsync(context, buffer);
    }

    // The scalar entries of a check's data (the profile's source and rows, the drift share...); the report is written apart.
    private static void WriteData(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> data)
    {
        writer.WriteStartObject("data");
        foreach (KeyValuePair<string, object> pair in data)
        {
            switch (pair.Value)
            {
                case string text:
                    writer.WriteString(pair.Key, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(pair.Key, flag);
                    break;
                case int number:
                    writer.WriteNumber(pair.Key, number);
                    break;
                case long number:
                    writer.WriteNumber(pair.Key, number);
                    break;
                case double number when double.IsFinite(number):
                    writer.WriteNumber(pair.Key, number);
                    break;
                case DateTimeOffset time:
                    writer.WriteString(pair.Key, time);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    public static Task WriteReportsAsync(HttpContext context, IReadOnlyList<ModelMonitor> monitors, IReadOnlyList<DriftReport?> reports, bool failedIsError, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("models");
            for (int i = 0; i < monitors.Count; i++)
            {
                ModelMonitor monitor = monitors[i];
                DriftReport? report = reports[i];
                writer.WriteStartObject();
                writer.WriteString("model", monitor.Schema.ModelName);
                writer.WriteString("record", monitor.Schema.RecordName);
                writer.WriteString("modelVersion", monitor.Schema.ModelVersion);
                writer.WriteNumber("observedRows", monitor.ObservedRows);
                writer.WriteNumber("windowRows", monitor.WindowRows);
                if (report is null && failedIsError)
                {
                    writer.WriteString("error", "The drift check failed; it is counted on monitorgen.self.errors (source drift_check) and logged.");
                }

                writer.WritePropertyName("report");
                if (report is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    report.WriteJson(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return WriteAsync(context, buffer);
    }

    /// <summary>Writes the JSON that <paramref name="write"/> produces as the response.</summary>
    public static Task WriteAsync(HttpContext context, bool indented, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }

        return WriteAsync(context, buffer);
    }

    private static async Task WriteAsync(HttpContext context, ArrayBufferWriter<byte> buffer)
    {
        HttpResponse response = context.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store, no-cache";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
