# Golden values for the Student t distribution from R's pt() and qt().
# Run from the repository root:  Rscript scripts/golden/pt.R
# Writes test/golden/data/pt.json. Every number has 17 significant digits.
source(file.path("scripts", "golden", "json.R"))

dfs <- c(1, 2, 2.5, 3, 4, 5, 7, 7.3, 10, 15, 20, 30, 50, 100, 200, 500, 1000)
ts <- c(0, 0.001, 0.1, 0.5, 1, 1.96, 2.5, 3, 5, 10, 20, 40)
ts <- sort(unique(c(-ts, ts)))

grid <- expand.grid(t = ts, df = dfs)
cdf <- list(
  t = grid$t,
  df = grid$df,
  lower = pt(grid$t, grid$df),                       # P(T <= t)
  upper = pt(grid$t, grid$df, lower.tail = FALSE)    # P(T > t), computed by R directly
)

ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4,
        0.49, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999)
qgrid <- expand.grid(p = ps, df = dfs)
q_raw <- qt(qgrid$p, qgrid$df)
# R's qt() can be inaccurate in the extreme tail (e.g. p = 1e-300, df = 2.5: pt(qt(p)) is
# off by 2e-5 relative). q_newton polishes it with Newton steps on log P(T <= q) = log p,
# using pt(log.p = TRUE) and dt(log = TRUE), which are accurate there; the tests compare
# against q_newton.
q_newton <- q_raw
for (step in 1:3) {
  lp <- pt(q_newton, qgrid$df, log.p = TRUE)
  ld <- dt(q_newton, qgrid$df, log = TRUE)
  upd <- (lp - log(qgrid$p)) * exp(lp - ld)
  upd[qgrid$p == 0.5] <- 0
  q_newton <- q_newton - upd
}
quant <- list(p = qgrid$p, df = qgrid$df, q = q_raw, q_newton = q_newton,
              max_abs_log_rel_change = max(abs(q_newton / q_raw - 1), na.rm = TRUE))

write_json_file(list(
  source = "R pt(t, df) and pt(t, df, lower.tail = FALSE); qt(p, df). scripts/golden/pt.R",
  R_version = R.version.string,
  cdf = cdf,
  quantile = quant
), golden_path("pt.json"))
