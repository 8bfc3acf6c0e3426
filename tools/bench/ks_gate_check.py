#!/usr/bin/python3
"""The KS gate's p-value against SciPy's exact two-sample one.

Prints, per size pair, the smallest ratio of the gate's p-value (kstwo.sf at the effective size, one lattice step
below D; src/MonitorGen/Statistics/KolmogorovSmirnov.cs raises it by 1 % more) to SciPy's exact p-value, over D
from the 0.5 to the 1e-5 quantile. From 200 values a side every ratio is at least 0.995. Debian python3-scipy:
    /usr/bin/python3 tools/bench/ks_gate_check.py
"""
import math, random
from scipy import stats
from scipy.stats import _stats_py as S
random.seed(3)
pairs=[(100,100),(200,200),(300,300),(150,300),(100,2048),(200,2048),(50,5000),(30,2048),(400,400),(400,2048),(512,2048),(1024,2048),(997,2048),(1000,1000),(640,1400),(2048,2048),(450,5000),(3000,5000),(800,900),(1500,1500)]
pairs+= [(random.randint(400,2048), random.choice([2048,5000,700,1000,random.randint(400,5000)])) for _ in range(10)]
glo=9
for (n,m) in pairs:
    g=math.gcd(n,m); lcm=n*m//g
    en=n*m/(n+m)
    lo=1e9
    for p_target in [0.5,0.3,0.2,0.1,0.07,0.05,0.03,0.02,0.01,0.005,0.002,0.001,1e-4,1e-5]:
        d0=stats.kstwo.isf(p_target, round(en))
        for dd in range(-3,4):
            h=int(round(d0*lcm))+dd
            d=h/lcm
            pe=S._compute_prob_outside_square(n,h) if n==m else S._compute_outer_prob_inside_method(max(n,m),min(n,m),g,h)
            pa=stats.kstwo.sf((h-1)/lcm, round(en))
            lo=min(lo,pa/pe)
    glo=min(glo,lo)
    print(n,m,'min asym/exact %.4f'%lo)
print('overall',glo)
