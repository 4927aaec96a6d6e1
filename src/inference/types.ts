/**
 * The shape every hypothesis test returns: statistic, p-value, alternative, method, convention.
 * @module
 */

/**
 * Result of a hypothesis test: `{ statistic, p_value, df?, n, alternative, method, convention }`
 * (the field names are those of the tidy output tables).
 */
export interface TestResult {
  /** The test statistic (a t value, a z value, or for the SQ test the CAR itself). */
  readonly statistic: number;
  /** p-value for `alternative`; `NaN` when undefined (e.g. missing data). */
  readonly p_value: number;
  /** Degrees of freedom of the reference distribution, when it has any. */
  readonly df?: number;
  /** Number of observations behind the statistic (for single-event tests: abnormal returns summed). */
  readonly n: number;
  readonly alternative: "two-sided";
  /** Name of the test, e.g. `CAR t test`. */
  readonly method: string;
  /** The small-sample convention used (variance divisor, covariance, reference distribution). */
  readonly convention: string;
}

/** A t test of one abnormal return or one CAR (single event). */
export interface SingleTTestResult extends TestResult {
  readonly df: number;
  /** The AR or CAR being tested. */
  readonly estimate: number;
  /** Its standard error. */
  readonly se: number;
}

/** Result of the Gelbach–Helland–Klick SQ test. */
export interface SqTestResult extends TestResult {
  /** The CAR (or AR) tested; equal to `statistic`. */
  readonly estimate: number;
  /** Window length L: the null sums add L consecutive residuals. */
  readonly length: number;
  /** Coverage of the reported quantile interval (default 0.95). */
  readonly level: number;
  /** Empirical (1 − level)/2 quantile of the null sums (R's type 7). */
  readonly lower: number;
  /** Empirical (1 + level)/2 quantile of the null sums (R's type 7). */
  readonly upper: number;
  /** Number of null sums at or below the statistic. */
  readonly below: number;
  /** Number of null sums at or above the statistic. */
  readonly above: number;
}
