"""Independent multi-start Firth profile intervals for cohort-profile-own.csv (numpy/scipy, not the project's code).

l*(b) = sum(y*eta - log(1+exp(eta))) + 0.5*log det(X'WX). The profile deviance at b_j = t is
2*(l*(b_hat) - max over the other coefficients of l*), each maximum the best of 20 starts (zero and 19
N(0, 3^2) draws; scipy BFGS with numerical gradient, gtol 1e-10, then Nelder-Mead polishing). Bounds are the outermost roots of deviance = qchisq(0.95, 1) found by scanning a
grid of step 0.25 outward from b_hat to |t - b_hat| <= 15, then brentq. Run: python3 profile_multistart.py
"""
import csv, json, sys
import numpy as np
from scipy.optimize import minimize, brentq
from scipy.stats import chi2

PRED = ["malnutrition", "poorPerformanceStatus", "targetedTherapy"]
CSV = "cohort-profile-own.csv"


def design():
    rows = list(csv.DictReader(open(CSV)))
    X = np.array([[1.0] + [float(r[p]) for p in PRED] for r in rows])
    y = np.array([float(r["goodEfficacy"]) for r in rows])
    return X, y


def pll(b, X, y):
    eta = X @ b
    pi = 1 / (1 + np.exp(-eta))
    w = pi * (1 - pi)
    sign, logdet = np.linalg.slogdet(X.T @ (X * w[:, None]))
    if sign <= 0:
        return -1e300
    return np.sum(y * eta - np.logaddexp(0, eta)) + 0.5 * logdet


def constrained_max(X, y, j, t, rng, starts=20):
    p = X.shape[1]
    free = [k for k in range(p) if k != j]
    def f(v):
        b = np.empty(p); b[j] = t; b[free] = v
        return -pll(b, X, y)
    best = None
    for s in range(starts):
        v0 = np.zeros(p - 1) if s == 0 else rng.normal(0, 3, p - 1)
        r = minimize(f, v0, method="BFGS", options={"gtol": 1e-10, "maxiter": 2000})
        r = minimize(f, r.x, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-13, "maxiter": 20000})
        if best is None or r.fun < best:
            best = r.fun
    return -best


def main():
    X, y = design()
    p = X.shape[1]
    rng = np.random.default_rng(20260101)
    full = None
    for s in range(40):
        r = minimize(lambda b: -pll(b, X, y), rng.normal(0, 1, p) if s else np.zeros(p), method="BFGS",
                     options={"gtol": 1e-11})
        if full is None or r.fun < full.fun:
            full = r
    bhat, lhat = full.x, -full.fun
    q = chi2.ppf(0.95, 1)
    out = []
    for j in range(1, p):
        dev = lambda t: 2 * (lhat - constrained_max(X, y, j, t, rng)) - q
        bounds = []
        for side in (-1, 1):
            t0 = bhat[j]
            found = None
            for k in range(1, 61):
                t1 = bhat[j] + side * 0.25 * k
                if dev(t1) >= 0:
                    found = brentq(dev, min(t0, t1), max(t0, t1), xtol=1e-9)
                    break
                t0 = t1
            bounds.append(found)
        dev0 = 2 * (lhat - constrained_max(X, y, j, 0.0, rng))
        out.append({"term": PRED[j - 1], "estimate": bhat[j], "log_or_ci_profile_low": bounds[0],
                    "log_or_ci_profile_high": bounds[1], "p_profile": float(chi2.sf(max(dev0, 0), 1))})
        print(out[-1], file=sys.stderr)
    json.dump({"meta": {"cohort": CSV, "predictors": PRED, "how_computed": __doc__.strip()},
               "firth": {"coefficients": out}, "tolerance": {"log_or_ci_profile": 1e-4, "p_profile": 1e-4}},
              open("cohort-profile-own.expected.json", "w"), indent=2)


if __name__ == "__main__":
    main()
