// Runs the model contract (contract.ts) for every model of src/models.
import type { ModelData, ModelSpec } from "../../src/models/index.js";
import { modelPreset } from "../../src/models/index.js";
import { createRandom } from "../../src/stats/index.js";
import { describeModelContract } from "./contract.js";
import type { ContractData } from "./contract.js";

const A = 0.0003;

/** Market returns ~ N(0.0004, 0.01²), seeded. */
function marketReturns(n: number, seed: number): Float64Array {
  const rng = createRandom(seed);
  return Float64Array.from({ length: n }, () => 0.0004 + 0.01 * rng.normal());
}

function noiseOf(n: number, sd: number, seed: number): Float64Array {
  const rng = createRandom(seed + 1000);
  return Float64Array.from({ length: n }, () => sd * rng.normal());
}

// ---- constant mean -------------------------------------------------------------------
describeModelContract(
  "constant-mean",
  { type: "constant-mean" },
  (n, noise, seed) => {
    const e = noiseOf(n, noise, seed);
    return { data: { asset: e.map((v) => A + v) }, truth: [A] };
  },
  { k: 1, names: ["alpha"] },
);

// ---- market-adjusted -----------------------------------------------------------------
describeModelContract(
  "market-adjusted",
  { type: "market-adjusted" },
  (n, noise, seed) => {
    const m = marketReturns(n, seed);
    const e = noiseOf(n, noise, seed);
    return { data: { asset: m.map((v, i) => v + e[i]!), market: m }, truth: [] };
  },
  { k: 0, names: [], regressor: (d) => d.market! },
);

// ---- market model --------------------------------------------------------------------
const singularMarket = (n: number): ModelData => {
  const e = noiseOf(n, 0.01, 3);
  return { asset: e, market: new Float64Array(n).fill(0.0004) };
};
describeModelContract(
  "market",
  { type: "market" },
  (n, noise, seed) => {
    const m = marketReturns(n, seed);
    const e = noiseOf(n, noise, seed);
    return { data: { asset: m.map((v, i) => A + 1.2 * v + e[i]!), market: m }, truth: [A, 1.2] };
  },
  { k: 2, names: ["alpha", "beta"], singular: singularMarket, regressor: (d) => d.market! },
);

// ---- factor models -------------------------------------------------------------------
/** Factor data with the given column names (the first is the market), plus RF unless `rf` is false. */
function factorCase(columns: readonly string[], betas: readonly number[], rf: boolean) {
  return (n: number, noise: number, seed: number): ContractData => {
    const rng = createRandom(seed + 7);
    const factors: Record<string, Float64Array> = {};
    columns.forEach((name, j) => {
      factors[name] = Float64Array.from({ length: n }, () => (j === 0 ? 0.0004 + 0.01 * rng.normal() : 0.005 * rng.normal()));
    });
    if (rf) factors.RF = Float64Array.from({ length: n }, (_, i) => 0.0001 + 0.00001 * (i % 3));
    const e = noiseOf(n, noise, seed);
    const asset = Float64Array.from({ length: n }, (_, i) => {
      let y = (rf ? factors.RF![i]! : 0) + A + e[i]!;
      columns.forEach((name, j) => {
        y += betas[j]! * factors[name]![i]!;
      });
      return y;
    });
    return { data: { asset, factors }, truth: [A, ...betas] };
  };
}
function collinear(make: (n: number, noise: number, seed: number) => ContractData, a: string, b: string) {
  return (n: number): ModelData => {
    const { data } = make(n, 0.01, 5);
    const factors = { ...data.factors! };
    factors[b] = factors[a]!.map((v) => 2 * v - 0.001);
    return { asset: data.asset, factors };
  };
}

const ff3Cols = ["Mkt-RF", "SMB", "HML"];
const ff3 = factorCase(ff3Cols, [1.1, 0.4, -0.3], true);
describeModelContract("ff3 (excess over RF)", modelPreset("ff3"), ff3, {
  k: 4,
  names: ["alpha", ...ff3Cols],
  singular: collinear(ff3, "SMB", "HML"),
  regressor: (d) => d.factors!.SMB!,
});

// Carhart with the momentum column named UMD (matched to the preset's "Mom")
const carhartCols = ["Mkt-RF", "SMB", "HML", "UMD"];
const carhart = factorCase(carhartCols, [0.9, 0.2, 0.1, -0.25], true);
describeModelContract("carhart (momentum column UMD)", modelPreset("carhart"), carhart, {
  k: 5,
  names: ["alpha", ...carhartCols],
  singular: collinear(carhart, "Mkt-RF", "UMD"),
  regressor: (d) => d.factors!.UMD!,
});

const ff5Cols = ["Mkt-RF", "SMB", "HML", "RMW", "CMA"];
const ff5 = factorCase(ff5Cols, [1.05, 0.3, -0.2, 0.15, 0.05], true);
describeModelContract("ff5", modelPreset("ff5"), ff5, {
  k: 6,
  names: ["alpha", ...ff5Cols],
  singular: collinear(ff5, "RMW", "CMA"),
  regressor: (d) => d.factors!.CMA!,
});

// Any named columns, no risk-free rate; the spec names them loosely (case, punctuation)
const customSpec: ModelSpec = { type: "factors", factors: ["oil_price", "fx usd"], riskFree: null, label: "custom" };
const custom = factorCase(["Oil-Price", "FX_USD"], [0.6, -0.8], false);
describeModelContract("named factors without a risk-free rate", customSpec, custom, {
  k: 3,
  names: ["alpha", "Oil-Price", "FX_USD"],
  singular: collinear(custom, "Oil-Price", "FX_USD"),
  regressor: (d) => d.factors!["FX_USD"]!,
});

// ---- Scholes-Williams (a lagged market effect: no exact truth) ------------------------
describeModelContract(
  "scholes-williams",
  { type: "scholes-williams" },
  (n, noise, seed) => {
    const m = marketReturns(n, seed);
    const e = noiseOf(n, Math.max(noise, 0.005), seed);
    return { data: { asset: m.map((v, i) => A + 0.7 * v + 0.3 * (i > 0 ? m[i - 1]! : 0) + e[i]!), market: m } };
  },
  { k: 2, names: ["alpha", "beta"], singular: singularMarket, regressor: (d) => d.market!, lags: 1 },
);

// ---- Dimson ------------------------------------------------------------------------------
for (const p of [1, 2]) {
  const betas = p === 1 ? [0.3, 0.9, 0.1] : [0.05, 0.3, 0.9, 0.1, -0.02];
  const names = p === 1 ? ["alpha", "beta_lag1", "beta", "beta_lead1"] : ["alpha", "beta_lag2", "beta_lag1", "beta", "beta_lead1", "beta_lead2"];
  describeModelContract(
    `dimson p = ${p}`,
    { type: "dimson", lags: p },
    (n, noise, seed) => {
      const m = marketReturns(n, seed);
      const e = noiseOf(n, noise, seed);
      const asset = Float64Array.from({ length: n }, (_, i) => {
        if (i < p || i + p >= n) return A + e[i]!; // no full set of leads and lags: never used
        let y = A + e[i]!;
        for (let o = -p; o <= p; o++) y += betas[o + p]! * m[i + o]!;
        return y;
      });
      return { data: { asset, market: m }, truth: [A, ...betas] };
    },
    { k: 2 * p + 2, names, singular: singularMarket, regressor: (d) => d.market!, lags: p },
  );
}

// ---- GARCH(1,1): constant mean and market mean (maximum likelihood; at least 30 observations) ----
describeModelContract(
  "garch",
  { type: "garch" },
  (n, noise, seed) => {
    const e = noiseOf(n, Math.max(noise, 0.005), seed);
    return { data: { asset: e.map((v) => A + v) } };
  },
  { k: 1, names: ["alpha"], minObs: 30 },
);
describeModelContract(
  "garch-market",
  { type: "garch-market" },
  (n, noise, seed) => {
    const m = marketReturns(n, seed);
    const e = noiseOf(n, Math.max(noise, 0.005), seed);
    return { data: { asset: m.map((v, i) => A + 0.8 * v + e[i]!), market: m } };
  },
  { k: 2, names: ["alpha", "beta"], regressor: (d) => d.market!, minObs: 30 },
);
