/**
 * The skip log of a study: an (asset, statement) pair that cannot be studied becomes a row of the
 * `skipped` table (its code and reason), or, under `strict`, an error.
 * @module
 */
import { MarketReactionError, isMarketReactionError, type ErrorCode } from "../../errors.js";
import type { SkippedRow } from "../rows.js";

/** Collects skipped pairs in the order they are met (that order is the `skipped` table's). */
export class SkipLog {
  readonly rows: SkippedRow[] = [];
  constructor(private readonly strict: boolean) {}

  /**
   * Records a pair that cannot be studied; under `strict`, throws instead: `cause` itself when it
   * is a MarketReactionError, else a new error with `code` and the reason.
   */
  skip(eventId: string, asset: string, exchange: string, code: ErrorCode | string, reason: string, cause?: unknown): void {
    if (this.strict) {
      if (isMarketReactionError(cause)) throw cause;
      throw new MarketReactionError(code as ErrorCode, `event ${eventId}, asset ${asset}: ${reason}`);
    }
    this.rows.push({ event_id: eventId, asset, exchange, code, reason });
  }

  /** Skips every statement of an asset for the same error (e.g. its returns could not be computed). */
  skipAll(eventIds: readonly string[], asset: string, exchange: string, error: MarketReactionError): void {
    for (const id of eventIds) this.skip(id, asset, exchange, error.code, error.message, error);
  }

  /** A statement that could not be placed on an exchange (no asset yet). */
  unplaced(eventId: string, exchange: string, code: string, reason: string): void {
    this.rows.push({ event_id: eventId, asset: null, exchange, code, reason });
  }
}
