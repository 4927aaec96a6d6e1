/**
 * What the dummy-variable regression reports: a row per coefficient, the CARs (per statement,
 * their mean, or the pooled CAAR) as linear combinations, and the joint Wald tests (default
 * hypotheses and the user's).
 * @module
 */
import { invalidOption } from "../../../errors.js";
import { isoFromDayKey } from "../../../time/index.js";
import type { Window } from "../../../types.js";
import { windowLabel, type ResolvedEvent } from "../common.js";
import type { DummyCarRow, ClusteredData, RegressionRow, WaldHypothesis, WaldRow } from "../types.js";
import { waldStatistic } from "../wald.js";
import type { DesignColumn, EventColumns } from "./design.js";
import type { DummyFit } from "./inference.js";
import type { ResolvedDummyOptions } from "./options.js";

/** The unit vector e_j of length K. */
function unit(K: number, j: number): Float64Array {
  const c = new Float64Array(K);
  c[j] = 1;
  return c;
}

/** One row per coefficient, with the statements and session behind an event term. */
export function coefficientRows(data: ClusteredData, columns: readonly DesignColumn[], fit: DummyFit): RegressionRow[] {
  return columns.map((col, j) => {
    const v = fit.combine(unit(columns.length, j));
    return {
      term: col.name,
      kind: col.kind,
      ...v,
      ...(col.events === undefined ? {} : { events: col.events.map((x) => ({ ...x })) }),
      ...(col.session === undefined ? {} : { session: isoFromDayKey(data.days[col.session]!) }),
    };
  });
}

/** Where the event terms start, and how to read statement CARs off them. */
export interface EventTerms {
  readonly K: number;
  readonly firstEvent: number;
  readonly events: EventColumns;
}

/** The weights c of the CAR of statement `e` over `w` (event specification). */
function carVector(t: EventTerms, e: ResolvedEvent, w: Window): Float64Array {
  const c = new Float64Array(t.K);
  for (let k = w[0]; k <= w[1]; k++) c[t.firstEvent + t.events.termOf.get(e.index + k)!] = 1;
  return c;
}

/** The CARs over each CAR window: per statement and their mean (event specification), or the pooled CAAR. */
export function carRows(evs: readonly ResolvedEvent[], o: ResolvedDummyOptions, t: EventTerms, fit: DummyFit): DummyCarRow[] {
  const cars: DummyCarRow[] = [];
  for (const w of o.carWindows) {
    if (o.specification === "event") {
      const mean = new Float64Array(t.K);
      for (const e of evs) {
        const c = carVector(t, e, w);
        for (let p = 0; p < t.K; p++) mean[p] = mean[p]! + c[p]! / evs.length;
        cars.push({ event_id: e.id, window: [w[0], w[1]], ...fit.combine(c) });
      }
      if (evs.length > 1) cars.push({ event_id: "mean", window: [w[0], w[1]], ...fit.combine(mean) });
    } else {
      const c = new Float64Array(t.K);
      for (let k = w[0]; k <= w[1]; k++) c[t.firstEvent + (k - o.window[0])] = 1;
      cars.push({ event_id: "pooled", window: [w[0], w[1]], ...fit.combine(c) });
    }
  }
  return cars;
}

interface Hypothesis {
  readonly name: string;
  readonly R: Float64Array[];
  readonly r: number[];
}

/**
 * The default hypotheses (all event coefficients zero; each statement's window zero; each pair of
 * statements' first-window CARs equal) and the user's; hypotheses with identical restrictions are
 * reported once, their names joined.
 */
export function waldRows(
  evs: readonly ResolvedEvent[],
  o: ResolvedDummyOptions,
  t: EventTerms,
  columns: readonly DesignColumn[],
  fit: DummyFit,
  extra: readonly WaldHypothesis[],
): WaldRow[] {
  const hyps = defaultHypotheses(evs, o, t);
  const termIndex = new Map(columns.map((c, j) => [c.name, j] as const));
  for (const [h, hyp] of extra.entries()) hyps.push(parseHypothesis(hyp, h, termIndex, t.K));
  const wald: WaldRow[] = [];
  const seen = new Map<string, number>();
  for (const h of hyps) {
    const key = h.R.map((row) => row.join(",")).join(";") + "|" + h.r.join(",");
    const prior = seen.get(key);
    if (prior !== undefined) {
      const row = wald[prior]!;
      wald[prior] = { ...row, hypothesis: mergeNames(row.hypothesis, h.name) };
      continue;
    }
    const q = h.R.length;
    const R = new Float64Array(q * t.K);
    h.R.forEach((row, i) => R.set(row, i * t.K));
    const vcov: "hac" | "ols" = o.vcovChoice === "auto" ? (h.R.some(fit.loadsOnIsolated) ? "ols" : "hac") : o.vcovChoice;
    const v = waldStatistic(fit.coefficients, vcov === "hac" ? fit.covHac : fit.covOls, t.K, R, Float64Array.from(h.r), fit.df);
    seen.set(key, wald.length);
    wald.push({ hypothesis: h.name, ...v, vcov });
  }
  return wald;
}

function defaultHypotheses(evs: readonly ResolvedEvent[], o: ResolvedDummyOptions, t: EventTerms): Hypothesis[] {
  const { K, firstEvent } = t;
  const hyps: Hypothesis[] = [];
  const allEvents = t.events.columns.map((_, j) => unit(K, firstEvent + j));
  hyps.push({ name: o.specification === "event" ? "all event coefficients = 0" : "all pooled coefficients = 0", R: allEvents, r: allEvents.map(() => 0) });
  if (o.specification !== "event") return hyps;
  const [a, b] = o.window;
  for (const e of evs) {
    const idx = new Set<number>();
    for (let k = a; k <= b; k++) idx.add(firstEvent + t.events.termOf.get(e.index + k)!);
    const R = [...idx].sort((x, y) => x - y).map((j) => unit(K, j));
    hyps.push({ name: `${e.id}: window ${windowLabel(o.window)} coefficients = 0`, R, r: R.map(() => 0) });
  }
  const w0 = o.carWindows[0]!;
  for (let i = 0; i < evs.length; i++) {
    for (let j = i + 1; j < evs.length; j++) {
      const ci = carVector(t, evs[i]!, w0);
      const cj = carVector(t, evs[j]!, w0);
      const d = ci.map((v, p) => v - cj[p]!);
      if (d.every((v) => v === 0)) continue; // identical CARs (same day 0): nothing to test
      hyps.push({ name: `CAR ${evs[i]!.id} ${windowLabel(w0)} = CAR ${evs[j]!.id} ${windowLabel(w0)}`, R: [d], r: [0] });
    }
  }
  return hyps;
}

function mergeNames(a: string, b: string): string {
  // "E17: window … = 0" + "E22: window … = 0" -> "E17, E22: window … = 0"
  const ia = a.indexOf(": ");
  const ib = b.indexOf(": ");
  if (ia > 0 && ib > 0 && a.slice(ia) === b.slice(ib)) return `${a.slice(0, ia)}, ${b.slice(0, ib)}${a.slice(ia)}`;
  return `${a}; ${b}`;
}

function parseHypothesis(h: WaldHypothesis, index: number, terms: Map<string, number>, K: number): { name: string; R: Float64Array[]; r: number[] } {
  const name = `hypotheses[${index}]`;
  if (typeof h !== "object" || h === null || typeof h.hypothesis !== "string" || !Array.isArray(h.rows) || h.rows.length === 0) {
    invalidOption(name, h, "{ hypothesis: string, rows: [{ term: weight, … }, …], rhs?: number[] }");
  }
  const R = h.rows.map((row, i) => {
    const c = new Float64Array(K);
    for (const [term, weight] of Object.entries(row)) {
      const j = terms.get(term);
      if (j === undefined) invalidOption(`${name}.rows[${i}]`, term, `a term of the regression (${[...terms.keys()].join(", ")})`);
      if (typeof weight !== "number" || !Number.isFinite(weight)) invalidOption(`${name}.rows[${i}].${term}`, weight, "a finite number");
      c[j] = weight;
    }
    return c;
  });
  const r = h.rhs === undefined ? R.map(() => 0) : [...h.rhs];
  if (r.length !== R.length || r.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    invalidOption(`${name}.rhs`, h.rhs, `${R.length} finite numbers`);
  }
  return { name: h.hypothesis, R, r };
}
