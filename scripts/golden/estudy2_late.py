"""Reference for the late-listing validation (test/realdata/estudy2-cli.test.ts).

estudy2's bundled data (../shared/data/estudy2): log returns of seven US stocks and the
S&P 500; ZM and UBER list inside the estimation window. Implements estudy2's conventions
independently with numpy/scipy:
  * single-index model, OLS with intercept on the dates of the estimation window
    2019-04-01..2020-03-13 (inclusive) where both returns are available;
  * abnormal returns on the event window 2020-03-16..2020-03-31;
  * daily cross-sectional t test (mean / sd * sqrt(n), sd with n - 1), sign test
    ((w - n/2) / sqrt(n/4), w = number of positive ARs) and Wilcoxon signed-rank W+
    (ranks of |AR|, average ties, zeros dropped) -- the three daily tests whose estudy2
    definition does not depend on its missing-data conventions when every security has an
    AR on the event dates (as here).
The fits are checked against estudy2's own securities_returns_model.csv before writing.
Run from the repository root: python3 scripts/golden/estudy2_late.py
Output: test/golden/data/estudy2-late.json
"""
import csv
import json
import os

import numpy as np
from scipy.stats import norm, rankdata, t as student_t

DATA = os.environ.get("MARKET_REACTION_SHARED_DATA", "../shared/data")


def read_wide(name):
    with open(os.path.join(DATA, "estudy2", name)) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    dates = [r[0] for r in body]
    cols = {h: np.array([np.nan if r[j + 1] == "NA" else float(r[j + 1]) for r in body]) for j, h in enumerate(header[1:])}
    return dates, cols


dates, rates = read_wide("rates.csv")
mdates, mcols = read_wide("rates_indx.csv")
assert dates == mdates
market = mcols["GSPC"]
securities = ["AMZN", "ZM", "UBER", "NFLX", "SHOP", "FB", "UPWK"]
est = np.array([("2019-04-01" <= d <= "2020-03-13") for d in dates])
ev = np.array([("2020-03-16" <= d <= "2020-03-31") for d in dates])
event_dates = [d for d, e in zip(dates, ev) if e]

models = {}
ars = {}
for s in securities:
    y = rates[s]
    ok = est & np.isfinite(y) & np.isfinite(market)
    X = np.column_stack([np.ones(ok.sum()), market[ok]])
    coef, *_ = np.linalg.lstsq(X, y[ok], rcond=None)
    models[s] = {"n": int(ok.sum()), "alpha": float(coef[0]), "beta": float(coef[1])}
    ars[s] = (y - coef[0] - coef[1] * market)[ev]

with open(os.path.join(DATA, "estudy2", "securities_returns_model.csv")) as f:
    for r in csv.DictReader(f):
        m = models[r["security"]]
        assert m["n"] == int(r["estimation_length"]), r
        assert abs(m["alpha"] - float(r["alpha"])) <= 1e-10 * abs(float(r["alpha"])) + 1e-15, r
        assert abs(m["beta"] - float(r["beta"])) <= 1e-10 * abs(float(r["beta"])), r

daily = []
A = np.array([ars[s] for s in securities])
for j, d in enumerate(event_dates):
    a = A[:, j]
    n = len(a)
    mean, sd = a.mean(), a.std(ddof=1)
    tstat = mean / sd * np.sqrt(n)
    w = int((a > 0).sum())
    z = (w - 0.5 * n) / np.sqrt(0.25 * n)
    nz = a[a != 0]
    ranks = rankdata(np.abs(nz))
    wplus = float(ranks[nz > 0].sum())
    daily.append({
        "date": d,
        "n": n,
        "mean": float(mean),
        "t": float(tstat),
        "t_p": float(2 * student_t.sf(abs(tstat), n - 1)),
        "sign_w": w,
        "sign_z": float(z),
        "sign_p": float(2 * norm.sf(abs(z))),
        "wilcoxon_w": wplus,
    })

out = {"source": "scripts/golden/estudy2_late.py", "estimation": ["2019-04-01", "2020-03-13"], "event": ["2020-03-16", "2020-03-31"], "models": models, "daily": daily}
with open("test/golden/data/estudy2-late.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote test/golden/data/estudy2-late.json")
