/**
 * The draws of a placebo test: the anchors that keep the statements' spacing (or the warning
 * that independent dates understate clustered statements), the statistic on the real dates, the
 * seeded null distribution and its summary.
 * @module
 */
import { MarketReactionError, type Warning } from "../../../errors.js";
import { createRandom } from "../../../stats/index.js";
import { quantile7 } from "../../../stats/quantile.js";
import type { ResolvedEvent } from "../common.js";
import type { ResolvedPlaceboOptions } from "./options.js";
import type { SessionTable } from "./tables.js";
import type { Stratum } from "./strata.js";

/** How pseudo-dates are drawn: with `spacing: "keep"`, one anchor per draw and the statements' shifts from it. */
export interface DrawPlan {
  /** Offsets of the used statements from the first one, in sessions. */
  readonly shifts: readonly number[];
  /** Anchor sessions whose shifted dates are all eligible (empty for independent draws). */
  readonly anchors: Int32Array;
}

/**
 * The anchors (first used statement's stratum) whose shifted dates are all eligible, under
 * `spacing: "keep"`; for independent draws, `CLUSTERED_STATEMENTS` when the real event windows overlap.
 * @throws INSUFFICIENT_DATA when no anchor keeps the spacing.
 */
export function drawPlan(
  evs: readonly ResolvedEvent[],
  usedEvents: readonly number[],
  strata: readonly Stratum[],
  eligible: readonly number[],
  o: Pick<ResolvedPlaceboOptions, "spacing" | "windows">,
  warnings: Warning[],
): DrawPlan {
  const shifts = usedEvents.map((j) => evs[j]!.index - evs[usedEvents[0]!]!.index);
  const eligibleSet = new Set(eligible);
  if (o.spacing === "keep") {
    const anchors = Int32Array.from(Array.from(strata[usedEvents[0]!]!.sessions).filter((d) => shifts.every((s) => eligibleSet.has(d + s))));
    if (anchors.length === 0) {
      throw new MarketReactionError("INSUFFICIENT_DATA", `placebo: no eligible anchor session keeps the statements' spacing (${shifts.join(", ")} sessions)`);
    }
    return { shifts, anchors };
  }
  const sortedIdx = usedEvents.map((j) => evs[j]!.index).sort((x, y) => x - y);
  const longest = Math.max(...o.windows.map((w) => w[1] - w[0]));
  if (sortedIdx.some((t, i) => i > 0 && t - sortedIdx[i - 1]! <= longest)) {
    warnings.push({
      code: "CLUSTERED_STATEMENTS",
      message:
        `the real statements' event windows overlap, but independent pseudo-dates rarely do, so the null distribution understates the spread of a statistic over clustered statements; ` +
        `consider spacing: "keep" (pseudo-dates keep the statements' spacing)`,
    });
  }
  return { shifts, anchors: new Int32Array(0) };
}

/** The statistic over a set of dates: one CAR, the mean CAR, or the sum of squared standardized CARs. */
function statisticOf(type: "car" | "mean-car" | "wald", dates: ArrayLike<number>, carArr: Float64Array, varArr: Float64Array): number {
  if (type === "car") return carArr[dates[0]!]!;
  let s = 0;
  for (let j = 0; j < dates.length; j++) {
    const c = carArr[dates[j]!]!;
    s += type === "wald" ? (c * c) / varArr[dates[j]!]! : c;
  }
  return type === "wald" ? s : s / dates.length;
}

/** The statistic on the real dates and its null distribution. */
export interface NullDistribution {
  readonly observed: number;
  /** Draws at least as extreme as the observed statistic (ties within 1e-12·|S| count). */
  readonly extreme: number;
  readonly nullStats: Float64Array;
}

/**
 * The observed statistic and B draws of it on pseudo-dates from `createRandom(seed)`: an anchor
 * and the shifts, or per statement a date of its stratum, distinct within a draw.
 */
export function drawNull(
  evs: readonly ResolvedEvent[],
  usedEvents: readonly number[],
  strata: readonly Stratum[],
  plan: DrawPlan,
  table: SessionTable,
  realTable: SessionTable,
  o: ResolvedPlaceboOptions,
): NullDistribution {
  const type = o.statistic.type;
  const carW = table.car[o.wIndex]!;
  const varW = table.variance[o.wIndex]!;
  const observed = statisticOf(
    type,
    usedEvents.map((j) => evs[j]!.index),
    realTable.car[o.wIndex]!,
    realTable.variance[o.wIndex]!,
  );
  const rng = createRandom(o.seed);
  const J = usedEvents.length;
  const pick = new Int32Array(J);
  const nullStats = new Float64Array(o.draws);
  const tol = 1e-12 * Math.abs(observed);
  let extreme = 0;
  for (let bIdx = 0; bIdx < o.draws; bIdx++) {
    if (o.spacing === "keep") {
      const d0 = plan.anchors[rng.int(plan.anchors.length)]!;
      for (let j = 0; j < J; j++) pick[j] = d0 + plan.shifts[j]!;
    } else
      for (let j = 0; j < J; j++) {
        const pool = strata[usedEvents[j]!]!.sessions;
        let d: number;
        let clash: boolean;
        do {
          d = pool[rng.int(pool.length)]!;
          clash = false;
          for (let i = 0; i < j; i++) if (pick[i] === d) clash = true;
        } while (clash);
        pick[j] = d;
      }
    const s = statisticOf(type, pick, carW, varW);
    nullStats[bIdx] = s;
    if (Math.abs(s) >= Math.abs(observed) - tol) extreme++;
  }
  return { observed, extreme, nullStats };
}

/** Mean, SD (n − 1) and type-7 quantiles of the null draws. */
export function summarizeNull(nullStats: Float64Array): { mean: number; sd: number; q: (p: number) => number } {
  const draws = nullStats.length;
  const sorted = Float64Array.from(nullStats).sort();
  let mean = 0;
  for (let i = 0; i < draws; i++) mean += nullStats[i]!;
  mean /= draws;
  let ss = 0;
  for (let i = 0; i < draws; i++) ss += (nullStats[i]! - mean) ** 2;
  const sd = draws > 1 ? Math.sqrt(ss / (draws - 1)) : Number.NaN;
  return { mean, sd, q: (p: number): number => quantile7(sorted, p) };
}
