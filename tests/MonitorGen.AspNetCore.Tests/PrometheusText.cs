using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>The samples of a Prometheus text-format scrape: metric name, labels and value per line.</summary>
internal sealed class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples)
    {
        Text = text;
        Samples = samples;
    }

    public string Text { get; }

    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int brace = line.IndexOf('{', StringComparison.Ordinal);
            int nameEnd = brace >= 0 ? brace : line.IndexOf(' ', StringComparison.Ordinal);
            string name = line[..nameEnd];
            var labels = new Dictionary<string, string>();
            int space = nameEnd;
            if (brace >= 0)
            {
                space = ReadLabels(line, brace + 1, labels) + 1;
            }

            string[] rest = line[(space + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            samples.Add((name, labels, double.Parse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return new PrometheusText(text, samples);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every pair of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Matching(name, labels).Sum(s => s.Value);

    /// <summary>The one sample of <paramref name="name"/> whose labels include every pair of <paramref name="labels"/>.</summary>
    public double Single(string name, params (string Key, string Value)[] labels)
    {
        var matches = Matching(name, labels).ToArray();
        Assert.True(matches.Length == 1, $"Expected one sample of {name} with {string.Join(",", labels)}, found {matches.Length} in:\n{Text}");
        return matches[0].Value;
    }

    public bool Has(string name, params (string Key, string Value)[] labels) => Matching(name, labels).Any();

    private IEnumerable<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Matching(string name, (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out string? v) && v == l.Value));

    // Reads name="value" pairs (values may hold escaped quotes) up to the closing brace; returns the brace's index.
    private static int ReadLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (line[i] != '}')
        {
            int eq = line.IndexOf('=', i);
            string key = line[i..eq].TrimStart(',');
            var value = new System.Text.StringBuilder();
            int j = eq + 2;
            for (; line[j] != '"'; j++)
            {
                if (line[j] == '\\')
                {
                    j++;
                }

                value.Append(line[j]);
            }

            labels[key] = value.ToString();
            i = j + 1;
            if (line[i] == ',')
            {
                i++;
            }
        }

        return i;
    }
}
