using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MonitorGen.Generators.Model;
using static MonitorGen.Generators.Emitting.CSharpLiterals;

namespace MonitorGen.Generators.Emitting;

/// <summary>
/// The stem of each feature's and KPI's emitted identifiers (the field <c>_stem</c> or <c>_stemKpi</c>, the locals
/// <c>stemFitter</c>, <c>stemValue</c> and <c>stemKpi</c>): the member name in camel case, numbered from 2 where two members
/// would otherwise share an identifier (<c>Temp</c> and <c>temp</c>; a feature <c>XKpi</c> beside a KPI <c>X</c>).
/// </summary>
/// <remarks>
/// Fields are the only identifiers that two kinds share, so a stem that gives a unique field gives unique locals too:
/// feature locals end in Fitter or Value, KPI locals in Kpi, and stems are unique within each kind.
/// </remarks>
internal sealed class MemberStems
{
    private readonly string[] _features;
    private readonly string[] _kpis;

    public MemberStems(MonitorTypeModel model)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        _features = model.Features.Select(f => Unique(CamelCase(f.MemberName), stem => "_" + stem, fields)).ToArray();
        _kpis = model.Kpis.Select(k => Unique(CamelCase(k.MemberName), stem => "_" + stem + "Kpi", fields)).ToArray();
    }

    /// <summary>The stem of feature <paramref name="index"/>.</summary>
    public string Feature(int index) => _features[index];

    /// <summary>The stem of KPI <paramref name="index"/>.</summary>
    public string Kpi(int index) => _kpis[index];

    private static string Unique(string stem, Func<string, string> field, HashSet<string> fields)
    {
        string candidate = stem;
        for (int n = 2; !fields.Add(field(candidate)); n++)
        {
            candidate = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
