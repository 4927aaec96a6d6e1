/**
 * The design of the dummy-variable regression: the sample around the statements, the control
 * columns (market, factors, lagged returns), the event dummies (merged when two statements'
 * dummies fall on one session), and the complete-case rows of X and y.
 * @module
 */
import { MarketReactionError, invalidOption, type Warning } from "../../../errors.js";
import { matchFactorName } from "../../../models/spec.js";
import { isoFromDayKey } from "../../../time/index.js";
import { offsetLabel, windowLabel, type ResolvedEvent } from "../common.js";
import type { ClusteredData, RegressionRow } from "../types.js";
import type { ResolvedDummyOptions } from "./options.js";

/** One regressor: its name, kind and value on each session. */
export interface DesignColumn {
  readonly name: string;
  readonly kind: RegressionRow["kind"];
  readonly values: (i: number) => number;
  readonly events?: { id: string; offset: number }[];
  readonly session?: number;
}

/** The sample: sessions `lo` … `hi` (inclusive). */
export interface DummySample {
  readonly lo: number;
  readonly hi: number;
}

/**
 * The sample: `estimation` sessions before the first event window to `after` sessions after the
 * last (clipped to the data, with `SHORT_ESTIMATION_SAMPLE` when the start is).
 * @throws DATE_OUT_OF_RANGE when an event window runs past the data.
 */
export function dummySample(data: ClusteredData, evs: readonly ResolvedEvent[], o: ResolvedDummyOptions, warnings: Warning[]): DummySample {
  const n = data.asset.length;
  const [a, b] = o.window;
  let minS = Number.POSITIVE_INFINITY;
  let maxS = Number.NEGATIVE_INFINITY;
  for (const e of evs) {
    const s0 = e.index + a;
    const s1 = e.index + b;
    if (s0 < 0 || s1 >= n) {
      throw new MarketReactionError(
        "DATE_OUT_OF_RANGE",
        `statement ${e.id}: the event window ${windowLabel(o.window)} around ${e.iso} runs past the data (${isoFromDayKey(data.days[0]!)} to ${isoFromDayKey(data.days[n - 1]!)})`,
      );
    }
    minS = Math.min(minS, s0);
    maxS = Math.max(maxS, s1);
  }
  if (minS - o.estimation < 0) {
    warnings.push({
      code: "SHORT_ESTIMATION_SAMPLE",
      message: `the sample starts at the first session with data (${isoFromDayKey(data.days[0]!)}): ${minS} sessions before the first event window instead of ${o.estimation}`,
    });
  }
  return { lo: Math.max(0, minS - o.estimation), hi: Math.min(n - 1, maxS + o.after) };
}

/**
 * The control columns: `"market"` and factor names (default the market when the data has it),
 * then `lags` lagged returns of the series.
 * @throws INVALID_OPTION for an unknown control; MISSING_RETURNS for `market` without market returns.
 */
export function controlColumns(data: ClusteredData, controlsOption: readonly string[] | undefined, lags: number): DesignColumn[] {
  const n = data.asset.length;
  const out: DesignColumn[] = [];
  const controls = controlsOption ?? (data.market !== undefined ? ["market"] : []);
  if (!Array.isArray(controls)) invalidOption("controls", controls, `an array of "market" and factor names`);
  for (const name of controls) {
    if (name === "market") {
      const m = data.market;
      if (!(m instanceof Float64Array)) throw new MarketReactionError("MISSING_RETURNS", `control "market" requested but the data has no market returns`);
      if (m.length !== n) throw new MarketReactionError("INVALID_INPUT", `data.market has ${m.length} values; expected ${n}`);
      out.push({ name: "market", kind: "control", values: (i) => m[i]! });
      continue;
    }
    const available = data.factors === undefined ? [] : Object.keys(data.factors);
    const hit = typeof name === "string" ? matchFactorName(available, name) : undefined;
    if (hit === undefined) invalidOption("controls", name, `"market" or one of the factor columns (${available.join(", ") || "none given"})`);
    const col = data.factors![hit]!;
    if (col.length !== n) throw new MarketReactionError("INVALID_INPUT", `factor ${hit} has ${col.length} values; expected ${n}`);
    out.push({ name: hit, kind: "control", values: (i) => col[i]! });
  }
  const asset = data.asset;
  for (let l = 1; l <= lags; l++) {
    out.push({ name: `lag${l}`, kind: "lag", values: (i) => (i - l >= 0 ? asset[i - l]! : Number.NaN) });
  }
  return out;
}

/** The event dummies and, for the event specification, the column of each event session. */
export interface EventColumns {
  readonly columns: DesignColumn[];
  /** Session → index into `columns` (event specification only). */
  readonly termOf: ReadonlyMap<number, number>;
}

/**
 * The event dummies: one per statement and offset (`E17[-1]`; a session that is an offset of
 * two statements gives one merged term `E17[+2]=E22[0]`, with `MERGED_EVENT_DUMMIES`), or one per
 * offset counting the statements (`pooled[k]`).
 * @throws SINGULAR_DESIGN for merged dummies under `duplicates: "error"`.
 */
export function eventColumns(data: ClusteredData, evs: readonly ResolvedEvent[], o: ResolvedDummyOptions, warnings: Warning[]): EventColumns {
  const [a, b] = o.window;
  const termOf = new Map<number, number>();
  if (o.specification !== "event") {
    const dayIndex = evs.map((e) => e.index);
    const columns: DesignColumn[] = [];
    for (let k = a; k <= b; k++) {
      columns.push({
        name: `pooled[${offsetLabel(k)}]`,
        kind: "pooled",
        values: (i) => {
          let c = 0;
          for (const t of dayIndex) if (i === t + k) c++;
          return c;
        },
      });
    }
    return { columns, termOf };
  }
  const raw: DesignColumn[] = [];
  for (const e of evs) {
    for (let k = a; k <= b; k++) {
      const s = e.index + k;
      const existing = termOf.get(s);
      if (existing !== undefined) {
        raw[existing]!.events!.push({ id: e.id, offset: k });
        continue;
      }
      termOf.set(s, raw.length);
      raw.push({ name: "", kind: "event", values: (i) => (i === s ? 1 : 0), events: [{ id: e.id, offset: k }], session: s });
    }
  }
  const merges: string[] = [];
  const columns = raw.map((c) => {
    const name = c.events!.map((x) => `${x.id}[${offsetLabel(x.offset)}]`).join("=");
    if (c.events!.length > 1) merges.push(`${name} (${isoFromDayKey(data.days[c.session!]!)})`);
    return { ...c, name };
  });
  if (merges.length > 0) {
    if (o.duplicates === "error") {
      throw new MarketReactionError(
        "SINGULAR_DESIGN",
        `dummies of different statements fall on the same session, so their columns are identical and the design is singular: ${merges.join("; ")}; ` +
          `with daily data their effects are not separately identified (use duplicates: "merge", the pooled specification, or drop one statement)`,
      );
    }
    warnings.push({
      code: "MERGED_EVENT_DUMMIES",
      message:
        `dummies of different statements fall on the same session and are merged into one term each (their effects are not separately identified with daily data; ` +
        `each merged term enters the CAR of every statement it names): ${merges.join("; ")}`,
    });
  }
  return { columns, termOf };
}

/** The regression's rows (complete cases of the sample) and its X (column-major) and y. */
export interface Design {
  readonly rows: Int32Array;
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly T: number;
  readonly K: number;
}

/**
 * The complete cases of the sample (a session with any missing value is dropped) and X, y over them.
 * @throws MISSING_RETURNS when an event session is incomplete; INSUFFICIENT_ESTIMATION_DATA when T ≤ K.
 */
export function designMatrix(
  data: ClusteredData,
  evs: readonly ResolvedEvent[],
  o: ResolvedDummyOptions,
  sample: DummySample,
  columns: readonly DesignColumn[],
  controlCount: number,
): Design {
  const [a, b] = o.window;
  const asset = data.asset;
  const K = columns.length;
  const eventSessions = new Set<number>();
  for (const e of evs) for (let k = a; k <= b; k++) eventSessions.add(e.index + k);
  const rowsList: number[] = [];
  for (let i = sample.lo; i <= sample.hi; i++) {
    let ok = Number.isFinite(asset[i]!);
    for (let c = 1; ok && c <= controlCount; c++) ok = Number.isFinite(columns[c]!.values(i));
    if (ok) rowsList.push(i);
    else if (eventSessions.has(i)) {
      const who = evs.filter((e) => i - e.index >= a && i - e.index <= b).map((e) => `${e.id}[${offsetLabel(i - e.index)}]`);
      throw new MarketReactionError(
        "MISSING_RETURNS",
        `the event session ${isoFromDayKey(data.days[i]!)} (${who.join(", ")}) has a missing return or control; its dummy cannot be estimated`,
      );
    }
  }
  const rows = Int32Array.from(rowsList);
  const T = rows.length;
  if (T <= K) {
    throw new MarketReactionError(
      "INSUFFICIENT_ESTIMATION_DATA",
      `the dummy regression has ${K} coefficients but only ${T} complete sessions in the sample; lengthen the estimation period`,
    );
  }
  const X = new Float64Array(T * K);
  const y = new Float64Array(T);
  for (let r = 0; r < T; r++) {
    const i = rows[r]!;
    y[r] = asset[i]!;
    for (let c = 0; c < K; c++) X[r + c * T] = columns[c]!.values(i);
  }
  return { rows, X, y, T, K };
}
