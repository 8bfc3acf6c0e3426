#!/bin/bash
# Builds the project that `--write-project <dir>` wrote, three times, and prints the compiler's own figures
# (-p:ReportAnalyzer=true): the Csc task time and the MonitorGen generator and analyzer times. docs/benchmarks/compile-cost.md
# usage: measure-build.sh <dir> <label> [extra msbuild args...]
set -u
cd "$1"; shift
label=$1; shift
for run in 1 2 3; do
  echo "// edit $run" >> Service.cs   # a change, so that CoreCompile runs
  dotnet build -c Release --no-restore -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary "$@" > build.log 2>&1
  # "N ms Csc M calls": M > 1 when a referenced project was rebuilt too (after a change of global properties); such a run
  # is not comparable, so the script runs each configuration three times.
  csc=$(grep -E "^\s+[0-9]+ ms\s+Csc " build.log | awk '{print $1 "ms/" $4 "calls"}')
  gen=$(grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+MonitorGen.Generators.MonitorGenerator" build.log | awk '{print $1}')
  ana=$(grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+MonitorGen.Analyzers, Version" build.log | awk '{print $1}' | tail -1)
  prof=$(grep -E "ReferenceProfileAnalyzer \(MG0009\)" build.log | awk '{print $1}')
  onnx=$(grep -E "OnnxInputAnalyzer \(MG0010\)" build.log | awk '{print $1}')
  allana=$(grep -E "Total analyzer execution time" build.log | grep -oE "[0-9]+\.[0-9]+" | tail -1)
  allgen=$(grep -E "Total generator execution time" build.log | grep -oE "[0-9]+\.[0-9]+" | tail -1)
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$label run$run csc=$csc monitorgen_generator_s=$gen monitorgen_analyzers_s=$ana mg0009_s=$prof mg0010_s=$onnx all_analyzers_s=$allana all_generators_s=$allgen load=$load"
done
