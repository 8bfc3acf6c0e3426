using System;
using System.Globalization;
using System.Text;

namespace MonitorGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Writes random C# files full of MonitorGen attributes used wrongly: wrong argument types, missing and extra arguments,
/// <c>typeof</c> and constant expressions, undefined enum values, NaN and infinite thresholds, null strings, duplicate
/// attributes, wrong targets, unsupported member types, and half-typed code. Deterministic for a given seed.
/// </summary>
internal sealed class MalformedAttributeSource
{
    private static readonly string[] MonitorAttributes =
    {
        "Monitor(\"m{0}\")", "Monitor", "Monitor()", "Monitor(null)", "Monitor(\"\")", "Monitor(\"  \")", "Monitor(42)", "Monitor(typeof(int))",
        "Monitor(\"a\" + \"b\")", "Monitor(nameof(Holder))", "Monitor(\"bad name {0}\")", "Monitor(Version = 3)", "Monitor(\"m{0}\", Version = null)",
        "Monitor(\"m{0}\"), Monitor(\"n{0}\")", "Monitor(new string('a', 3))", "Monitor(Holder.Name)", "Monitor(\"x\", Nope = 1)", "Monitor(default)",
        "Monitor((string)null)", "Monitor(\"Kündigung\")", "Monitor(\"m\", \"extra\")", "Monitor(Holder.Long)", "Monitor(\"1st\")", "Monitor(ModelName: \"m{0}\")",
        "Monitor(modelName: null!)", "Monitor(\"m{0}\", Version = \"v\", Version = \"w\")", "MonitorGen.Monitor(\"q{0}\")", "Monitor(\"m{0}\"",
    };

    private static readonly string[] TypeDeclarations =
    {
        "public partial class T{0}", "public class T{0}", "public partial record T{0}", "public partial record struct T{0}", "public partial struct T{0}",
        "internal sealed partial class T{0}", "public partial class T{0}<TValue>", "public static partial class T{0}", "public abstract partial class T{0}",
        "public partial record T{0}(double P0, [DriftTest] string P1, [KpiMetric(\"p\")] int P2)", "public partial record T{0}([DriftTest(DriftMethod.Ks)] bool P0)",
        "public readonly partial record struct T{0}([Expect(Min = 1, Max = 0)] double P0)", "public partial record T{0}()",
        "public partial interface IT{0}", "public partial record T{0}(double)",
    };

    private static readonly string[] WrongTargets =
    {
        "[{0}] public enum E{1} {{ A, B }}", "[{0}] public delegate void D{1}();", "public partial class W{1} {{ [{0}] public void M() {{ }} }}",
        "public partial class W{1} {{ [return: {0}] public int M() => 0; }}", "public partial class W{1} {{ public void M([{0}] int x) {{ }} }}",
        "[assembly: {0}]", "public partial class W{1} {{ [{0}] public event System.Action? E; }}", "public partial class W{1} {{ [{0}] public W{1}() {{ }} }}",
    };

    private static readonly string[] MethodNames =
    {
        "Auto", "Ks", "ChiSquare", "Z", "Wasserstein", "JensenShannon", "Psi", "KlDiv", "Hellinger", "AndersonDarling", "CramerVonMises",
        "MannWhitney", "TTest", "EppsSingleton", "GTest", "FisherExact", "Tvd", "EnergyDistance", "EmpiricalMmd", "Nope",
    };

    private static readonly string[] Doubles =
    {
        "0.05", "0.5", "1", "0", "-1", "-0.0", "2.5", "1e-300", "1e300", "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "double.Epsilon",
        "double.MaxValue", "double.MinValue", "0.0 / 0.0", "1 / 3", "1.0 / 3", "(double)(float)0.1", "default", "\"x\"", "null", "'c'", "true",
        "Holder.Threshold", "1e309", "float.NaN", "(double)DriftMethod.Ks", "5m", "long.MaxValue", "0x7FF8000000000000",
    };

    private static readonly string[] Ints =
    {
        "1", "0", "-1", "100", "int.MaxValue", "int.MinValue", "\"x\"", "1.5", "null", "(int)long.MaxValue", "default", "Holder.Cap", "2", "(byte)3", "10L",
    };

    private static readonly string[] Strings =
    {
        "\"latency\"", "\"dup\"", "\"\"", "null", "\"Bad Name\"", "\"a..b\"", "\"a.\"", "\"order.total_value.v2\"", "nameof(Holder)", "typeof(int)", "3",
        "\"k\" + \"pi\"", "Holder.Name", "\"kpi\\u0000\"", "\"ü\"", "new[] { \"a\" }", "default", "(string)null", "\"x\", \"y\"",
    };

    private static readonly string[] MemberTypes =
    {
        "double", "float", "decimal", "int", "long", "byte", "sbyte", "ushort", "ulong", "bool", "string", "string?", "int?", "double?", "bool?",
        "E2", "E3", "E2?", "EEmpty", "EAlias", "ELong", "object", "System.DateTime", "int[]", "System.Collections.Generic.List<int>", "Missing",
        "dynamic", "(int, int)", "System.Nullable<Missing>", "char", "nint", "System.Half", "System.Guid?", "TValue",
    };

    private static readonly string[] MemberNames = { "A", "B", "Value", "_hidden", "Größe", "@class", "@event", "Dup", "Dup", "X1", "value" };

    private static readonly string[] Targets = { "", "", "", "", "property: ", "field: ", "param: ", "method: ", "return: ", "type: " };

    private readonly Random _random;
    private readonly StringBuilder _text = new();

    public MalformedAttributeSource(int seed) => _random = new Random(seed);

    /// <summary>A whole file: a few monitored types, some attributes on wrong targets, maybe cut short or with a character dropped.</summary>
    public string Next()
    {
        _text.Clear();
        _text.AppendLine("using System;");
        _text.AppendLine("using MonitorGen;");
        _text.AppendLine("public enum E2 { No, Yes }");
        _text.AppendLine("public enum E3 { A, B, C }");
        _text.AppendLine("public enum EEmpty { }");
        _text.AppendLine("public enum EAlias { A = 1, B = 2, C = A }");
        _text.AppendLine("public enum ELong : long { Low = long.MinValue, High = long.MaxValue }");
        _text.AppendLine("public static class Holder { public const string Name = \"holder\"; public const string Long = \"" + new string('l', 300)
                         + "\"; public const double Threshold = double.NaN; public const int Cap = -3; }");
        int types = _random.Next(1, 4);
        for (int t = 0; t < types; t++)
        {
            WriteType(t);
        }

        if (_random.Next(3) == 0)
        {
            _text.AppendLine(string.Format(CultureInfo.InvariantCulture, Pick(WrongTargets), Attribute(), _random.Next(1000)));
        }

        string source = _text.ToString();
        switch (_random.Next(10))
        {
            case 0:
                return source.Substring(0, _random.Next(source.Length));
            case 1:
                return source.Remove(_random.Next(source.Length), 1);
            default:
                return source;
        }
    }

    private void WriteType(int index)
    {
        bool nested = _random.Next(6) == 0;
        if (nested)
        {
            _text.AppendLine(_random.Next(2) == 0 ? "public partial class Outer" + index + " {" : "public class Outer" + index + "<TOuter> {");
        }

        _text.Append('[').Append(Format(Pick(MonitorAttributes), index)).AppendLine("]");
        string declaration = Format(Pick(TypeDeclarations), index);
        _text.AppendLine(declaration);
        if (_random.Next(8) == 0)
        {
            _text.AppendLine(";");
        }
        else
        {
            _text.AppendLine("{");
            int members = _random.Next(0, 7);
            for (int m = 0; m < members; m++)
            {
                WriteMember();
            }

            _text.AppendLine("}");
        }

        if (nested)
        {
            _text.AppendLine("}");
        }
    }

    private void WriteMember()
    {
        int attributes = _random.Next(0, 4);
        for (int a = 0; a < attributes; a++)
        {
            _text.Append('[').Append(Pick(Targets)).Append(Attribute());
            if (_random.Next(4) == 0)
            {
                _text.Append(", ").Append(Attribute());
            }

            _text.Append(']');
        }

        string type = Pick(MemberTypes);
        string name = Pick(MemberNames);
        switch (_random.Next(12))
        {
            case 0: _text.AppendLine($" public {type} {name};"); break;
            case 1: _text.AppendLine($" public {type} {name} {{ set {{ }} }}"); break;
            case 2: _text.AppendLine($" public static {type} {name} {{ get; set; }}"); break;
            case 3: _text.AppendLine($" private {type} {name} {{ get; set; }}"); break;
            case 4: _text.AppendLine($" public {type} this[int i] => default!;"); break;
            case 5: _text.AppendLine($" public {type} {name}() => default!;"); break;
            case 6: _text.AppendLine($" public required {type} {name} {{ get; init; }}"); break;
            case 7: _text.AppendLine($" public {type} {name} => default!;"); break;
            default: _text.AppendLine($" public {type} {name} {{ get; set; }}"); break;
        }
    }

    private string Attribute() => _random.Next(10) switch
    {
        9 => Pick(new[] { "Prediction", "Prediction(Score = \"P0\")", "Prediction(Id = \"P1\", Score = \"Nope\")", "Prediction(Score = null)", "Prediction(Score = 5)", "Prediction(\"x\")", "Prediction(Id = nameof(System.String))" }),
        0 or 1 or 2 => DriftTest(),
        3 or 4 => Expect(),
        5 or 6 => KpiMetric(),
        7 => Pick(new[] { "NotMonitored", "NotMonitored(5)", "NotMonitored(null)", "NotMonitored(\"r\")", "NotMonitored(\"a\", \"b\")", "NotMonitored(reason: typeof(int))" }),
        _ => Format(Pick(MonitorAttributes), _random.Next(100)),
    };

    private string DriftTest()
    {
        var arguments = new StringBuilder();
        switch (_random.Next(12))
        {
            case 0: break;
            case 1: arguments.Append("DriftMethod.").Append(Pick(MethodNames)); break;
            case 2: arguments.Append("(DriftMethod)").Append(Pick(new[] { "999", "(-1)", "int.MaxValue", "19", "18", "long.MaxValue", "1.5", "\"ks\"" })); break;
            case 3: arguments.Append(Pick(new[] { "\"ks\"", "1", "null", "typeof(double)", "DriftMethod.Ks, DriftMethod.Z", "default", "(DriftMethod)Holder.Cap", "method: DriftMethod.Psi" })); break;
            default: arguments.Append("DriftMethod.").Append(Pick(MethodNames, 19)); break;
        }

        int named = _random.Next(0, 4);
        for (int i = 0; i < named; i++)
        {
            string argument = _random.Next(5) switch
            {
                0 or 1 => "Threshold = " + Pick(Doubles),
                2 or 3 => "MaxCategories = " + Pick(Ints),
                _ => Pick(new[] { "Method = DriftMethod.Ks", "Nope = 1", "Threshold: 0.1", "Threshold = ", "= 3" }),
            };
            arguments.Append(arguments.Length == 0 ? "" : ", ").Append(argument);
        }

        return _random.Next(5) == 0 && arguments.Length == 0 ? "DriftTest" : "DriftTest(" + arguments + ")";
    }

    private string Expect() => _random.Next(6) switch
    {
        0 => "Expect",
        1 => "Expect(Min = " + Pick(Doubles) + ")",
        2 => "Expect(Max = " + Pick(Doubles) + ")",
        3 => "Expect(1, 2)",
        _ => "Expect(Min = " + Pick(Doubles) + ", Max = " + Pick(Doubles) + ")",
    };

    private string KpiMetric() => _random.Next(9) switch
    {
        6 => "KpiMetric(" + Pick(Strings) + ", Buckets = new[] { " + Pick(Doubles) + ", " + Pick(Doubles) + " })",
        7 => "KpiMetric(" + Pick(Strings) + ", Target = " + Pick(Doubles) + ", Direction = (KpiDirection)" + _random.Next(-2, 4) + ")",
        8 => "KpiMetric(" + Pick(Strings) + ", Buckets = " + Pick(["null", "new double[0]", "1.0", "new[] { \"x\" }"]) + ")",
        0 => "KpiMetric",
        1 => "KpiMetric(" + Pick(Strings) + ", Unit = " + Pick(Strings) + ")",
        2 => "KpiMetric(Unit = \"s\")",
        3 => "KpiMetric(\"" + new string('k', 230 + _random.Next(20)) + "\")",
        _ => "KpiMetric(" + Pick(Strings) + ")",
    };

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private string Pick(string[] values, int count) => values[_random.Next(Math.Min(count, values.Length))];

    private static string Format(string template, int index) => string.Format(CultureInfo.InvariantCulture, template, index);
}
