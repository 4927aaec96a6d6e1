/**
 * Sentences that say what the clustered-statement methods computed: which covariance each
 * number uses, why the regression's mean CAR and the placebo statistic differ, and the advice
 * of the event-volatility warning given what the study actually ran.
 * @module
 */
import { checkArrayOf, checkNumber, checkShape, checkString } from "../../check.js";

/** The covariance used by each group of numbers of a dummy-variable regression. */
export interface CovarianceUse {
  /** Event terms (coefficients of dummies) by covariance. */
  readonly eventTerms: { readonly ols: number; readonly hac: number };
  /** Regression CARs by covariance. */
  readonly cars: { readonly ols: number; readonly hac: number };
  /** Wald tests by covariance. */
  readonly wald: { readonly ols: number; readonly hac: number };
}

/**
 * Counts, per group of numbers (event coefficients, CARs, Wald tests), how many use each
 * covariance, from their `vcov` fields.
 *
 * @example
 * covarianceUse([{ kind: "control", vcov: "hac" }, { kind: "event", vcov: "ols" }], [{ vcov: "ols" }], []);
 * // => { eventTerms: { ols: 1, hac: 0 }, cars: { ols: 1, hac: 0 }, wald: { ols: 0, hac: 0 } }
 */
export function covarianceUse(
  regression: readonly { readonly kind: string; readonly vcov: string }[],
  cars: readonly { readonly vcov: string }[],
  wald: readonly { readonly vcov: string }[],
): CovarianceUse {
  checkArrayOf("covarianceUse", "regression", regression, { kind: "string", vcov: "string" });
  checkArrayOf("covarianceUse", "cars", cars, { vcov: "string" });
  checkArrayOf("covarianceUse", "wald", wald, { vcov: "string" });
  const count = (rows: readonly { readonly vcov: string }[]) => ({
    ols: rows.filter((r) => r.vcov === "ols").length,
    hac: rows.filter((r) => r.vcov === "hac").length,
  });
  return { eventTerms: count(regression.filter((r) => r.kind === "event" || r.kind === "pooled")), cars: count(cars), wald: count(wald) };
}

function part(name: string, c: { readonly ols: number; readonly hac: number }): string {
  if (c.ols + c.hac === 0) return "";
  if (c.hac === 0) return `${name}: OLS`;
  if (c.ols === 0) return `${name}: Newey-West (HAC)`;
  return `${name}: OLS for ${c.ols}, Newey-West (HAC) for ${c.hac}`;
}

/**
 * One sentence naming the covariance behind each group of numbers, with the reason OLS is
 * used for a session isolated by its own dummy.
 *
 * @example
 * covarianceSentence({ eventTerms: { ols: 3, hac: 0 }, cars: { ols: 1, hac: 0 }, wald: { ols: 1, hac: 0 } });
 * // => "Covariance used — event coefficients: OLS; CARs: OLS; Wald tests: OLS. A session isolated by its own dummy has a zero residual, so Newey-West (HAC) cannot estimate its variance; those numbers use the OLS covariance, and the HAC standard errors printed for them are not estimates of it."
 */
export function covarianceSentence(use: CovarianceUse): string {
  checkShape("covarianceSentence", "use", use, { eventTerms: "object", cars: "object", wald: "object" });
  const parts = [part("event coefficients", use.eventTerms), part("CARs", use.cars), part("Wald tests", use.wald)].filter((p) => p !== "");
  const anyOls = use.eventTerms.ols + use.cars.ols + use.wald.ols > 0;
  return (
    `Covariance used — ${parts.join("; ")}.` +
    (anyOls
      ? " A session isolated by its own dummy has a zero residual, so Newey-West (HAC) cannot estimate its variance; those numbers use the OLS covariance, and the HAC standard errors printed for them are not estimates of it."
      : "")
  );
}

/**
 * Why the regression's mean CAR and the placebo statistic (a mean CAR too) differ.
 *
 * @example
 * meanCarSentence(0.0106, 0.0095, "[-1, +1]").startsWith("Two mean CARs [-1, +1]: 1.06 % from the dummy-variable regression"); // => true
 */
export function meanCarSentence(regression: number, placebo: number, window: string): string {
  checkNumber("meanCarSentence", "regression", regression);
  checkNumber("meanCarSentence", "placebo", placebo);
  checkString("meanCarSentence", "window", window);
  const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
  return (
    `Two mean CARs ${window}: ${pct(regression)} from the dummy-variable regression (one fit over the whole sample; each merged session coefficient ` +
    `enters the CAR of every statement it names) and ${pct(placebo)}, the placebo statistic (the mean of CARs from each statement's own model, ` +
    `fitted on its own estimation window). They estimate the same quantity with different normal-return fits, so they differ by the difference of those fits.`
  );
}

/** What the study ran, for {@link volatilityAdvice}. */
export interface VolatilityAdviceInput {
  /** The regression ran; `olsOnly` when every event coefficient and CAR uses the OLS covariance. */
  readonly regression?: { readonly olsOnly: boolean };
  /** The placebo test ran. */
  readonly placebo: boolean;
}

/**
 * The end of the `HIGH_EVENT_VOLATILITY` message: what to read, naming the covariance each
 * result actually uses, or the options that would compute a robust result.
 *
 * @example
 * volatilityAdvice({ regression: { olsOnly: true }, placebo: true });
 * // => "so read the placebo test drawn from the same volatility regime: the regression's event coefficients, CARs and Wald tests use the OLS covariance (each event session is isolated by its own dummy, which Newey-West cannot see), so they are not robust to it either"
 */
export function volatilityAdvice(ran: VolatilityAdviceInput): string {
  checkShape("volatilityAdvice", "ran", ran, { regression: "object?" });
  const placebo = "the placebo test drawn from the same volatility regime";
  if (ran.regression === undefined) {
    return ran.placebo
      ? `so read ${placebo} (the regression option adds Newey-West (HAC) errors where a session is not isolated by its own dummy)`
      : "so the t and SQ p-values of this study may be too small: the placebo option (a test drawn from the same volatility regime) is robust to it; the regression option's Newey-West errors are robust only for coefficients of sessions not isolated by their own dummy (pooled dummies)";
  }
  const ols =
    "the regression's event coefficients, CARs and Wald tests use the OLS covariance (each event session is isolated by its own dummy, which Newey-West cannot see), so they are not robust to it either";
  if (ran.regression.olsOnly) return ran.placebo ? `so read ${placebo}: ${ols}` : `and ${ols}: the placebo option adds ${placebo}`;
  return ran.placebo
    ? `so read the Newey-West (HAC) results (their vcov is hac) and ${placebo}; results with vcov = ols are not robust to it`
    : `so read the Newey-West (HAC) results (their vcov is hac); results with vcov = ols are not robust to it, and the placebo option adds ${placebo}`;
}
