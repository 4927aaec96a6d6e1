/**
 * Core data types shared by every layer: day keys, series, statements, windows.
 * @module
 */

/**
 * A calendar date as whole days since 1970-01-01 (proleptic Gregorian, no time zone).
 * After the input boundary no `Date` object is used for trading days.
 */
export type DayKey = number;

/**
 * Whether the values of a series are prices, returns or levels. A `level` series (a yield, a
 * spread, a volatility index) is studied in changes: its reaction on a session is the change
 * of the level over that session, in the series' own unit; a level may be zero or negative.
 */
export type SeriesKind = "price" | "return" | "level";

/** One price or return series on a sorted, duplicate-free integer day index. */
export interface Series {
  readonly id: string;
  /** Strictly increasing day keys. */
  readonly days: Int32Array;
  /** One value per day; `NaN` marks a missing value. */
  readonly values: Float64Array;
  readonly kind: SeriesKind;
}

/** A dated statement or announcement whose market reaction is studied. */
export interface MarketEvent {
  readonly id: string;
  /**
   * Local time on the event's clock: `YYYY-MM-DDTHH:mm[:ss]` or a date `YYYY-MM-DD`.
   * Input may also carry an explicit offset (`…-04:00` or `Z`); parsers normalise it to
   * local time in `timezone`.
   */
  readonly timestamp: string;
  /** IANA time zone of `timestamp`; default `America/New_York`. */
  readonly timezone: string;
  /** `minute` when the time of day is known, `date` when only the date is. */
  readonly precision: "minute" | "date";
  /** The asset this statement concerns; absent means every asset of the study. */
  readonly asset?: string;
  readonly label?: string;
  readonly speaker?: string;
  readonly role?: string;
  readonly venue?: string;
  readonly source?: string;
  readonly group?: string;
}

/** Inclusive offsets in trading sessions relative to day 0, e.g. `[-250, -11]`. */
export type Window = readonly [start: number, end: number];
