#!/usr/bin/env python3
"""pandas + SciPy computing the definitions of DRIFT-METHODS.md for one method on every column of two CSV files.

usage: scipy_drift.py REF.csv CUR.csv METHOD [REPEATS]   (METHOD: ks | wasserstein | psi)
Prints one JSON line: the scores per column and compute_seconds, the best of REPEATS (default 1) timings of the
statistics only (after read_csv).
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats


def zero_fill(p):
    p = p.copy()
    mn = p[p > 0].min()
    p[p == 0] = mn / 1e6 if mn <= 1e-4 else 1e-4
    return p


def psi(ref, cur):
    if len(np.unique(ref)) > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, edges)[0] / len(ref)
        c = np.histogram(cur, edges)[0] / len(cur)
    else:
        keys = np.union1d(np.unique(ref), np.unique(cur))
        r = np.array([(ref == k).sum() for k in keys]) / len(ref)
        c = np.array([(cur == k).sum() for k in keys]) / len(cur)
    r, c = zero_fill(r), zero_fill(c)
    return float(np.sum((r - c) * np.log(r / c)))


def run(method, ref, cur):
    if method == "ks":
        return float(stats.ks_2samp(ref, cur).pvalue)
    if method == "wasserstein":
        return float(stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))
    if method == "psi":
        return psi(ref, cur)
    raise SystemExit(f"unknown method {method}")


def main():
    ref_path, cur_path, method = sys.argv[1:4]
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    ref_df = pd.read_csv(ref_path)
    cur_df = pd.read_csv(cur_path)
    compute = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        scores = {}
        for col in ref_df.columns:
            ref = ref_df[col].dropna().to_numpy(dtype=float)
            cur = cur_df[col].dropna().to_numpy(dtype=float)
            scores[col] = run(method, ref, cur)
        compute = min(compute, time.perf_counter() - start)
    print(json.dumps({"method": method, "scores": scores, "compute_seconds": compute}))


if __name__ == "__main__":
    main()
