#!/usr/bin/env bash
# Runs the null-simulation suite (FalseAlarmTests, CategoricalFalseAlarmTests) and writes its figures to
# docs/benchmarks/false-alarms.md: per method, data shape and reference size, the share of 1,000 drift-free windows that
# drifted under calibrated thresholds (alpha 0.05) and, beside it, under Evidently's fixed ones.
# CI runs the same suite on windows of 10, 30 and 100 rows; this adds 1,000 and 10,000, and empirical_mmd (about 30 minutes on 2 cores).
# Usage: tools/bench/false_alarms_table.sh [existing.tsv]   (a TSV from an earlier run skips the run)
set -euo pipefail
cd "$(dirname "$0")/../.."
tsv="${1:-}"
if [[ -z "$tsv" ]]; then
  tsv="$(mktemp)"
  MONITORGEN_FULL_FALSE_ALARM_GRID=1 MONITORGEN_FALSE_ALARM_LOG="$tsv" dotnet test tests/MonitorGen.Tests -c Release --filter "FullyQualifiedName~FalseAlarmTests" >/dev/null || true
fi
out=docs/benchmarks/false-alarms.md
{
  echo "# False alarms on drift-free windows"
  echo
  echo "Made by \`tools/bench/false_alarms_table.sh\` from the null-simulation suite (\`tests/MonitorGen.Tests/Calibration\`),"
  echo "which CI runs. Each cell: 1,000 drift-free windows (40 references × 25 windows, 250 × 4 where n_cur ≥ n_ref; each reference fitted into a profile"
  echo "with its null, each window observed row by row through the monitor and checked). **cal** is the share that drifted"
  echo "under calibrated thresholds (α = 0.05; the claim: at most α + 3·sqrt(α(1 − α)/1000) = 7.07 %), **fixed** the share"
  echo "under Evidently's fixed thresholds on the same windows (the score against 0.05 or 0.1, no floor)."
  echo
  echo "Shapes: \`Continuous\` standard normal; \`HeavyTailedTies\` Student t (3 df) rounded to halves; \`RareCategories\` seven"
  echo "strings, the rarest at 0.5 %; \`CategoricalNumber\` a rating 1–5 marked \`Categorical\`; \`Binary\` two values (z and"
  echo "fisher_exact only). empirical_mmd's permutation p-value costs O((n + m)²) per permutation, 1,000 permutations a"
  echo "window, and the monitor refuses it beyond 2,000 pooled values (\`MaximumMeanDiscrepancy.MaxPooledSize\`): where its"
  echo "whole samples would pool more than 300 values it is tested on reservoir samples of 100, reference and window (the"
  echo "\`SampleSize\` options). Other windows of 10,000 rows are tested on the monitor's reservoir"
  echo "sample of 2,048 (rank and sample methods) or on all their counts (binned and categorical methods)."
  echo
  echo "| method | shape | n_ref | n_cur 10 cal / fixed | 30 | 100 | 1,000 | 10,000 |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  sort -t$'\t' -k1,1 -k2,2 -k3,3n -k4,4n "$tsv" | awk -F'\t' '
    function flush() { if (key != "") printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", m, s, r, c[10], c[30], c[100], c[1000], c[10000] }
    {
      k = $1 FS $2 FS $3
      if (k != key) { flush(); key = k; m = $1; s = $2; r = $3; delete c; c[10] = c[30] = c[100] = c[1000] = c[10000] = "" }
      cal = $6 * 100; fix = $7 * 100
      mark = ($6 > 0.0707) ? " ✗" : ""
      c[$4] = sprintf("%.1f%s / %.1f", cal, mark, fix)
    }
    END { flush() }'
  echo
  awk -F'\t' '
    $6 > max { max = $6; worst = sprintf("%.1f %% (%s, %s, n_ref %s, n_cur %s)", $6 * 100, $1, $2, $3, $4) }
    $6 > 0.0707 { fails++ }
    $7 > 0.0707 { fixedFails++ }
    END { printf "Cells: %d; above the bound: %d calibrated, %d fixed. Highest calibrated rate: %s.\n", NR, fails, fixedFails, worst }' "$tsv"
} > "$out"
echo "wrote $out"
