// One contract test over the model registry (src/models/registry.ts): every descriptor's
// metadata agrees with what its fit and prediction do, on synthetic data that every model can
// read. A new model is covered by adding it to the registry; its statistical contract (recovery
// of known parameters) is in contract.test.ts, which must name it too.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitModel, isMarketReactionError, MODEL_PRESETS, modelPreset, predictModel, validateModelSpec, type ModelSpec } from "../../src/index.js";
import { MODEL_REGISTRY, modelDescriptor } from "../../src/models/registry.js";
import { modelColumns } from "../../src/models/spec.js";
import { createRandom } from "../../src/stats/random.js";
import { repoRoot } from "../helpers/shared-data.js";

const n = 300;
const rng = createRandom(99);
const col = () => Float64Array.from({ length: n }, () => 0.01 * rng.normal());
const market = col();
const factors: Record<string, Float64Array> = {
  "Mkt-RF": market,
  SMB: col(),
  HML: col(),
  Mom: col(),
  RMW: col(),
  CMA: col(),
  RF: new Float64Array(n).fill(0.0001),
};
const noise = col();
const asset = Float64Array.from({ length: n }, (_, i) => 0.0002 + 0.9 * market[i]! + 0.3 * factors.SMB![i]! + 0.5 * noise[i]!);
const data = { asset, market, factors };
const indices = Array.from({ length: 250 }, (_, i) => i + 20);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isMarketReactionError(e) ? e.code : String(e);
  }
  return undefined;
};

describe("model registry", () => {
  it("types are distinct; the presets are the registry's, in its order, each of its own model's type", () => {
    const types = MODEL_REGISTRY.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect(MODEL_PRESETS).toEqual(MODEL_REGISTRY.flatMap((d) => Object.keys(d.presets)));
    for (const d of MODEL_REGISTRY)
      for (const [name, spec] of Object.entries(d.presets)) {
        expect(spec.type).toBe(d.type);
        expect(modelPreset(name as never)).toEqual(spec);
        expect(validateModelSpec(spec)).toBe(spec);
      }
  });

  it("every registered model has a statistical contract suite in contract.test.ts", () => {
    const text = readFileSync(`${repoRoot}/test/models/contract.test.ts`, "utf8");
    for (const d of MODEL_REGISTRY) expect(text, d.type).toContain(`{ type: "${d.type}"`);
  });

  for (const d of MODEL_REGISTRY) {
    const spec = Object.values(d.presets)[0]! as ModelSpec;
    describe(`${d.type} (${d.title(spec as never)})`, () => {
      it("parameterCount is the fit's k, its names and the prediction's design width", () => {
        const fit = fitModel(spec, data, indices);
        const k = d.parameterCount(spec as never, modelColumns(spec, data));
        expect(fit.k).toBe(k);
        expect(fit.coefficients.length).toBe(k);
        expect(fit.names.length).toBe(k);
        const p = predictModel(fit, data, [280, 281]);
        expect(p.design.length).toBe(2 * k);
        expect(Number.isFinite(p.expected[0]!)).toBe(true);
        expect(modelDescriptor(spec)).toBe(d);
      });

      it("inputs: the data it says it reads is required, and only that", () => {
        const withoutMarket = { asset, factors };
        const withoutFactors = { asset, market };
        expect(codeOf(() => fitModel(spec, withoutMarket, indices))).toBe(d.inputs.market ? "MISSING_RETURNS" : undefined);
        expect(codeOf(() => fitModel(spec, withoutFactors, indices))).toBe(d.inputs.factors ? "MISSING_RETURNS" : undefined);
        expect(modelColumns(spec, data).lags).toBe(d.marketLags(spec as never));
      });

      it("regression controls are columns the data has", () => {
        const controls = d.regressionControls(modelColumns(spec, data));
        for (const c of controls) expect(c === "market" ? d.inputs.market : d.inputs.factors && c in factors).toBe(true);
        expect(controls.length > 0).toBe(d.inputs.market || d.inputs.factors);
      });
    });
  }

  it("an unknown type names the registered ones", () => {
    try {
      validateModelSpec({ type: "arima" } as never);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain(
        MODEL_REGISTRY.map((d) => JSON.stringify(d.type))
          .slice(0, -1)
          .join(", "),
      );
    }
  });
});
