#!/usr/bin/env python3
"""Writes reference.csv and current.csv: ROWS rows x 3 numeric columns (seeded), for the CLI vs SciPy benchmark."""
import sys
import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(20261127)


def write(path, a, b, c):
    with open(path, "w", newline="") as f:
        f.write("normal,lognormal,uniform\n")
        np.savetxt(f, np.column_stack([a, b, c]), fmt="%.6f", delimiter=",")


write(f"{out}/reference.csv", rng.normal(0, 1, rows), rng.lognormal(0, 0.5, rows), rng.uniform(0, 10, rows))
write(f"{out}/current.csv", rng.normal(0.05, 1.1, rows), rng.lognormal(0.02, 0.5, rows), rng.uniform(0, 10.2, rows))
