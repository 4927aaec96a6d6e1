/**
 * Kolari & Pynnönen (2011) generalized rank test (GRANK) of a CAR window.
 * @module
 */
import type { KeyedSeries } from "./pooled.js";
import type { CrossTestResult } from "./types.js";
import { Acc, averageRanks, emptyResult, makeResult, moments, pNormal, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkArrayOf, checkNumbers } from "../../check.js";
import { KEYED_SERIES } from "../../shapes.js";

/** Both GRANK statistics. */
export interface GrankResult {
  /** t_grank = Z √((T − 2)/(T − 1 − Z²)) against t(T − 2). */
  readonly t: CrossTestResult;
  /** Z with the theoretical variance (T − 1)/(12 N (T + 1)) against N(0, 1). */
  readonly z: CrossTestResult;
}

/**
 * GRANK test of Kolari & Pynnönen (2011): the event window is collapsed to one point, the
 * cross-sectionally re-standardized SCAR, which is ranked together with the estimation-window
 * standardized residuals.
 *
 * ## Method
 * 1. SCAR*_i = SCAR_i/S_SCAR, S_SCAR the cross-sectional sample SD of the SCAR_i (events with a
 *    missing SCAR are dropped entirely; N = the rest).
 * 2. Per event the generalized series GSAR = the estimation SARs (on their keys) plus SCAR*_i at
 *    the event point; T_i = M_i + 1 non-missing values; U_it = rank/(T_i + 1) − ½ (average ties).
 * 3. Ū_t = (1/N_t) Σ_i U_it per key (the event point has N_t = N); S_Ū² = (1/T) Σ_t (N_t/N) Ū_t²
 *    over every key including the event point, T = number of keys.
 * 4. Z = Ū_0/S_Ū; t_grank = Z √((T − 2)/(T − 1 − Z²)) against t(T − 2).
 * 5. GRANK-Z: Ū_0/√((T − 1)/(12 N (T + 1))) against N(0, 1) (EST's variant, unverified).
 * A one-day window (SCAR = SAR of that day) gives the daily version. Robust to event-induced
 * volatility, serial correlation and cross-correlation.
 *
 * ## References
 * - Kolari, J. W. & Pynnönen, S. (2011). Nonparametric rank tests for event studies. Journal of
 *   Empirical Finance 18(5), 953–971.
 *
 * @param estimation - Per event: estimation-window standardized residuals on time keys.
 * @param scar - SCAR_i = CAR_i/√Var(CAR_i) per event (same order; `NaN` = missing).
 * @returns `{ t, z }`.
 * @example
 * ```ts
 * const est = [{ keys: [-3, -2, -1], values: [0.5, -1, 0.2] }, { keys: [-3, -2, -1], values: [1, -0.4, 0.1] }];
 * grankTest(est, [2.1, 1.5]).t.statistic; // => 1.732
 * grankTest(est, [2.1, 1.5]).z.p_value;   // => 0.0578
 * ```
 */
export function grankTest(estimation: readonly KeyedSeries[], scar: ArrayLike<number>): GrankResult {
  checkArrayOf("grankTest", "estimation", estimation, KEYED_SERIES);
  checkNumbers("grankTest", "scar", scar);
  const convT = "KP 2011: ranks of estimation SARs + SCAR/S_SCAR; S_Ū² = (1/T)Σ(N_t/N)Ū_t²; t(T − 2)";
  const convZ = "KP 2011 with Var(Ū_0) = (T − 1)/(12N(T + 1)); N(0,1)";
  const mt = "GRANK t test (Kolari-Pynnönen)";
  const mz = "GRANK Z test (Kolari-Pynnönen)";
  const ms = moments(scar);
  const N = ms.n;
  if (N < 2 || !(ms.sd > 0)) return { t: emptyResult(N, mt, convT), z: emptyResult(N, mz, convZ) };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let longest = 0;
  const count = Math.min(estimation.length, scar.length);
  for (let i = 0; i < count; i++) {
    if (Number.isNaN(scar[i]!)) continue;
    const s = estimation[i]!;
    if (s.keys.length > longest) longest = s.keys.length;
    for (let j = 0; j < s.keys.length; j++) {
      if (Number.isNaN(s.values[j]!)) continue;
      const k = s.keys[j]!;
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
  }
  const size = hi >= lo ? hi - lo + 1 : 0;
  const sum = new Float64Array(size);
  const cnt = new Int32Array(size);
  const vals = new Float64Array(longest + 1);
  const slot = new Int32Array(longest + 1);
  const ranks = new Float64Array(longest + 1);
  const order = new Float64Array(longest + 1);
  const u0 = new Acc();
  for (let i = 0; i < count; i++) {
    const sc = scar[i]!;
    if (Number.isNaN(sc)) continue;
    const s = estimation[i]!;
    let T = 0;
    for (let j = 0; j < s.keys.length; j++) {
      const v = s.values[j]!;
      if (Number.isNaN(v)) continue;
      vals[T] = v;
      slot[T] = s.keys[j]! - lo;
      T++;
    }
    vals[T] = sc / ms.sd;
    slot[T] = -1;
    T++;
    averageRanks(vals, T, ranks, order);
    for (let j = 0; j < T; j++) {
      const u = ranks[j]! / (T + 1) - 0.5;
      const k = slot[j]!;
      if (k < 0) u0.add(u);
      else {
        sum[k] = sum[k]! + u;
        cnt[k] = cnt[k]! + 1;
      }
    }
  }
  const ubar0 = u0.value / N;
  const v = new Acc();
  v.add(ubar0 * ubar0); // event point: N_t/N = 1
  let T = 1;
  for (let k = 0; k < size; k++) {
    const c = cnt[k]!;
    if (c === 0) continue;
    T++;
    const ub = sum[k]! / c;
    v.add((c / N) * ub * ub);
  }
  const S = Math.sqrt(v.value / T);
  const z = ubar0 / S;
  const t = z * Math.sqrt((T - 2) / (T - 1 - z * z));
  const zt = ubar0 / Math.sqrt((T - 1) / (12 * N * (T + 1)));
  return {
    t: makeResult(t, pStudent(t, T - 2), T - 2, N, mt, convT, { z, T, ubar0 }),
    z: makeResult(zt, pNormal(zt), undefined, N, mz, convZ, { T, ubar0 }),
  };
}

/** Registry entry: GRANK t (textbook in both profiles). */
export const grankT: CrossTestDescriptor<"grank_t"> = {
  name: "grank_t",
  method: "GRANK t test (Kolari-Pynnönen)",
  needs: ["grank"],
  daily: (ctx, day) => grankTest(ctx.grankEst, day.sar).t,
  window: (ctx, w) => grankTest(ctx.grankEst, w.scar).t,
};

/** Registry entry: GRANK Z (textbook in both profiles). */
export const grankZ: CrossTestDescriptor<"grank_z"> = {
  name: "grank_z",
  method: "GRANK Z test (Kolari-Pynnönen)",
  needs: ["grank"],
  daily: (ctx, day) => grankTest(ctx.grankEst, day.sar).z,
  window: (ctx, w) => grankTest(ctx.grankEst, w.scar).z,
};
