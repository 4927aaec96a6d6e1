/**
 * Stage 5 of `eventStudy`, estimation: the normal-return model fitted on a pair's estimation
 * sample (its complete cases, less the sessions the overlap check removed), with the buffers its
 * indices and residuals live in.
 * @module
 */
import { fitColumns, fitShortfall } from "../../models/model.js";
import type { ModelFit } from "../../models/index.js";
import { estimationIndicesOf } from "../../models/sample.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { PairPlan } from "./plan.js";

/** Buffers for a pair's estimation indices and residuals (`used`: taken so far, for a pool). */
export interface PairBuffers {
  readonly indices: Int32Array;
  readonly residuals: Float64Array;
  used: number;
}

/** Entries of a pool of kept fits' indices and residuals (96 KiB): the estimation samples of dozens of pairs. */
const POOL_ENTRIES = 8192;

/** Fresh buffers for one pair of estimation window `length`. */
export function pairBuffers(length: number): PairBuffers {
  return { indices: new Int32Array(length), residuals: new Float64Array(length), used: 0 };
}

/**
 * Where the fits' indices and residuals go. When the fits are kept (the cross-event tests read
 * them), pools of at least {@link POOL_ENTRIES} entries hold the fits of one asset after another,
 * and each fit holds views into them (one allocation for many pairs instead of two per asset);
 * otherwise nothing of a pair is kept and one scratch serves all (`study.pairs` recomputes them
 * when read).
 */
export class EstimationBuffers {
  private pool: PairBuffers | undefined;
  private scratch: PairBuffers = pairBuffers(0);
  constructor(private readonly keep: boolean) {}

  /** Buffers for a pair of estimation window `length`, `remaining` pairs of the asset (this one included) still to come. */
  take(length: number, remaining: number): PairBuffers {
    if (!this.keep) {
      if (this.scratch.indices.length < length) this.scratch = pairBuffers(length);
      return this.scratch;
    }
    if (this.pool === undefined || this.pool.used + length > this.pool.indices.length) {
      this.pool = pairBuffers(Math.max(length * Math.max(1, remaining), POOL_ENTRIES));
    }
    return this.pool;
  }

  /** Marks `length` entries of the pool as used by a kept fit. */
  commit(length: number): void {
    if (this.keep) this.pool!.used += length;
  }
}

/**
 * Fits the study's model on a pair's estimation sample; the fit's residuals and indices are
 * views into `buffers` at `buffers.used`. The fewest observations default to half the window,
 * rounded up, and at least 3.
 * @throws MarketReactionError when the pair cannot be studied (too few observations, singular design).
 */
export function estimatePair(plan: PairPlan, opts: Pick<ResolvedStudyOptions, "model" | "minEstimationObs">, buffers: PairBuffers): ModelFit {
  return estimate(plan, opts, buffers, false) as ModelFit;
}

/**
 * {@link estimatePair}, but too few complete cases give the reason (the message of the error
 * it would throw) instead of an error, unless the study is strict: most pairs of a dense study
 * are skipped so, and making and catching an error for each costs more than their fits.
 * @throws MarketReactionError as {@link estimatePair} for the other reasons.
 */
export function estimatePairOrShortfall(
  plan: PairPlan,
  opts: Pick<ResolvedStudyOptions, "model" | "minEstimationObs" | "strict">,
  buffers: PairBuffers,
): ModelFit | string {
  return estimate(plan, opts, buffers, !opts.strict);
}

function estimate(
  plan: PairPlan,
  opts: Pick<ResolvedStudyOptions, "model" | "minEstimationObs">,
  buffers: PairBuffers,
  shortfallAsText: boolean,
): ModelFit | string {
  const { est, columns } = plan;
  const at = buffers.used;
  const indices = estimationIndicesOf(columns, est, plan.mask, buffers.indices.subarray(at, at + est.length));
  const minObs = opts.minEstimationObs ?? Math.max(Math.ceil(est.length / 2), 3);
  const model = plan.model ?? opts.model;
  if (shortfallAsText) {
    const shortfall = fitShortfall(model, columns, indices, est.length, { minObs });
    if (shortfall !== undefined) return shortfall;
  }
  return fitColumns(model, columns, indices, est.length, { minObs }, buffers.residuals.subarray(at, at + est.length));
}
