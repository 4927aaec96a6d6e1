import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMarketReactionError } from "../../src/errors.js";
import type { ModelData, ModelSpec } from "../../src/models/index.js";
import { MODEL_PRESETS, dimsonNames, estimationIndices, fitModel, modelPreset, predictModel, safeFitModel, validateModelSpec } from "../../src/models/index.js";
import { createRandom, olsQr } from "../../src/stats/index.js";

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isMarketReactionError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return { code: "no error", message: "" };
}
const codeOf = (fn: () => unknown) => errorOf(fn).code;
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function randomData(n: number, seed: number): { asset: Float64Array; market: Float64Array } {
  const rng = createRandom(seed);
  const market = Float64Array.from({ length: n }, () => 0.0004 + 0.01 * rng.normal());
  const asset = Float64Array.from({ length: n }, (_, i) => 0.0002 + 0.5 * market[i]! + 0.4 * (i > 0 ? market[i - 1]! : 0) + 0.008 * rng.normal());
  return { asset, market };
}

/** OLS slope of y on x through olsQr (an independent route to the simple regression). */
function slope(y: Float64Array, x: Float64Array): number {
  const n = y.length;
  const X = new Float64Array(2 * n);
  X.fill(1, 0, n);
  X.set(x, n);
  return olsQr(y, X, n, 2).coefficients[1]!;
}

describe("hand-checkable fits", () => {
  it("constant mean of [1, 2, 3, 4]: α = 2.5, s² = 5/3, (XᵀX)⁻¹ = 1/4, R² NaN", () => {
    const fit = fitModel({ type: "constant-mean" }, { asset: Float64Array.of(1, 2, 3, 4) }, all(4));
    expect(fit.coefficients[0]).toBe(2.5);
    expect(fit.sigma2).toBeCloseTo(5 / 3, 15);
    expect([...fit.covUnscaled]).toEqual([0.25]);
    expect(fit.df).toBe(3);
    expect(fit.r2).toBeNaN();
    expect([...fit.residuals]).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(fit.model).toBe("constant-mean");
  });

  it("market model of y = [1, 3, 5, 8] on x = [0, 1, 2, 3]: β = 2.3, α = 0.8", () => {
    const data = { asset: Float64Array.of(1, 3, 5, 8), market: Float64Array.of(0, 1, 2, 3) };
    const fit = fitModel({ type: "market" }, data, all(4));
    // x̄ = 1.5, ȳ = 4.25, Sxx = 5, Sxy = 11.5, Syy = 26.75, RSS = 26.75 − 11.5²/5 = 0.3, α = 4.25 − 2.3·1.5
    expect(fit.coefficients[1]).toBeCloseTo(2.3, 14);
    expect(fit.coefficients[0]).toBeCloseTo(0.8, 14);
    expect(fit.sigma2).toBeCloseTo(0.15, 14);
    expect(fit.r2).toBeCloseTo(1 - 0.3 / 26.75, 14);
    // (XᵀX)⁻¹ = [[1/4 + 1.5²/5, −1.5/5], [−1.5/5, 1/5]]
    const c = [...fit.covUnscaled];
    [0.7, -0.3, -0.3, 0.2].forEach((v, i) => expect(c[i]).toBeCloseTo(v, 14));
    const p = predictModel(fit, { asset: new Float64Array(5), market: Float64Array.of(0, 1, 2, 3, 4) }, Int32Array.of(4));
    expect(p.expected[0]).toBeCloseTo(0.8 + 2.3 * 4, 13);
    expect([...p.design]).toEqual([1, 4]);
  });

  it("market-adjusted: σ² = ΣAR²/M with df = M, nothing estimated", () => {
    const fit = fitModel({ type: "market-adjusted" }, { asset: Float64Array.of(0.01, 0.02, -0.01), market: Float64Array.of(0, 0.01, 0) }, all(3));
    expect(fit.k).toBe(0);
    expect(fit.df).toBe(3);
    expect(fit.sigma2).toBeCloseTo(1e-4, 18);
    expect(fit.covUnscaled.length).toBe(0);
  });
});

describe("Scholes-Williams and Dimson", () => {
  const data = randomData(300, 42);

  it("Scholes-Williams = (β⁻ + β⁰ + β⁺)/(1 + 2ρ) from three independent OLS slopes on the trimmed sample", () => {
    const fit = fitModel({ type: "scholes-williams" }, data, all(300));
    expect([...fit.used]).toEqual([...all(300)].slice(1, 299));
    const y = data.asset.slice(1, 299);
    const m0 = data.market.slice(1, 299);
    const mLag = data.market.slice(0, 298);
    const mLead = data.market.slice(2, 300);
    const bLag = slope(y, mLag);
    const b0 = slope(y, m0);
    const bLead = slope(y, mLead);
    // ρ as the slope of standardised m0 on standardised mLag
    const z = (v: Float64Array) => {
      const mu = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mu) ** 2, 0) / (v.length - 1));
      return v.map((x) => (x - mu) / sd);
    };
    const rho = slope(z(m0), z(mLag));
    const beta = (bLag + b0 + bLead) / (1 + 2 * rho);
    const alpha = y.reduce((a, b) => a + b, 0) / y.length - beta * (m0.reduce((a, b) => a + b, 0) / m0.length);
    expect(Math.abs(fit.coefficients[1]! - beta)).toBeLessThan(1e-12 * Math.abs(beta));
    expect(Math.abs(fit.coefficients[0]! - alpha)).toBeLessThan(1e-9 * Math.abs(alpha));
    expect(Math.abs(fit.details!.rho_market! - rho)).toBeLessThan(1e-12);
    expect(fit.details!.beta_lag).toBeCloseTo(bLag, 12);
    // R² of the SW line is at most the OLS R² of the market model on the same sample
    const ols = fitModel({ type: "market" }, data, fit.used);
    expect(fit.r2).toBeLessThanOrEqual(ols.r2);
    expect([...fit.covUnscaled]).toEqual([...ols.covUnscaled]);
  });

  it("Dimson with p = 0 is the market model; names and sum beta for p = 3", () => {
    const d0 = fitModel({ type: "dimson", lags: 0 }, data, all(300));
    const mm = fitModel({ type: "market" }, data, all(300));
    expect(d0.names).toEqual(["alpha", "beta"]);
    for (let j = 0; j < 2; j++) expect(Math.abs(d0.coefficients[j]! - mm.coefficients[j]!)).toBeLessThan(1e-12 * Math.abs(mm.coefficients[j]!));
    expect(Math.abs(d0.sigma2 - mm.sigma2)).toBeLessThan(1e-12 * mm.sigma2);
    expect(dimsonNames(3)).toEqual(["alpha", "beta_lag3", "beta_lag2", "beta_lag1", "beta", "beta_lead1", "beta_lead2", "beta_lead3"]);
    const d3 = fitModel({ type: "dimson", lags: 3 }, data, all(300));
    expect(d3.nObs).toBe(294);
    expect(d3.details!.sum_beta).toBeCloseTo(
      [...d3.coefficients].slice(1).reduce((a, b) => a + b, 0),
      15,
    );
  });

  it("simulation: with a lagged market effect, OLS beta is biased and SW/Dimson recover the total beta", () => {
    // R_t = 0.4 R_m,t + 0.6 R_m,t−1 + ε: total beta 1, market model sees about 0.4
    const rng = createRandom(2025);
    const n = 3000;
    const m = Float64Array.from({ length: n }, () => 0.01 * rng.normal());
    const asset = Float64Array.from({ length: n }, (_, i) => 0.4 * m[i]! + 0.6 * (i > 0 ? m[i - 1]! : 0) + 0.01 * rng.normal());
    const d = { asset, market: m };
    const idx = all(n);
    const ols = fitModel({ type: "market" }, d, idx).coefficients[1]!;
    const sw = fitModel({ type: "scholes-williams" }, d, idx).coefficients[1]!;
    const dim = fitModel({ type: "dimson" }, d, idx).details!.sum_beta!;
    // standard error of each slope ≈ 0.01/(0.01·√3000) ≈ 0.018; bounds at about 4 SE of the sum
    expect(Math.abs(ols - 0.4)).toBeLessThan(0.08);
    expect(Math.abs(sw - 1)).toBeLessThan(0.15);
    expect(Math.abs(dim - 1)).toBeLessThan(0.15);
  });
});

describe("factor models: names, risk-free column, errors", () => {
  const rng = createRandom(9);
  const n = 100;
  const col = (sd: number) => Float64Array.from({ length: n }, () => sd * rng.normal());
  const factors = { "Mkt-RF": col(0.01), SMB: col(0.005), HML: col(0.005), MOM: col(0.006), RF: new Float64Array(n).fill(0.0001) };
  const asset = Float64Array.from({ length: n }, (_, i) => 0.0001 + 0.0002 + factors["Mkt-RF"][i]! + 0.3 * factors.MOM[i]! + 0.004 * rng.normal());
  const data: ModelData = { asset, factors };

  it("matches MOM for the carhart preset and excess returns over RF by default", () => {
    const fit = fitModel(modelPreset("carhart"), data, all(n));
    expect(fit.names).toEqual(["alpha", "Mkt-RF", "SMB", "HML", "MOM"]);
    expect(fit.riskFree).toBe("RF");
    expect(fit.model).toBe("carhart");
    const p = predictModel(fit, data, Int32Array.of(3));
    const b = fit.coefficients;
    const x = [1, factors["Mkt-RF"][3]!, factors.SMB[3]!, factors.HML[3]!, factors.MOM[3]!];
    expect(p.expected[0]).toBeCloseTo(0.0001 + x.reduce((s, v, j) => s + v * b[j]!, 0), 16);
  });

  it("riskFree: null fits raw returns; a named riskFree is matched loosely", () => {
    const raw = fitModel({ type: "factors", factors: ["mkt_rf"], riskFree: null }, data, all(n));
    expect(raw.riskFree).toBeNull();
    const ex = fitModel({ type: "factors", factors: ["mkt_rf"], riskFree: "rf" }, data, all(n));
    expect(ex.riskFree).toBe("RF");
    // RF is constant: only the intercept moves, by exactly RF
    expect(raw.coefficients[0]! - ex.coefficients[0]!).toBeCloseTo(0.0001, 15);
    expect(raw.coefficients[1]).toBeCloseTo(ex.coefficients[1]!, 13);
    const noRf = fitModel({ type: "factors", factors: ["Mkt-RF"] }, { asset, factors: { "Mkt-RF": factors["Mkt-RF"] } }, all(n));
    expect(noRf.riskFree).toBeNull();
  });

  it("errors: unknown factor lists the columns; missing columns; bad risk-free", () => {
    const e = errorOf(() => fitModel(modelPreset("ff5"), data, all(n)));
    expect(e.code).toBe("INVALID_OPTION");
    expect(e.message).toContain('"RMW"');
    expect(e.message).toContain('"Mkt-RF", "SMB", "HML", "MOM", "RF"');
    expect(codeOf(() => fitModel(modelPreset("ff3"), { asset }, all(n)))).toBe("MISSING_RETURNS");
    expect(codeOf(() => fitModel({ type: "factors", factors: ["SMB"], riskFree: "TBILL" }, data, all(n)))).toBe("INVALID_OPTION");
    expect(codeOf(() => fitModel({ type: "factors", factors: ["SMB", "RF"], riskFree: "RF" }, data, all(n)))).toBe("INVALID_OPTION");
    expect(codeOf(() => fitModel({ type: "factors", factors: ["SMB"] }, { asset, factors: { SMB: new Float64Array(3) } }, all(n)))).toBe("INVALID_INPUT");
  });

  it("predicting with data whose columns resolve differently is an error", () => {
    const fit = fitModel(modelPreset("ff3"), data, all(n));
    const other = { asset, factors: { "Mkt-RF": factors["Mkt-RF"], SMB: factors.SMB, HML: factors.HML } };
    expect(codeOf(() => predictModel(fit, other, all(3)))).toBe("INVALID_INPUT");
  });
});

describe("specs, presets and errors", () => {
  it("presets", () => {
    expect(modelPreset("ff3")).toEqual({ type: "factors", factors: ["Mkt-RF", "SMB", "HML"], label: "ff3" });
    expect(modelPreset("ff5")).toEqual({ type: "factors", factors: ["Mkt-RF", "SMB", "HML", "RMW", "CMA"], label: "ff5" });
    expect(modelPreset("dimson")).toEqual({ type: "dimson", lags: 1 });
    for (const name of MODEL_PRESETS) expect(validateModelSpec(modelPreset(name))).toEqual(modelPreset(name));
    const e = errorOf(() => modelPreset("capm" as never));
    expect(e.code).toBe("INVALID_OPTION");
    expect(e.message).toContain('"carhart"');
  });

  it("invalid specs throw INVALID_OPTION", () => {
    const bad: unknown[] = [
      null,
      { type: "arima" },
      { type: "dimson", lags: -1 },
      { type: "dimson", lags: 1.5 },
      { type: "dimson", lags: 11 },
      { type: "factors", factors: [] },
      { type: "factors", factors: ["SMB", "smb"] },
      { type: "factors", factors: ["SMB"], riskFree: 3 },
    ];
    for (const spec of bad) expect(codeOf(() => validateModelSpec(spec as ModelSpec))).toBe("INVALID_OPTION");
  });

  it("market-based models without market returns: MISSING_RETURNS", () => {
    for (const type of ["market", "market-adjusted", "scholes-williams", "dimson"] as const) {
      const e = errorOf(() => fitModel({ type }, { asset: new Float64Array(10) }, all(10)));
      expect(e.code).toBe("MISSING_RETURNS");
      expect(e.message).toMatch(/needs market returns/);
    }
  });

  it("INSUFFICIENT_ESTIMATION_DATA states needed and available", () => {
    const d = randomData(30, 1);
    d.asset.fill(Number.NaN, 2);
    const e = errorOf(() => fitModel({ type: "market" }, d, all(30)));
    expect(e.code).toBe("INSUFFICIENT_ESTIMATION_DATA");
    expect(e.message).toBe("the market model needs at least 3 complete estimation observations (k = 2); 2 of 30 candidate sessions have every column it needs");
    expect(codeOf(() => fitModel({ type: "market" }, randomData(30, 1), all(30), { minObs: 0 }))).toBe("INVALID_OPTION");
    const r = safeFitModel({ type: "market" }, d, all(30));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.code).toBe("INSUFFICIENT_ESTIMATION_DATA");
  });

  it("a nearly constant market is SINGULAR_DESIGN, a merely small one is not", () => {
    const n = 50;
    const asset = randomData(n, 3).asset;
    const flat = Float64Array.from({ length: n }, (_, i) => 0.01 + (i % 2) * 1e-19);
    expect(codeOf(() => fitModel({ type: "market" }, { asset, market: flat }, all(n)))).toBe("SINGULAR_DESIGN");
    const small = Float64Array.from({ length: n }, (_, i) => 1e-9 * Math.sin(i));
    expect(codeOf(() => fitModel({ type: "market" }, { asset, market: small }, all(n)))).toBe("no error");
  });
});

describe("estimationIndices(spec, data, range, mask)", () => {
  it("keeps the masked-in complete cases of the range, and fitModel on the range uses exactly them", () => {
    const d = randomData(60, 5);
    d.asset[12] = Number.NaN;
    d.market[20] = Number.NaN;
    const mask = new Uint8Array(40).fill(1);
    mask[5] = 0; // session 15
    const idx = estimationIndices({ type: "dimson", lags: 1 }, d, { start: 10, end: 50 }, mask);
    const expected = [...all(60)].filter((i) => i >= 10 && i < 50 && ![12, 15, 19, 20, 21].includes(i));
    expect([...idx]).toEqual(expected);
    const fromRange = fitModel({ type: "dimson", lags: 1 }, d, Int32Array.from([...all(60)].filter((i) => i >= 10 && i < 50 && i !== 15)));
    expect([...fromRange.used]).toEqual(expected);
    expect(codeOf(() => estimationIndices({ type: "market" }, d, { start: 10, end: 61 }))).toBe("INVALID_OPTION");
    expect(codeOf(() => estimationIndices({ type: "market" }, d, { start: 10, end: 50 }, new Uint8Array(3)))).toBe("INVALID_OPTION");
  });

  it("market and constant-mean models: NaN and infinities in the asset or the market, with a mask and without, at the range's ends", () => {
    const d = randomData(60, 6);
    const gone = new Map<number, "asset" | "market">([
      [10, "asset"],
      [11, "market"],
      [25, "asset"],
      [26, "market"],
      [49, "market"],
    ]);
    const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    [...gone].forEach(([i, side], k) => {
      d[side][i] = bad[k % 3]!;
    });
    const mask = new Uint8Array(40).fill(1);
    mask[0] = 0; // session 10
    mask[7] = 0; // session 17
    mask[39] = 0; // session 49
    const range = { start: 10, end: 50 };
    const want = (model: "market" | "constant-mean", masked: boolean) =>
      [...all(60)].filter(
        (i) => i >= 10 && i < 50 && (!masked || mask[i - 10] === 1) && !(gone.get(i) === "asset" || (model === "market" && gone.get(i) === "market")),
      );
    for (const model of ["market", "constant-mean"] as const) {
      expect([...estimationIndices({ type: model }, d, range)], model).toEqual(want(model, false));
      expect([...estimationIndices({ type: model }, d, range, mask)], `${model}, masked`).toEqual(want(model, true));
    }
    expect(want("market", false)).toHaveLength(35);
  });
});

describe("properties (fast-check)", () => {
  const returns = (n: number) => fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: n, maxLength: n + 60 });

  it("market-adjusted on asset = market gives zero abnormal returns and σ² = 0", () => {
    fc.assert(
      fc.property(returns(2), (m) => {
        const market = Float64Array.from(m);
        const d = { asset: market.slice(), market };
        const fit = fitModel({ type: "market-adjusted" }, d, all(m.length));
        expect(fit.sigma2).toBe(0);
        const p = predictModel(fit, d, all(m.length));
        p.expected.forEach((e, i) => expect(d.asset[i]! - e).toBe(0));
      }),
    );
  });

  it("the market model on data with α = 0, β = 1 predicts what market-adjusted predicts", () => {
    fc.assert(
      fc.property(returns(5), (m) => {
        const market = Float64Array.from(m);
        fc.pre(market.some((v) => Math.abs(v - market[0]!) > 1e-6));
        const d = { asset: market.slice(), market };
        const idx = all(m.length);
        const mm = fitModel({ type: "market" }, d, idx);
        expect(Math.abs(mm.coefficients[0]!)).toBeLessThan(1e-15);
        expect(Math.abs(mm.coefficients[1]! - 1)).toBeLessThan(1e-12);
        const a = predictModel(mm, d, idx).expected;
        const b = predictModel(fitModel({ type: "market-adjusted" }, d, idx), d, idx).expected;
        a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-14));
      }),
    );
  });

  it("adding a constant c to the asset moves only α (by c) in every model with an intercept", () => {
    const specs: ModelSpec[] = [{ type: "constant-mean" }, { type: "market" }, { type: "dimson", lags: 1 }, { type: "scholes-williams" }];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: -0.01, max: 0.01, noNaN: true }), (seed, c) => {
        const d = randomData(80, seed);
        const shifted = { asset: d.asset.map((v) => v + c), market: d.market };
        for (const spec of specs) {
          const f0 = fitModel(spec, d, all(80));
          const f1 = fitModel(spec, shifted, all(80));
          expect(Math.abs(f1.coefficients[0]! - f0.coefficients[0]! - c)).toBeLessThan(1e-12);
          for (let j = 1; j < f0.k; j++)
            expect(Math.abs(f1.coefficients[j]! - f0.coefficients[j]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(f0.coefficients[j]!)));
          expect(Math.abs(f1.sigma2 - f0.sigma2)).toBeLessThan(1e-9 * f0.sigma2);
        }
      }),
      { numRuns: 40 },
    );
  });
});
