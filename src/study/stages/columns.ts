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
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  private grow(): void {
    const grown = new Float64Array(this.data.length * 2);
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
    for (let i = 0; i < ars.length; i++) {
      cols.actual.push(ars.actual[i]!);
      cols.expected.push(ars.expected[i]!);
      cols.ar.push(ars.ar[i]!);
      cols.se.push(Math.sqrt(ars.variance[i]!));
      cols.t.push(ars.t[i]!);
      cols.p.push(ars.pValue[i]!);
    }
    for (let j = 0; j < fit.coefficients.length; j++) cols.coefficients.push(fit.coefficients[j]!);
    const sqOut = this.sqTests(fit, cars);
    for (let c = 0; c < cars.length; c++) {
      const car = cars[c]!;
      cols.car.push(car.car);
      cols.carSe.push(car.se);
      cols.carT.push(car.t);
      cols.carP.push(car.pValue);
      cols.bhar.push(car.bhar);
      cols.from.push(car.from);
      cols.to.push(car.to);
      cols.n.push(car.n);
      cols.df.push(car.df);
      cols.diagonal.push(car.diagonalVariance);
      cols.sqP.push(sqOut[3 * c]!);
      cols.sqLower.push(sqOut[3 * c + 1]!);
      cols.sqUpper.push(sqOut[3 * c + 2]!);
    }
    this.sources.push(source);
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
