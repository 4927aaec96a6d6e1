// The one contract every normal-return model must pass (a reusable
// contract test in the spirit of trading-signals' testIndicatorContract). Each model file is
// registered in contract.test.ts with a data generator; nothing here knows a model's formula.
import { describe, expect, it } from "vitest";
import { isMarketReactionError } from "../../src/errors.js";
import type { ModelData, ModelFit, ModelSpec } from "../../src/models/index.js";
import { fitModel, predictModel } from "../../src/models/index.js";

/** Data drawn by a contract case. */
export interface ContractData {
  readonly data: ModelData;
  /** The true coefficients in `fit.names` order when noiseless data identify them exactly; omit otherwise. */
  readonly truth?: readonly number[];
}

/** What a model must look like, beyond the shared contract. */
export interface ContractOptions {
  /** Number of mean parameters. */
  readonly k: number;
  /** Coefficient names in order. */
  readonly names: readonly string[];
  /** Data with a singular design (constant market, collinear factors); omit for models without one. */
  readonly singular?: (n: number) => ModelData;
  /** A regressor column of `data` to poison with a NaN (market, or a factor); omit when the model has none. */
  readonly regressor?: (data: ModelData) => Float64Array;
  /** Leads/lags of the market the model reads around each session (0 for the market model). */
  readonly lags?: number;
  /** Fewest estimation observations the model accepts when more than k + 1 (its descriptor's `minObs`). */
  readonly minObs?: number;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isMarketReactionError(e)) return e.code;
    throw e;
  }
  return "no error";
}

function range(a: number, b: number): Int32Array {
  return Int32Array.from({ length: b - a }, (_, j) => a + j);
}

function cloneData(d: ModelData): ModelData {
  const factors = d.factors === undefined ? undefined : Object.fromEntries(Object.entries(d.factors).map(([k, v]) => [k, v.slice()]));
  return {
    asset: d.asset.slice(),
    ...(d.market === undefined ? {} : { market: d.market.slice() }),
    ...(factors === undefined ? {} : { factors }),
  };
}

/** (XᵀX) of the rows of a column-major m×k design. */
function crossProduct(design: Float64Array, m: number, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += design[i + a * m]! * design[i + b * m]!;
      out[a * k + b] = s;
    }
  }
  return out;
}

/**
 * Registers the contract tests of one model.
 *
 * @param label - Test title.
 * @param spec - The model.
 * @param makeData - Seeded data of `n` sessions with noise standard deviation `noise` (0 = noiseless).
 * @param options - The model's shape and its singular-design case.
 */
export function describeModelContract(
  label: string,
  spec: ModelSpec,
  makeData: (n: number, noise: number, seed: number) => ContractData,
  options: ContractOptions,
): void {
  const { k, names } = options;
  const lags = options.lags ?? 0;
  const n = 160;
  const all = range(0, n);

  describe(`model contract: ${label}`, () => {
    const { data } = makeData(n, 0.01, 7);
    const fit = fitModel(spec, data, all);

    it("fits with the documented shape: names, k, df = M − k (M for k = 0), covUnscaled k×k symmetric and finite", () => {
      expect(fit.names).toEqual(names);
      expect(fit.k).toBe(k);
      expect(fit.coefficients.length).toBe(k);
      expect(fit.nObs).toBe(fit.used.length);
      expect(fit.residuals.length).toBe(fit.nObs);
      expect(fit.df).toBe(k === 0 ? fit.nObs : fit.nObs - k);
      expect(fit.nObs).toBe(n - 2 * lags);
      expect(fit.covUnscaled.length).toBe(k * k);
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          expect(Number.isFinite(fit.covUnscaled[a * k + b]!)).toBe(true);
          expect(fit.covUnscaled[a * k + b]).toBe(fit.covUnscaled[b * k + a]);
        }
        expect(fit.covUnscaled[a * k + a]!).toBeGreaterThan(0);
      }
      expect(fit.sigma2).toBeGreaterThan(0);
      expect(Number.isFinite(fit.sigma2)).toBe(true);
      for (const c of fit.coefficients) expect(Number.isFinite(c)).toBe(true);
      expect([...fit.used]).toEqual([...fit.used].sort((a, b) => a - b));
    });

    it("predicts one expected return and one design row per requested session", () => {
      const want = Int32Array.of(n - 1 - lags, lags, Math.floor(n / 2), lags + 3);
      const p = predictModel(fit, data, want);
      expect(p.expected.length).toBe(want.length);
      expect(p.design.length).toBe(want.length * k);
      for (const v of p.expected) expect(Number.isFinite(v)).toBe(true);
    });

    it("residuals are asset − expected on the estimation sessions, and σ² = Σê²/df", () => {
      const p = predictModel(fit, data, fit.used);
      let rss = 0;
      fit.used.forEach((i, j) => {
        const e = data.asset[i]! - p.expected[j]!;
        expect(Math.abs(e - fit.residuals[j]!)).toBeLessThanOrEqual(1e-14);
        rss += fit.residuals[j]! ** 2;
      });
      expect(Math.abs(fit.sigma2 - rss / fit.df)).toBeLessThanOrEqual(1e-12 * fit.sigma2);
    });

    if (k > 0) {
      it("covUnscaled is the inverse of XᵀX of the estimation design rows", () => {
        const p = predictModel(fit, data, fit.used);
        const xtx = crossProduct(p.design, fit.used.length, k);
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            let s = 0;
            for (let l = 0; l < k; l++) s += fit.covUnscaled[a * k + l]! * xtx[l * k + b]!;
            expect(Math.abs(s - (a === b ? 1 : 0))).toBeLessThan(1e-8);
          }
        }
      });
    }

    it("is deterministic: the same inputs give identical fits and predictions", () => {
      const again = makeData(n, 0.01, 7).data;
      const f2 = fitModel(spec, again, all);
      expect(f2).toEqual(fit);
      expect(predictModel(f2, again, all)).toEqual(predictModel(fit, data, all));
    });

    const noiseless = makeData(n, 0, 11);
    if (noiseless.truth !== undefined) {
      it("recovers the exact parameters on noiseless data", () => {
        const f = fitModel(spec, noiseless.data, all);
        noiseless.truth!.forEach((t, j) => {
          expect(Math.abs(f.coefficients[j]! - t), `${names[j]}`).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(t)));
        });
        expect(f.sigma2).toBeLessThan(1e-24);
      });
    }

    it("throws INSUFFICIENT_ESTIMATION_DATA with M ≤ k or below minObs, naming needed and available", () => {
      const least = Math.max(k + 1, options.minObs ?? 0);
      const few = range(lags, lags + least - 1);
      expect(codeOf(() => fitModel(spec, data, few))).toBe("INSUFFICIENT_ESTIMATION_DATA");
      expect(codeOf(() => fitModel(spec, data, range(lags, lags + least)))).toBe("no error");
      expect(codeOf(() => fitModel(spec, data, all, { minObs: n + 1 }))).toBe("INSUFFICIENT_ESTIMATION_DATA");
      try {
        fitModel(spec, data, all, { minObs: n + 1 });
      } catch (e) {
        expect((e as Error).message).toContain(`at least ${n + 1}`);
        expect((e as Error).message).toContain(`${n - 2 * lags} of ${n}`);
      }
    });

    if (options.singular !== undefined) {
      it("throws SINGULAR_DESIGN on a singular design", () => {
        expect(codeOf(() => fitModel(spec, options.singular!(n), all))).toBe("SINGULAR_DESIGN");
      });
    }

    it("uses the complete cases only and reports them in `used`", () => {
      const d = cloneData(data);
      d.asset[10] = Number.NaN;
      d.asset[11] = Number.NaN;
      const poisoned = [10, 11];
      if (options.regressor !== undefined) {
        options.regressor(d)[40] = Number.NaN;
        for (let o = -lags; o <= lags; o++) poisoned.push(40 - o);
      }
      const f = fitModel(spec, d, all);
      for (const i of poisoned) expect([...f.used]).not.toContain(i);
      expect(f.nObs).toBe(n - 2 * lags - poisoned.length);
      for (const c of f.coefficients) expect(Number.isFinite(c)).toBe(true);
      expect(Number.isFinite(f.sigma2)).toBe(true);
      // the same fit from its own complete cases
      const g = fitModel(spec, d, f.used);
      expect(g.coefficients).toEqual(f.coefficients);
      expect(g.sigma2).toBe(f.sigma2);
      // and a missing regressor gives a NaN expected return, never a silent number
      if (options.regressor !== undefined) {
        const p = predictModel(f, d, Int32Array.of(40));
        expect(p.expected[0]).toBeNaN();
      }
    });

    it("rejects indices that are out of range or not increasing (INVALID_OPTION)", () => {
      expect(codeOf(() => fitModel(spec, data, Int32Array.of(0, 1, n)))).toBe("INVALID_OPTION");
      expect(codeOf(() => fitModel(spec, data, [5, 4, 6, 7, 8, 9, 10]))).toBe("INVALID_OPTION");
      expect(codeOf(() => predictModel(fit, data, [-1]))).toBe("INVALID_OPTION");
    });
  });
}

/** Re-exported for tests that build fits by hand. */
export type { ModelFit };
