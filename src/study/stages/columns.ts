/**
 * The numbers of a study's `abnormal`, `car` and `models` tables, kept in typed columns as the
 * pairs are computed (with the SQ test of every CAR); the row objects are made from them when a
 * table is first read (see `assembly.ts`).
 * @module
 */
import type { AbnormalReturns, CarResult } from "../../abnormal/index.js";
import { sqTestsOfFit } from "../../inference/single.js";
import type { ModelFit } from "../../models/index.js";
import type { PairPlan } from "./plan.js";

/** What the rows of one studied pair need beyond the columns. */
export interface RowSource {
  readonly plan: PairPlan;
  /** Where this pair's abnormal returns, CARs and coefficients start in the columns. */
  readonly arAt: number;
  readonly carAt: number;
  readonly coefAt: number;
  readonly names: readonly string[];
  readonly model: string;
  readonly nObs: number;
  readonly df: number;
  readonly sigma: number;
  readonly r2: number;
  /** GARCH models: `omega`, `alpha1`, `beta1`, `loglik`, `persistence` (α₁ + β₁) and `converged` (1 when the optimizer met its 1e-9 gradient tolerance, else 0) for the models table. */
  readonly garch: Readonly<Record<string, number>> | undefined;
}

/** The GARCH columns of a models row (the fit's `details` but the unconditional variance). */
function garchColumns(fit: ModelFit): Readonly<Record<string, number>> {
  const d = fit.details!;
  return { omega: d.omega!, alpha1: d.alpha1!, beta1: d.beta1!, loglik: d.loglik!, persistence: d.persistence!, converged: d.converged! };
}

/** A growable column of numbers (typed storage: no boxing, nothing for the collector to trace). */
export class Column {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  /**
   * Makes room for `count` more values and counts them in: the caller writes them at
   * `data[length before … length)` of the array returned (the column's storage from now on).
   */
  extend(count: number): Float64Array {
    const end = this.length + count;
    if (end > this.data.length) this.grow(end);
    this.length = end;
    return this.data;
  }
  private grow(atLeast: number): void {
    const grown = new Float64Array(Math.max(atLeast, this.data.length * 2));
    grown.set(this.data);
    this.data = grown;
  }
}

/** The numbers of the `abnormal`, `car` and `models` tables, one entry per row (or coefficient). */
function newColumns(abnormalRows: number, carRows: number, coefficients: number) {
  const a = (): Column => new Column(abnormalRows);
  const c = (): Column => new Column(carRows);
  return {
    actual: a(),
    expected: a(),
    ar: a(),
    se: a(),
    t: a(),
    p: a(),
    car: c(),
    carSe: c(),
    carT: c(),
    carP: c(),
    bhar: c(),
    from: c(),
    to: c(),
    n: c(),
    df: c(),
    diagonal: c(),
    sqP: c(),
    sqLower: c(),
    sqUpper: c(),
    coefficients: new Column(coefficients),
  };
}

/** The typed columns of a study's result tables. */
export type StudyColumnSet = ReturnType<typeof newColumns>;

/**
 * The columns of a study and the source of each studied pair, in row order; sized once for
 * `pairBound` pairs of `spanLength` sessions and `windowCount` windows.
 */
export class StudyColumns {
  readonly cols: StudyColumnSet;
  readonly sources: RowSource[] = [];
  private sqScratch = new Float64Array(0); // reused by every SQ test (no allocation per window)
  private sqOut: Float64Array;

  constructor(
    pairBound: number,
    spanLength: number,
    windowCount: number,
    private readonly sq: boolean,
  ) {
    this.cols = newColumns(pairBound * spanLength, pairBound * windowCount, pairBound * 4);
    this.sqOut = new Float64Array(3 * windowCount);
  }

  /** Appends a studied pair: its abnormal returns, coefficients, and CARs with their SQ tests (NaN when `sq` is off). */
  add(plan: PairPlan, fit: ModelFit, ars: AbnormalReturns, cars: readonly CarResult[]): void {
    const cols = this.cols;
    // one shape for every source: `garch` is always present (an object spread in the literal
    // made each source by a slow copy)
    const source: RowSource = {
      plan,
      arAt: cols.ar.length,
      carAt: cols.car.length,
      coefAt: cols.coefficients.length,
      names: fit.names,
      model: fit.model,
      nObs: fit.nObs,
      df: fit.df,
      sigma: Math.sqrt(fit.sigma2),
      r2: fit.r2,
      garch: fit.garch === undefined ? undefined : garchColumns(fit),
    };
    this.addAbnormal(ars);
    for (let j = 0; j < fit.coefficients.length; j++) cols.coefficients.push(fit.coefficients[j]!);
    this.addCars(cars, this.sqTests(fit, cars));
    this.sources.push(source);
  }

  /** The pair's abnormal returns, each column extended once and written in place (the columns grow together). */
  private addAbnormal(ars: AbnormalReturns): void {
    const cols = this.cols;
    const n = ars.length;
    const at = cols.ar.length;
    const actual = cols.actual.extend(n);
    const expected = cols.expected.extend(n);
    const ar = cols.ar.extend(n);
    const se = cols.se.extend(n);
    const t = cols.t.extend(n);
    const p = cols.p.extend(n);
    for (let i = 0; i < n; i++) {
      actual[at + i] = ars.actual[i]!;
      expected[at + i] = ars.expected[i]!;
      ar[at + i] = ars.ar[i]!;
      se[at + i] = Math.sqrt(ars.variance[i]!);
      t[at + i] = ars.t[i]!;
      p[at + i] = ars.pValue[i]!;
    }
  }

  /** The pair's CARs with their SQ tests (three entries per CAR in `sqOut`), as {@link addAbnormal} writes. */
  private addCars(cars: readonly CarResult[], sqOut: Float64Array): void {
    const cols = this.cols;
    const n = cars.length;
    const at = cols.car.length;
    const car = cols.car.extend(n);
    const se = cols.carSe.extend(n);
    const t = cols.carT.extend(n);
    const p = cols.carP.extend(n);
    const bhar = cols.bhar.extend(n);
    const from = cols.from.extend(n);
    const to = cols.to.extend(n);
    const count = cols.n.extend(n);
    const df = cols.df.extend(n);
    const diagonal = cols.diagonal.extend(n);
    const sqP = cols.sqP.extend(n);
    const sqLower = cols.sqLower.extend(n);
    const sqUpper = cols.sqUpper.extend(n);
    for (let c = 0; c < n; c++) {
      const r = cars[c]!;
      const k = at + c;
      car[k] = r.car;
      se[k] = r.se;
      t[k] = r.t;
      p[k] = r.pValue;
      bhar[k] = r.bhar;
      from[k] = r.from;
      to[k] = r.to;
      count[k] = r.n;
      df[k] = r.df;
      diagonal[k] = r.diagonalVariance;
      sqP[k] = sqOut[3 * c]!;
      sqLower[k] = sqOut[3 * c + 1]!;
      sqUpper[k] = sqOut[3 * c + 2]!;
    }
  }

  /** p-value, lower and upper quantile of the SQ test of each CAR (three entries per CAR). */
  private sqTests(fit: ModelFit, cars: readonly CarResult[]): Float64Array {
    if (!this.sq) return this.sqOut.fill(Number.NaN);
    if (this.sqScratch.length < fit.residuals.length) this.sqScratch = new Float64Array(fit.residuals.length);
    if (this.sqOut.length < 3 * cars.length) this.sqOut = new Float64Array(3 * cars.length);
    sqTestsOfFit(cars, fit, this.sqOut, 0, this.sqScratch);
    return this.sqOut;
  }
}
