using System;
using System.Collections.Generic;
using System.Linq;

namespace MonitorGen.Labels;

/// <summary>
/// What labeling functions did on the rows they saw, with Snorkel's <c>LFAnalysis</c> definitions, counted row by row
/// off the hot path in memory that grows with the functions and the classes, never with the rows.
/// </summary>
/// <remarks>
/// A row's votes are one class code per function, or <see cref="Abstain"/>. Per function: its polarity (the classes it
/// gave), coverage (the share of rows it labels), overlaps (the share of rows it labels that another function labels too)
/// and conflicts (the share of rows it labels on which the functions that label disagree, as Snorkel counts them: the
/// row's labels are not all one, whichever side this function is on); and, on rows with a gold label (natural or hand),
/// correct, incorrect and the empirical accuracy, correct ÷ (correct + incorrect). A function that labels no gold row has
/// an accuracy of 0, as Snorkel's <c>nan_to_num</c> gives. The same for the whole set: label coverage, overlap, conflict.
/// </remarks>
internal sealed class LabelingFunctionStatistics
{
    /// <summary>The vote of a function that does not label the row.</summary>
    public const int Abstain = -1;

    private readonly long[] _covered, _overlapped, _conflicted, _correct, _incorrect;
    private readonly SortedSet<int>[] _polarity;
    private long _rows, _anyCovered, _anyOverlapped, _anyConflicted;

    public LabelingFunctionStatistics(IReadOnlyList<string> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        if (functions.Count == 0)
        {
            throw new ArgumentException("At least one labeling function is needed.", nameof(functions));
        }

        Functions = functions.ToArray();
        _covered = new long[Functions.Count];
        _overlapped = new long[Functions.Count];
        _conflicted = new long[Functions.Count];
        _correct = new long[Functions.Count];
        _incorrect = new long[Functions.Count];
        _polarity = Functions.Select(_ => new SortedSet<int>()).ToArray();
    }

    /// <summary>The functions' names, in vote order.</summary>
    public IReadOnlyList<string> Functions { get; }

    /// <summary>The rows counted.</summary>
    public long Rows => _rows;

    /// <summary>Counts one row's votes, and its gold label's code when it has one.</summary>
    /// <exception cref="ArgumentException">The votes are not one per function, or a code is below <see cref="Abstain"/>.</exception>
    public void Add(ReadOnlySpan<int> votes, int? gold = null)
    {
        if (votes.Length != Functions.Count)
        {
            throw new ArgumentException($"A row has one vote per labeling function ({Functions.Count}), not {votes.Length}.", nameof(votes));
        }

        int labelled = 0, first = Abstain;
        bool conflict = false;
        foreach (int vote in votes)
        {
            if (vote < Abstain)
            {
                throw new ArgumentException($"{vote} is neither a class code nor {Abstain} (abstain).", nameof(votes));
            }

            if (vote != Abstain)
            {
                conflict |= labelled > 0 && vote != first;
                first = labelled == 0 ? vote : first;
                labelled++;
            }
        }

        _rows++;
        _anyCovered += labelled > 0 ? 1 : 0;
        _anyOverlapped += labelled > 1 ? 1 : 0;
        _anyConflicted += conflict ? 1 : 0;
        for (int j = 0; j < votes.Length; j++)
        {
            if (votes[j] == Abstain)
            {
                continue;
            }

            _covered[j]++;
            _overlapped[j] += labelled > 1 ? 1 : 0;
            _conflicted[j] += conflict ? 1 : 0;
            _polarity[j].Add(votes[j]);
            if (gold is { } g)
            {
                (votes[j] == g ? _correct : _incorrect)[j]++;
            }
        }
    }

    /// <summary>Judges one row's votes, counted before by <see cref="Add"/> without a gold label, against the gold label
    /// that arrived since: the functions that labelled it are correct or incorrect, as <see cref="Add"/> would have counted.</summary>
    public void AddGold(ReadOnlySpan<int> votes, int gold)
    {
        if (votes.Length != Functions.Count)
        {
            throw new ArgumentException($"A row has one vote per labeling function ({Functions.Count}), not {votes.Length}.", nameof(votes));
        }

        for (int j = 0; j < votes.Length; j++)
        {
            if (votes[j] != Abstain)
            {
                (votes[j] == gold ? _correct : _incorrect)[j]++;
            }
        }
    }

    public double LabelCoverage => Share(_anyCovered);

    public double LabelOverlap => Share(_anyOverlapped);

    public double LabelConflict => Share(_anyConflicted);

    public IReadOnlyList<int> Polarity(int function) => _polarity[function].ToArray();

    public double Coverage(int function) => Share(_covered[function]);

    public double Overlaps(int function) => Share(_overlapped[function]);

    public double Conflicts(int function) => Share(_conflicted[function]);

    public long Correct(int function) => _correct[function];

    public long Incorrect(int function) => _incorrect[function];

    public double EmpiricalAccuracy(int function) =>
        _correct[function] + _incorrect[function] == 0 ? 0 : (double)_correct[function] / (_correct[function] + _incorrect[function]);

    private double Share(long count) => _rows == 0 ? 0 : (double)count / _rows;
}
