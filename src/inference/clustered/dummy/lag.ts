/**
 * The Newey–West lag bounded by the regression sample.
 * @module
 */
import { invalidOption, type Warning } from "../../../errors.js";
import { neweyWestLag, type NeweyWestLagRule } from "../../../stats/hac.js";

/**
 * Checks the Newey–West lag against the T observations of the regression. A lag at or above T
 * has no autocovariances to weigh and is an error. Above T/4 it is a `HAC_LAG_LARGE` warning:
 * OLS residuals sum to zero, so with Bartlett weights near one over most lags the long-run
 * variance shrinks towards zero (a lag of 100 on 113 observations gives HAC standard errors
 * a fraction of the OLS ones) and t statistics grow without any evidence behind them.
 * @param lag - The lag used (given, or from the rule).
 * @param T - Complete-case observations of the regression.
 * @param lagOption - The `hacLag` option as given (a number or a rule's name), for the message.
 * @returns The warning, or undefined when the lag is at most T/4.
 * @throws INVALID_OPTION naming `hacLag` (and `--hac-lag`) when the lag is at least T.
 */
export function checkHacLag(lag: number, T: number, lagOption: number | NeweyWestLagRule): Warning | undefined {
  const rule = neweyWestLag(T, "nw1994");
  if (lag >= T) invalidOption("hacLag", lag, `a lag below the ${T} regression observations (the nw1994 rule gives ${rule}; on the command line --hac-lag)`);
  if (lag <= T / 4) return undefined;
  const source = typeof lagOption === "number" ? "given" : `from the ${lagOption} rule`;
  return {
    code: "HAC_LAG_LARGE",
    message:
      `the Newey-West lag ${lag} (${source}) is more than a quarter of the ${T} regression observations: ` +
      `the HAC standard errors shrink towards zero at such lags and their t statistics overstate significance; ` +
      `use hacLag "nw1994" (lag ${rule} here) or a lag of at most ${Math.floor(T / 4)} (command line: --hac-lag)`,
  };
}
