using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MonitorGen.Cli.Rules;

/// <summary>Writes rule groups as a Prometheus rule file (YAML), through YamlDotNet's emitter, which quotes what needs quoting.</summary>
internal static class PrometheusRuleFile
{
    public static string Write(IEnumerable<PrometheusRuleGroup> groups, string header)
    {
        using var text = new StringWriter { NewLine = "\n" };
        foreach (string line in header.Split('\n'))
        {
            text.WriteLine(("# " + line).TrimEnd());
        }

        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart());
        Scalar(emitter, "groups");
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (PrometheusRuleGroup group in groups)
        {
            emitter.Emit(new MappingStart());
            Scalar(emitter, "name");
            Scalar(emitter, group.Name);
            Scalar(emitter, "rules");
            emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
            foreach (PrometheusRule rule in group.Rules)
            {
                WriteRule(emitter, rule);
            }

            emitter.Emit(new SequenceEnd());
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteRule(Emitter emitter, PrometheusRule rule)
    {
        emitter.Emit(new MappingStart());
        Scalar(emitter, rule.Record is null ? "alert" : "record");
        Scalar(emitter, rule.Record ?? rule.Alert!);
        Scalar(emitter, "expr");
        Scalar(emitter, rule.Expr);
        if (rule.Alert is not null && rule.For > TimeSpan.Zero)
        {
            Scalar(emitter, "for");
            Scalar(emitter, PromQl.Duration(rule.For));
        }

        Map(emitter, "labels", rule.Labels);
        Map(emitter, "annotations", rule.Annotations);
        emitter.Emit(new MappingEnd());
    }

    private static void Map(Emitter emitter, string key, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        Scalar(emitter, key);
        emitter.Emit(new MappingStart());
        foreach ((string name, string value) in pairs)
        {
            Scalar(emitter, name);
            // Label values are strings: quoted, so that "1" or "true" is never read back as a number or a boolean.
            emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        }

        emitter.Emit(new MappingEnd());
    }

    private static void Scalar(Emitter emitter, string value) => emitter.Emit(new YamlDotNet.Core.Events.Scalar(value));
}
