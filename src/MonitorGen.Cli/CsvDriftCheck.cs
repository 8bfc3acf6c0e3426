using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.Calibration;
using MonitorGen.Reports;
using MonitorGen.Statistics;
using MonitorGen.Threading;

namespace MonitorGen.Cli;

/// <summary>Reads the two CSV files (streaming), infers column kinds from the reference, and runs the drift tests.</summary>
internal static class CsvDriftCheck
{
    private static int mostColumnsAtOnce;

    /// <summary>The most columns tested at once: one per core.</summary>
    public static int MaxColumnsAtOnce => Environment.ProcessorCount;

    /// <summary>The most columns any analysis of this process has tested at once, for the test of the memory bound.</summary>
    internal static int MostColumnsAtOnce => Volatile.Read(ref mostColumnsAtOnce);

    /// <summary>Runs the whole analysis.</summary>
    /// <exception cref="InputException">Any bad input.</exception>
    public static FileDriftReport Run(DriftOptions options) => Analyze(options, Read(options));

    /// <summary>Reads both files into per-column data.</summary>
    public static CsvColumns Read(DriftOptions options)
    {
        string refPath = options.ReferencePath;
        string curPath = options.CurrentPath;
        CheckFile(refPath);
        CheckFile(curPath);

        string[] refHeader = ReadHeader(refPath);
        string[] curHeader = ReadHeader(curPath);
        List<ColumnData> columns = SelectColumns(options, refHeader, curHeader);

        // psi, kl_div and jensenshannon (named, or chosen by the default rules, which need only n and u) can run on bounded
        // summaries: a first pass collects count, min, max and up to 21 distinct values per column, the second fills Sturges bins.
        bool twoPasses = options.Method is DriftMethod.Auto or DriftMethod.Psi or DriftMethod.KlDiv or DriftMethod.JensenShannon;
        ReadPass first = twoPasses ? ReadPass.Summaries : ReadPass.Values;
        if (twoPasses)
        {
            foreach (ColumnData c in columns)
            {
                c.StartSummaries();
            }
        }

        // Pass 1 over the reference infers the kinds, and the current file follows them. Both are read at once, one per core,
        // with the current file read as if every column were numerical; a guess proved wrong (a column turned categorical, or
        // a non-number in the current file) reads the current file again once the kinds are known.
        FileRows current;
        bool guessed = columns.All(c => c.Numerical);
        Task<FileRows?> guess = guessed
            ? Task.Run(() => ReadCurrentGuessingNumerical(curPath, curHeader, columns, first))
            : Task.FromResult<FileRows?>(null);
        try
        {
            ReadReference(refPath, refHeader, columns, first);
        }
        finally
        {
            // The guess never outlives the reference's read: an error of the reference is the one reported, as before.
            WaitForEnd(guess);
        }

        if (guess.GetAwaiter().GetResult() is FileRows read && columns.All(c => c.Numerical))
        {
            current = read;
        }
        else
        {
            foreach (ColumnData c in columns)
            {
                c.ResetCurrent();
            }

            current = ReadFile(curPath, curHeader, columns, reference: false, rereadOnly: false, first);
        }

        CheckNotEmpty(options, columns);
        if (twoPasses)
        {
            foreach (ColumnData c in columns.Where(c => c.Numerical))
            {
                c.MakePlan(options.Method);
            }

            if (columns.Any(c => c.NeedsSecondPass))
            {
                // The second pass touches each file's own counts and values only: the two files are read at once.
                Task second = Task.Run(() => ReadFile(curPath, curHeader, columns, reference: false, rereadOnly: false, ReadPass.Second));
                try
                {
                    ReadFile(refPath, refHeader, columns, reference: true, rereadOnly: false, ReadPass.Second);
                }
                finally
                {
                    WaitForEnd(second);
                }

                second.GetAwaiter().GetResult();
            }
        }

        return new CsvColumns(columns, current.Rows, current.RowsWithIssues);
    }

    // The current file's first pass while the reference is still inferring the kinds: null when a non-number shows that
    // the guess (every column numerical) was wrong. It touches only the current file's side of each column.
    private static FileRows? ReadCurrentGuessingNumerical(string path, string[] header, List<ColumnData> columns, ReadPass pass)
    {
        try
        {
            return ReadFile(path, header, columns, reference: false, rereadOnly: false, pass, guessNumerical: true);
        }
        catch (GuessFailed)
        {
            return null;
        }
    }

    private static void ReadReference(string refPath, string[] refHeader, List<ColumnData> columns, ReadPass first)
    {
        ReadFile(refPath, refHeader, columns, reference: true, rereadOnly: false, first);
        if (columns.Any(c => c.NeedsReferenceReread))
        {
            // A column turned categorical after numbers were kept as doubles: count its categories from the start.
            foreach (ColumnData c in columns.Where(c => c.NeedsReferenceReread))
            {
                c.ResetReference();
                c.ReferenceIndex = ~c.ReferenceIndex; // marks the columns to reread
            }

            ReadFile(refPath, refHeader, columns, reference: true, rereadOnly: true, first);
            foreach (ColumnData c in columns.Where(c => c.ReferenceIndex < 0))
            {
                c.ReferenceIndex = ~c.ReferenceIndex;
            }
        }
    }

    private static void CheckNotEmpty(DriftOptions options, List<ColumnData> columns)
    {
        string refPath = options.ReferencePath;
        string curPath = options.CurrentPath;
        foreach (ColumnData c in columns)
        {
            if (c.ReferenceCount == 0)
            {
                throw InputException.At(refPath, 1, c.Name, "the column is empty (no non-missing values)");
            }

            if (c.CurrentCount == 0)
            {
                throw InputException.At(curPath, 1, c.Name, "the column is empty (no non-missing values)");
            }
        }
    }

    /// <summary>Runs the tests on data that has been read.</summary>
    public static FileDriftReport Analyze(DriftOptions options, CsvColumns data)
    {
        List<ColumnData> columns = data.Columns;
        // The columns are independent: test them concurrently (the statistics of a 10^6-row column take ~0.1 s). The first error in
        // column order is the one reported, so the message does not depend on scheduling.
        var results = new FeatureDriftResult?[columns.Count];
        var errors = new Exception?[columns.Count];
        // At most one column per core at once: a rank test's sorted copies and scratch are 16-24 bytes per value of both
        // files, so the peak is that times the cores, not times the columns (docs/cli.md, "Memory").
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxColumnsAtOnce };
        int running = 0;
        Parallel.For(0, columns.Count, parallel, i =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax.Raise(ref mostColumnsAtOnce, now);
            try
            {
                (DriftOutcome outcome, DriftDecision decision) = Test(options, columns[i], i);
                results[i] = Result(columns[i], outcome, decision, options.Distributions ? ColumnDistribution.Of(columns[i]) : null);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is Exception error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        // The monitor's correction: calibrated decisions on their calibrated p-values (distances included), fixed ones on the
        // methods' p-values, each re-judged by its own rule.
        FeatureDriftResult[] features = results.Select(r => r!).ToArray();
        CorrectionApplier.Apply(features, options.Correction);
        // A file comparison has no alarm level over a run of checks: a feature alarms when it drifts.
        foreach (FeatureDriftResult feature in features)
        {
            feature.Alarmed = feature.Drifted;
        }

        int drifted = features.Count(f => f.Drifted);
        bool calibrated = options.Thresholds == ThresholdMode.Calibrated && options.Threshold is null;
        var report = new DriftReport
        {
            Model = Path.GetFileName(options.CurrentPath),
            CheckedAt = DateTimeOffset.UtcNow,
            Rows = data.CurrentRows,
            RowsWithIssues = data.CurrentRowsWithIssues,
            Features = features,
            Correction = options.Correction,
            TestedFeatures = features.Length,
            DriftedFeatures = drifted,
            DriftShareThreshold = options.DriftShare,
            Thresholds = calibrated ? ThresholdMode.Calibrated : ThresholdMode.Fixed,
            Alpha = calibrated ? options.Alpha : null,
            AlarmedFeatures = drifted,
        };
        return new FileDriftReport(options.ReferencePath, options.CurrentPath, report, columns.Select(c => c.MissingReference).ToArray(),
            columns.Select(c => c.NonFiniteReference).ToArray());
    }

    // A column's result as the monitor reports a feature: the CLI reads whole files, so every result is exact and its
    // effect is never held back.
    private static FeatureDriftResult Result(ColumnData c, DriftOutcome o, DriftDecision d, FeatureDistribution? distribution) => new()
    {
        Feature = c.Name,
        Kind = c.Numerical ? FeatureKind.Numerical : FeatureKind.Categorical,
        Method = DriftMethodCatalog.IdOf(o.Method),
        Tested = true,
        Statistic = Finite(o.Statistic),
        PValue = o.PValue,
        Score = o.Score,
        Threshold = d.Threshold,
        ThresholdMode = d.Mode,
        Alpha = d.Alpha,
        CalibratedPValue = d.CalibratedPValue,
        Effect = d.Effect is double e ? Finite(e) : null,
        DecisionEffect = d.Effect ?? double.NaN,
        EffectMeasure = d.EffectMeasure,
        EffectFloor = d.Floor,
        Drifted = d.Drifted,
        Exact = true,
        ReferenceCount = c.ReferenceCount,
        CurrentCount = c.CurrentCount,
        Missing = c.MissingCurrent,
        NonFinite = c.NonFiniteCurrent,
        Distribution = distribution,
        Note = d.Note,
    };

    private static (DriftOutcome Outcome, DriftDecision Decision) Test(DriftOptions options, ColumnData c, int column)
    {
        DriftMethod method = c.PlannedMethod ?? options.Method;
        if (method == DriftMethod.Auto)
        {
            method = DefaultMethodSelector.Select(c.Numerical, c.ReferenceCount, c.DistinctCount(6));
        }

        string id = DriftMethodCatalog.IdOf(method);
        try
        {
            DriftOutcome outcome;
            if (c.Numerical && c.Plan != ColumnPlan.RawValues)
            {
                outcome = DriftStatistics.Binned(method, c.ReferenceBins, c.CurrentBins);
            }
            else if (c.Numerical)
            {
                outcome = DriftStatistics.Numerical(method, c.ReferenceValues.Span, c.CurrentValues.Span);
            }
            else
            {
                outcome = Categorical(options, c, method, id);
            }

            return (outcome, ColumnCalibration.Decide(options, c, column, method, outcome));
        }
        catch (ArgumentException e)
        {
            throw InputException.At(null, 0, c.Name, $"{id} cannot run on these data: {OneLine(e.Message)}");
        }
    }

    private static DriftOutcome Categorical(DriftOptions options, ColumnData c, DriftMethod method, string id)
    {
        if (!DriftMethodCatalog.SupportsCategorical(method))
        {
            throw InputException.At(options.ReferencePath, 0, c.Name,
                $"method {id} needs numerical data but the column is categorical (use chisquare, z, g_test, fisher_exact, TVD, jensenshannon, psi, kl_div or hellinger)");
        }

        (double[] r, double[] cur) = c.AlignedCounts();
        return DriftStatistics.Counts(method, r, cur);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string OneLine(string message)
    {
        // ArgumentException appends " (Parameter 'x')"; keep the sentence.
        int p = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        string m = p >= 0 ? message[..p] : message;
        return m.ReplaceLineEndings(" ");
    }

    private static void CheckFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw InputException.At(path, 0, null, "is a directory, not a CSV file");
        }

        if (!File.Exists(path))
        {
            throw InputException.At(path, 0, null, "file not found");
        }
    }

    private static string[] ReadHeader(string path)
    {
        using CsvReader csv = OpenCsv(path);
        if (!csv.Read())
        {
            throw InputException.At(path, 1, null, "the file is empty (a header line with the column names is needed)");
        }

        var names = new string[csv.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = csv.Field(i).Trim().ToString();
            if (names[i].Length == 0)
            {
                throw InputException.At(path, csv.RecordLine, $"#{i + 1}", "the header has an empty column name");
            }

            if (!seen.Add(names[i]))
            {
                throw InputException.At(path, csv.RecordLine, names[i], "the column name appears twice in the header");
            }
        }

        return names;
    }

    private static List<ColumnData> SelectColumns(DriftOptions options, string[] refHeader, string[] curHeader)
    {
        IReadOnlyList<string> names = options.Columns ?? refHeader;
        var duplicates = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicates is not null)
        {
            throw new InputException($"--columns: column '{duplicates.Key}' is listed twice");
        }

        foreach (string n in options.Categorical.Concat(options.Numerical))
        {
            if (!names.Contains(n, StringComparer.Ordinal))
            {
                throw Array.IndexOf(refHeader, n) < 0
                    ? InputException.At(options.ReferencePath, 1, n, "no such column in the header (named in --categorical/--numerical)")
                    : new InputException($"column '{n}' is named in --categorical/--numerical but not in --columns");
            }
        }

        foreach (string n in options.ColumnAlpha.Keys.Where(n => !names.Contains(n, StringComparer.Ordinal)))
        {
            throw Array.IndexOf(refHeader, n) < 0
                ? InputException.At(options.ReferencePath, 1, n, "no such column in the header (named in --column-alpha)")
                : new InputException($"column '{n}' is named in --column-alpha but not in --columns");
        }

        var both = options.Categorical.Intersect(options.Numerical, StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
        {
            throw new InputException($"column '{both}' is named in both --categorical and --numerical");
        }

        var columns = new List<ColumnData>(names.Count);
        foreach (string name in names)
        {
            ForcedKind forced = options.Categorical.Contains(name, StringComparer.Ordinal) ? ForcedKind.Categorical
                : options.Numerical.Contains(name, StringComparer.Ordinal) ? ForcedKind.Numerical : ForcedKind.None;
            var c = new ColumnData(name, forced)
            {
                ReferenceIndex = Array.IndexOf(refHeader, name),
                CurrentIndex = Array.IndexOf(curHeader, name),
            };
            if (c.ReferenceIndex < 0)
            {
                throw InputException.At(options.ReferencePath, 1, name, "no such column in the header");
            }

            if (c.CurrentIndex < 0)
            {
                throw InputException.At(options.CurrentPath, 1, name, "no such column in the header");
            }

            columns.Add(c);
        }

        if (columns.Count == 0)
        {
            throw new InputException("no columns to compare");
        }

        return columns;
    }

    private static CsvReader OpenCsv(string path)
    {
        try
        {
            return CsvReader.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputException.At(path, 0, null, $"cannot open the file: {e.Message}");
        }
    }

    // Returns the data rows read and those with a missing or non-finite value in a compared column.
    private static FileRows ReadFile(string path, string[] header, List<ColumnData> columns, bool reference, bool rereadOnly, ReadPass pass,
        bool guessNumerical = false)
    {
        long rows = 0, rowsWithIssues = 0;
        using CsvReader csv = OpenCsv(path);
        csv.ColumnNameOf = i => i < header.Length ? header[i] : $"#{i + 1}";
        try
        {
            csv.Read(); // the header
            csv.EmptyLineIsRecord = header.Length == 1;
            ColumnData[] active = rereadOnly ? columns.Where(c => c.ReferenceIndex < 0).ToArray()
                : pass == ReadPass.Second ? columns.Where(c => c.NeedsSecondPass).ToArray()
                : columns.ToArray();
            int[] indices = active.Select(c => rereadOnly ? ~c.ReferenceIndex : reference ? c.ReferenceIndex : c.CurrentIndex).ToArray();
            while (csv.Read())
            {
                if (csv.FieldCount != header.Length)
                {
                    string column = csv.FieldCount < header.Length ? header[csv.FieldCount] : $"#{csv.FieldCount}";
                    throw InputException.At(path, csv.RecordLine, column,
                        $"the row has {csv.FieldCount} fields but the header has {header.Length}");
                }

                rows++;
                bool issue = false;
                for (int k = 0; k < active.Length; k++)
                {
                    ColumnData c = active[k];
                    ReadOnlySpan<char> field = csv.Field(indices[k]);
                    if (ColumnData.IsMissing(field))
                    {
                        issue = true;
                        if (pass == ReadPass.Second)
                        {
                            continue; // counted in the first pass
                        }

                        if (reference)
                        {
                            c.MissingReference++;
                        }
                        else
                        {
                            c.MissingCurrent++;
                        }

                        continue;
                    }

                    if ((guessNumerical || c.Numerical) && !rereadOnly)
                    {
                        if (ColumnData.TryParseNumber(field, out double v))
                        {
                            if (pass == ReadPass.Values)
                            {
                                Keep(reference ? c.ReferenceValues : c.CurrentValues, v, path, csv.RecordLine, c);
                            }
                            else if (pass == ReadPass.Summaries)
                            {
                                (reference ? c.ReferenceSummary! : c.CurrentSummary!).Add(v);
                            }
                            else if (c.Plan == ColumnPlan.Histogram)
                            {
                                c.AddToHistogram(v, reference);
                            }
                            else
                            {
                                Keep(reference ? c.ReferenceValues : c.CurrentValues, v, path, csv.RecordLine, c);
                            }

                            continue;
                        }

                        if (ColumnData.IsNonFinite(field))
                        {
                            if (pass != ReadPass.Second)
                            {
                                issue = true; // a data-quality issue of the row, as a monitor counts it
                                _ = reference ? c.NonFiniteReference++ : c.NonFiniteCurrent++;
                            }

                            continue;
                        }

                        if (pass == ReadPass.Second)
                        {
                            throw InputException.At(path, csv.RecordLine, c.Name, "the file changed while it was read (a number became text)");
                        }

                        if (guessNumerical)
                        {
                            throw new GuessFailed();
                        }

                        if (!reference || c.Forced == ForcedKind.Numerical)
                        {
                            string why = c.Forced == ForcedKind.Numerical ? "named in --numerical" : "inferred numerical from the reference file";
                            throw InputException.At(path, csv.RecordLine, c.Name,
                                $"'{Shorten(field)}' is not a number, but the column is numerical ({why}); use --categorical {c.Name} to compare it as categories");
                        }

                        c.BecomeCategorical();
                        if (c.NeedsReferenceReread)
                        {
                            continue; // it will be counted from the start in the second read
                        }
                    }

                    c.CountCategory(field, reference);
                }

                if (issue)
                {
                    rowsWithIssues++;
                }
            }
        }
        catch (IOException e)
        {
            throw InputException.At(path, csv.RecordLine, null, $"read error: {e.Message}");
        }

        return new FileRows(rows, rowsWithIssues);
    }

    private readonly record struct FileRows(long Rows, long RowsWithIssues);

    // Waits for a task however it ends; its outcome is read afterwards, or not at all when an error of the caller wins.
    private static void WaitForEnd(Task task) =>
        task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Wait();

    // A non-number in the current file while the kinds were guessed: the file is read again with the reference's kinds.
    private sealed class GuessFailed : Exception;

    private static void Keep(DoubleList values, double value, string path, long line, ColumnData column)
    {
        if (values.IsFull)
        {
            throw InputException.At(path, line, column.Name,
                $"more than {values.MaxCount:N0} values: the tests that compare raw values keep each one in memory, and no array holds more; " +
                "psi, kl_div and jensenshannon stream a numerical column in bounded memory (--method)");
        }

        values.Add(value);
    }

    private static string Shorten(ReadOnlySpan<char> field)
    {
        string s = field.ToString().ReplaceLineEndings(" ");
        return s.Length > 40 ? s[..40] + "…" : s;
    }
}
