/**
 * The clustered-statement results of `study --method dummy` / `--placebo B` as text: each number
 * in its own unit, with the covariance it uses, and the two mean CARs told apart.
 */
import { covarianceSentence, covarianceUse, formatTextTable, meanCarSentence, type Row, type Study } from "market-reaction";

/** Percent with 3 decimals for returns; raw value for a slope (β, factor loadings). */
function inOwnUnit(kind: string, x: number): string {
  if (!Number.isFinite(x)) return "";
  return kind === "control" || kind === "lag" ? x.toFixed(3) : `${(100 * x).toFixed(3)} %`;
}

function short(text: string, n: number): string {
  return text.length <= n
    ? text
    : `${text.slice(0, text.lastIndexOf("=", n - 1) > 0 ? text.lastIndexOf("=", n - 1) : n - 1)}=… (${text.split("=").length} statements)`;
}

function regressionTable(study: Study): string {
  const rows: Row[] = study.regression.map((r) => {
    const used = r.vcov === "hac" ? r.std_error_hac : r.std_error;
    return {
      asset: r.asset,
      term: short(r.term, 48),
      session: r.session ?? "",
      estimate: inOwnUnit(r.kind, r.estimate),
      se_used: inOwnUnit(r.kind, used),
      t: Number(r.statistic.toFixed(3)),
      p_value: Number(r.p_value.toPrecision(3)),
      vcov: r.vcov,
    };
  });
  return formatTextTable(rows, { columns: ["asset", "term", "session", "estimate", "se_used", "t", "p_value", "vcov"] });
}

function carTable(study: Study): string {
  const rows: Row[] = study.regression_car.map((c) => ({
    asset: c.asset,
    car: c.event_id,
    window: `[${c.window_start}, ${c.window_end}]`,
    "car_%": Number((100 * c.estimate).toFixed(3)),
    "se_used_%": Number((100 * (c.vcov === "hac" ? c.std_error_hac : c.std_error)).toFixed(3)),
    t: Number(c.statistic.toFixed(3)),
    p_value: Number(c.p_value.toPrecision(3)),
    vcov: c.vcov,
  }));
  return formatTextTable(rows);
}

function waldTable(study: Study): string {
  const rows: Row[] = study.wald.map((w) => ({
    asset: w.asset,
    hypothesis: w.hypothesis,
    chi2: Number(w.statistic.toFixed(3)),
    df: w.df,
    p_value: Number(w.p_value.toPrecision(3)),
    vcov: w.vcov,
  }));
  return formatTextTable(rows);
}

/** The dummy-variable regression: coefficients, CARs, Wald tests and what covariance each uses. */
export function regressionText(study: Study): string {
  const use = covarianceUse(study.regression, study.regression_car, study.wald);
  return (
    `\nDummy-variable regression. Coefficients in their own units: intercept and event dummies in percent per session, slopes (market β, factor loadings) as ratios; ` +
    `se_used is the standard error of the covariance named in vcov, which t and p_value use (every standard error: --format json).\n` +
    `${covarianceSentence(use)}\n` +
    regressionTable(study) +
    `\nCARs from the regression (sums of the coefficients of each statement's window; percent):\n` +
    carTable(study) +
    `\nWald tests (χ²):\n` +
    waldTable(study)
  );
}

/** The placebo test, and the sentence on the two mean CARs when the regression ran too. */
export function placeboText(study: Study): string {
  const p = study.placebo;
  if (p === null) return "";
  const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
  let text =
    `\nPlacebo test: statistic ${p.statistic} (from each statement's own model) = ${pct(p.observed)}, p = ${p.p_value.toPrecision(4)} ` +
    `(B = ${p.draws} pseudo-event draws, seed ${p.seed}, ${p.eligible.size} eligible sessions; null 2.5% / 97.5% quantiles: ${pct(p.quantiles["2.5%"])}, ${pct(p.quantiles["97.5%"])})\n` +
    `  eligible: ${p.eligible.definition}\n`;
  const mean = study.regression_car.find((c) => c.event_id === "mean");
  if (mean !== undefined && p.statistic.startsWith("mean CAR")) {
    text += `  ${meanCarSentence(mean.estimate, p.observed, p.statistic.replace(/^mean CAR /, ""))}\n`;
  }
  return text;
}
