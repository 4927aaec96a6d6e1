// The intraday normal-return models, written once for both references (src/intraday/model.ts).
import { describe, expect, it } from "vitest";
import { fitIntradayModel, windowExpectation } from "../../src/intraday/model.js";

const x = [0.001, -0.002, 0.004, 0.0005, -0.001];
const m = [0.0008, -0.0015, 0.003, 0.0001, -0.0012];

describe("intraday models", () => {
  it("zero mean: E = 0, per-unit variance Σx²/n, scaled by the units", () => {
    const fit = fitIntradayModel("zero-mean", x, []);
    const ss = x.reduce((s, v) => s + v * v, 0);
    expect(fit.variance).toBe(ss / 5);
    expect(windowExpectation("zero-mean", fit, 1, Number.NaN)).toEqual({ expected: 0, sd: Math.sqrt(ss / 5) });
    expect(windowExpectation("zero-mean", fit, 10, Number.NaN)).toEqual({ expected: 0, sd: Math.sqrt((ss / 5) * 10) });
    expect(fit.residual(0.003, Number.NaN)).toBe(0.003);
    expect(fitIntradayModel("zero-mean", [], []).variance).toBeNaN();
  });

  it("constant mean: E = L·x̄, variance Σ(x − x̄)²/(n − 1)", () => {
    const fit = fitIntradayModel("constant-mean", x, []);
    const mu = x.reduce((s, v) => s + v, 0) / 5;
    expect(fit.level).toBeCloseTo(mu, 18);
    expect(fit.variance).toBeCloseTo(x.reduce((s, v) => s + (v - mu) ** 2, 0) / 4, 18);
    const w = windowExpectation("constant-mean", fit, 4, 0.5);
    expect(w.expected).toBe(fit.level * 4);
    expect(fit.residual(0.003, 0)).toBe(0.003 - fit.level);
    expect(fitIntradayModel("constant-mean", [0.001], []).variance).toBeNaN();
  });

  it("market: OLS x = α + βm; E = Lα + β·m_window, sd = √(L·rss/(n − 2))", () => {
    const fit = fitIntradayModel("market", x, m);
    const mx = m.reduce((s, v) => s + v, 0) / 5;
    const my = x.reduce((s, v) => s + v, 0) / 5;
    const beta = m.reduce((s, v, i) => s + (v - mx) * (x[i]! - my), 0) / m.reduce((s, v) => s + (v - mx) ** 2, 0);
    expect(fit.beta).toBeCloseTo(beta, 12);
    expect(fit.level).toBeCloseTo(my - beta * mx, 14);
    const rss = x.reduce((s, v, i) => s + (v - fit.level - fit.beta * m[i]!) ** 2, 0);
    expect(fit.variance).toBeCloseTo(rss / 3, 16);
    const w = windowExpectation("market", fit, 3, 0.002);
    expect(w.expected).toBe(fit.level * 3 + fit.beta * 0.002);
    expect(w.sd).toBe(Math.sqrt(fit.variance * 3));
    expect(fit.residual(x[2]!, m[2]!)).toBe(x[2]! - fit.level - fit.beta * m[2]!);
  });
});
