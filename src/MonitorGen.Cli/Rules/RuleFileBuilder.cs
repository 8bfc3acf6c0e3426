using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MonitorGen.Cli.Rules;

/// <summary>The rule file of <c>monitorgen rules</c>: the models' alerts and the fleet drift rules of their profiles.</summary>
internal static class RuleFileBuilder
{
    /// <summary>Loads the profiles and writes the file's text.</summary>
    /// <exception cref="InputException">A profile cannot be read, or two describe the same record.</exception>
    public static string Build(IReadOnlyList<string> profilePaths, RulesOptions options)
    {
        var profiles = new List<ReferenceProfile>();
        foreach (string path in profilePaths)
        {
            ReferenceProfile profile;
            try
            {
                profile = ReferenceProfile.Load(path);
            }
            catch (ProfileException e)
            {
                throw new InputException($"--profile: {e.Message}");
            }

            string record = MonitorSchema.RecordNameOf(profile.TypeName);
            if (profiles.Any(p => p.ModelName == profile.ModelName && MonitorSchema.RecordNameOf(p.TypeName) == record))
            {
                throw new InputException($"--profile: {path} is a second profile of model '{profile.ModelName}', record '{record}'");
            }

            profiles.Add(profile);
        }

        string[] models = profiles.Select(p => p.ModelName).Distinct(StringComparer.Ordinal).ToArray();
        IEnumerable<PrometheusRuleGroup> groups = AlertRules.For(models, options).Append(FleetDriftRules.For(profiles, options));
        string header = "Prometheus rules for " + string.Join(", ", models) + ", written by `monitorgen rules` from "
            + string.Join(", ", profilePaths.Select(Path.GetFileName)) + ".\n"
            + "Regenerate them when a profile changes: the fleet drift rules hold its reference proportions. See docs/alerting.md and docs/fleet.md.";
        return PrometheusRuleFile.Write(groups, header);
    }
}
