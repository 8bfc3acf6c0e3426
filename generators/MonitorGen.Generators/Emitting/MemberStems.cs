using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MonitorGen.Generators.Model;
using static MonitorGen.Generators.Emitting.CSharpLiterals;

namespace MonitorGen.Generators.Emitting;

/// <summary>
/// The stem of each feature's and KPI's emitted locals in the binding's reader (<c>stemValue</c> of a nullable feature,
/// <c>stemKpi</c> of a nullable KPI): the member name in camel case, numbered from 2 where two members would otherwise
/// share an identifier (<c>Temp</c> and <c>temp</c>; a feature <c>XKpi</c> beside a KPI <c>X</c>).
/// </summary>
/// <remarks>
/// Pattern variables of an <c>if</c> belong to the whole method, so the locals must be unique across it. Stems are
/// numbered as if each feature had the field <c>_stem</c> and each KPI <c>_stemKpi</c>: unique fields give unique locals,
/// since feature locals end in Value and KPI locals in Kpi, and neither can be the parameters <c>row</c> or <c>sink</c>.
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
