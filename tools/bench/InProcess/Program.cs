using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonitorGen;
using MonitorGen.Statistics;

// usage: InProcess REF.csv CUR.csv METHOD [REPEATS] [parallel]
// Loads the numeric columns (not timed), warms up once, then prints the best of REPEATS compute-only times of
// DriftStatistics.Numerical over every column, with the scores, as one JSON line. With "parallel" the columns are computed
// concurrently (Parallel.For, as the CLI does); otherwise one after the other on one thread.
string refPath = args[0];
string curPath = args[1];
if (!DriftStatistics.TryParseMethod(args[2], out DriftMethod method))
{
    Console.Error.WriteLine($"unknown method {args[2]}");
    return 2;
}

int repeats = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
bool parallel = args.Length > 4 && args[4] == "parallel";
(string[] names, double[][] reference) = Load(refPath);
(_, double[][] current) = Load(curPath);

double[] scores = new double[names.Length];
double best = double.MaxValue;
for (int r = 0; r <= repeats; r++)
{
    var sw = Stopwatch.StartNew();
    if (parallel)
    {
        Parallel.For(0, names.Length, i => scores[i] = DriftStatistics.Numerical(method, reference[i], current[i]).Score);
    }
    else
    {
        for (int i = 0; i < names.Length; i++)
        {
            scores[i] = DriftStatistics.Numerical(method, reference[i], current[i]).Score;
        }
    }

    sw.Stop();
    if (r > 0)
    {
        best = Math.Min(best, sw.Elapsed.TotalSeconds); // r = 0 is the warm-up (JIT)
    }
}

string scoreJson = string.Join(", ", names.Select((n, i) => $"\"{n}\": {scores[i].ToString("R", CultureInfo.InvariantCulture)}"));
Console.WriteLine($"{{\"method\": \"{args[2]}\", \"parallel\": {(parallel ? "true" : "false")}, \"scores\": {{{scoreJson}}}, \"compute_seconds\": {best.ToString("R", CultureInfo.InvariantCulture)}}}");
return 0;

static (string[] Names, double[][] Columns) Load(string path)
{
    using var reader = new StreamReader(path);
    string[] names = reader.ReadLine()!.Split(',');
    var columns = names.Select(_ => new List<double>()).ToArray();
    string? line;
    while ((line = reader.ReadLine()) is not null)
    {
        string[] fields = line.Split(',');
        for (int i = 0; i < names.Length; i++)
        {
            columns[i].Add(double.Parse(fields[i], CultureInfo.InvariantCulture));
        }
    }

    return (names, columns.Select(c => c.ToArray()).ToArray());
}
