#!/usr/bin/env bash
# monitorgen drift vs pandas + SciPy on two CSV files of ROWS rows x 3 numeric columns, in two builds of the tool: the
# .NET tool (Release, `dotnet MonitorGen.Cli.dll`, as `dotnet tool install` runs it) and the Native AOT one
# (`dotnet publish src/MonitorGen.Cli -c Release -r linux-x64 -p:MonitorGenNative=true`), each with the default calibrated
# thresholds and with --thresholds fixed (the same work as the SciPy script: the statistic and a fixed threshold).
# End to end: the whole process, start-up included, best of RUNS, and its peak resident memory (/usr/bin/time %M).
# In-process: the statistics only on data already in memory, best of RUNS after a warm-up (tools/bench/InProcess vs
# scipy_drift.py's compute_seconds).
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
NATIVE_DIR="$DATA/native"
dotnet publish src/MonitorGen.Cli -c Release -r linux-x64 -p:MonitorGenNative=true -o "$NATIVE_DIR" -v q -nologo >/dev/null
CLI=src/MonitorGen.Cli/bin/Release/net10.0/MonitorGen.Cli.dll
NATIVE="$NATIVE_DIR/MonitorGen.Cli"
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

peak_of() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; } # peak resident memory, KB

echo "| method | tool | thresholds | monitorgen end to end (s) | peak (MB) | pandas + SciPy end to end (s) | peak (MB) | ratio |"
echo "|---|---|---|---:|---:|---:|---:|---:|"
for m in ks wasserstein psi; do
    py=$(best_of "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m")
    py_peak=$(peak_of "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m")
    for tool in dotnet native; do
        for t in calibrated fixed; do
            if [ "$tool" = dotnet ]; then run=(dotnet "$CLI"); else run=("$NATIVE"); fi
            args=(drift --reference "$REF" --current "$CUR" --method "$m" --thresholds "$t" --format json)
            cli=$(best_of "${run[@]}" "${args[@]}")
            peak=$(peak_of "${run[@]}" "${args[@]}")
            printf '| %s | %s | %s | %s | %.0f | %s | %.0f | %.2fx |\n' "$m" "$tool" "$t" "$cli" "$(echo "$peak / 1024" | bc -l)" "$py" \
                "$(echo "$py_peak / 1024" | bc -l)" "$(echo "$py / $cli" | bc -l)"
        done
    done
done
echo
echo "| method | C# in-process compute (s) | SciPy compute (s) | ratio |"
echo "|---|---:|---:|---:|"
for m in ks wasserstein psi; do
    cs_compute=$(compute_of dotnet "$INPROC" "$REF" "$CUR" "$m" "$RUNS")
    py_compute=$(compute_of "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m" "$RUNS")
    printf '| %s | %s | %s | %.2fx |\n' "$m" "$cs_compute" "$py_compute" "$(echo "$py_compute / $cs_compute" | bc -l)"
done
echo
echo "Scores (monitorgen / SciPy), to check that both computed the same definitions:"
for m in ks wasserstein psi; do
    "$NATIVE" drift --reference "$REF" --current "$CUR" --method "$m" --format json \
        | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print("monitorgen", r["features"][0]["method"], {f["name"]: f["score"] for f in r["features"]})'
    "$PY" tools/bench/scipy_drift.py "$REF" "$CUR" "$m" | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print("scipy     ", r["method"], r["scores"])'
done
