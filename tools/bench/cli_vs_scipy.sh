#!/usr/bin/env bash
# monitorgen drift (Release, `dotnet MonitorGen.Cli.dll`) vs pandas + SciPy on two CSV files of ROWS rows x 3 numeric columns.
# End to end: the whole process, start-up included, best of RUNS. In-process: the statistics only on data already in memory,
# best of RUNS after a warm-up (tools/bench/InProcess vs scipy_drift.py's compute_seconds).
# usage: tools/bench/cli_vs_scipy.sh [ROWS] [RUNS]      needs: apt-get install -y --no-install-recommends python3-pandas python3-scipy python3-numpy
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
RUNS="${2:-3}"
PY=/usr/bin/python3
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT

dotnet build -c Release src/MonitorGen.Cli -v q -nologo >/dev/null
dotnet build -c Release tools/bench/InProcess -v q -nologo >/dev/null
CLI=src/MonitorGen.Cli/bin/Release/net10.0/MonitorGen.Cli.dll
INPROC=tools/bench/InProcess/bin/Release/net10.0/InProcess.dll

"$PY" tools/bench/gen_data.py "$DATA" "$ROWS"
REF="$DATA/reference.csv"
CUR="$DATA/current.csv"

best_of() { # runs "$@" RUNS times, prints the best wall time in seconds
    local best=""
    for _ in $(seq "$RUNS"); do
        local s e t
        s=$(date +%s.%N)
        "$@" >/dev/null
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf '%.3f' "$best"
}

compute_of() { "$@" | "$PY" -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["compute_seconds"])'; }

echo "| method | monitorgen end to end (s) | pandas + SciPy end to end (s) | ratio | C# in-process compute (s) | SciPy compute (s) | ratio |"
echo "|---|---|---|---|---|---|---|"
for m in ks wasserstein psi; do
    cli=$(best_of dotnet "$CLI" drift --reference "$REF" --current "$CUR" --method "$m" --format json)
    py=$(best_of "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m")
    cs_compute=$(compute_of dotnet "$INPROC" "$REF" "$CUR" "$m" "$RUNS")
    py_compute=$(compute_of "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m" "$RUNS")
    printf '| %s | %s | %s | %.2fx | %s | %s | %.2fx |\n' "$m" "$cli" "$py" "$(echo "$py / $cli" | bc -l)" \
        "$cs_compute" "$py_compute" "$(echo "$py_compute / $cs_compute" | bc -l)"
done
echo
echo "Scores (monitorgen / SciPy), to check that both computed the same definitions:"
for m in ks wasserstein psi; do
    dotnet "$CLI" drift --reference "$REF" --current "$CUR" --method "$m" --format json \
        | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print("monitorgen", r["features"][0]["method"], {f["name"]: f["score"] for f in r["features"]})'
    "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m" | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print("scipy     ", r["method"], r["scores"])'
done
