# Golden values for the measures beyond returns (src/measures, level series in src/io and
# src/returns), computed independently in R from the committed synthetic fixtures:
#   - abnormal volatility: the US index (Adj Close) on the world benchmark, market model by lm()
#     on the 250 sessions ending 2025-03-20, event sessions 2025-04-01 .. 2025-04-11; per
#     session AR^2 / Var(AR) and pf(., 1, M - 2); the window statistic
#     AR' Omega^-1 AR / (L s^2), Omega = I + X* (X'X)^-1 X*', and pf(., L, M - 2);
#   - range-based volatility of the synthetic GARCH asset (open/high/low/close): Parkinson and
#     Garman-Klass daily variances, their mean over the 250 sessions ending 2025-03-31, ratios and
#     the t test of log variance for 2025-04-01 .. 2025-04-11 (pt, M - 1 df);
#   - abnormal volume of the synthetic GARCH asset (one session of zero volume, offset 1):
#     log(V + 1), mean-adjusted (lm(v ~ 1)) and market model on the US index's log volume,
#     estimation 250 sessions ending 2025-03-31, event span 2025-04-01 .. 2025-04-11 with day 0 =
#     2025-04-03; ARs, variances, t, p; windows [0, 0], [0, 4], [-2, 6] with the full
#     covariance; wilcox.test(window ARs, estimation residuals, exact = FALSE, correct = FALSE);
#   - level series: DGS10 and DGS2 of fixtures/daily/synthetic-levels.csv in basis points
#     (100 * percent), daily changes, lm of the DGS10 change on the DGS2 change and on the world
#     return (estimation 250 sessions ending 2025-03-31), ARs of 2025-04-01 .. 2025-04-11.
# Run from the repository root:  Rscript scripts/golden/measures.R
# Writes test/golden/data/measures.json with 17 significant digits.
source(file.path("scripts", "golden", "json.R"))

simple_returns <- function(p) c(NA, diff(p) / head(p, -1))

us <- read.csv("fixtures/daily/synthetic-us-index.csv", check.names = FALSE, stringsAsFactors = FALSE)
world <- read.csv("fixtures/daily/synthetic-world.csv", stringsAsFactors = FALSE)
g <- read.csv("fixtures/daily/synthetic-garch.csv", stringsAsFactors = FALSE)
lv <- read.csv("fixtures/daily/synthetic-levels.csv", stringsAsFactors = FALSE)
stopifnot(identical(us$Date, world$date), identical(g$date, world$date), identical(lv$date, world$date))
dates <- world$date
at <- function(d) which(dates == d)
event_idx <- at("2025-04-01"):at("2025-04-11")

# prediction errors of an lm fit at new regressor rows, with their covariance
predict_errors <- function(fit, X_new, y_new) {
  X <- model.matrix(fit)
  s2 <- summary(fit)$sigma^2
  C <- solve(crossprod(X))
  ar <- as.vector(y_new - X_new %*% coef(fit))
  Omega <- diag(nrow(X_new)) + X_new %*% C %*% t(X_new)
  list(ar = ar, variance = s2 * diag(Omega), Omega = Omega, s2 = s2, df = fit$df.residual)
}

# ---- abnormal volatility (market model of the US index) -------------------------------------
y <- simple_returns(us[["Adj Close"]])
x <- simple_returns(world$adj_close)
est <- (at("2025-03-20") - 249):at("2025-03-20")
fit <- lm(y[est] ~ x[est])
pe <- predict_errors(fit, cbind(1, x[event_idx]), y[event_idx])
ratio <- pe$ar^2 / pe$variance
L <- length(event_idx)
W <- as.numeric(t(pe$ar) %*% solve(pe$Omega, pe$ar)) / (L * pe$s2)
volatility <- list(
  estimation_last = "2025-03-20", event_first = "2025-04-01", event_last = "2025-04-11",
  ar = I(pe$ar), variance = I(pe$variance), ratio = I(ratio),
  p_value = I(pf(ratio, 1, pe$df, lower.tail = FALSE)),
  window_statistic = W, df1 = L, df2 = pe$df,
  window_p_value = pf(W, L, pe$df, lower.tail = FALSE)
)

# ---- range-based volatility (synthetic GARCH asset) ------------------------------------------
park <- log(g$high / g$low)^2 / (4 * log(2))
gk <- 0.5 * log(g$high / g$low)^2 - (2 * log(2) - 1) * log(g$close / g$open)^2
est_r <- (at("2025-03-31") - 249):at("2025-03-31")
range_test <- function(v) {
  lv_est <- log(v[est_r])
  m <- mean(lv_est); s <- sd(lv_est); M <- length(est_r)
  tt <- (log(v[event_idx]) - m) / (s * sqrt(1 + 1 / M))
  list(estimation_mean = mean(v[est_r]), ratio = I(v[event_idx] / mean(v[est_r])), t = I(tt),
       p_value = I(2 * pt(-abs(tt), M - 1)), df = M - 1)
}
ranges <- list(
  estimation_last = "2025-03-31",
  parkinson_all = I(park), garman_klass_all = I(gk),
  parkinson = range_test(park), garman_klass = range_test(gk)
)

# ---- abnormal volume --------------------------------------------------------------------------
v <- log(g$volume + 1)
vb <- log(us$Volume + 1)
stopifnot(sum(g$volume == 0) == 1)
est_v <- est_r
day0 <- at("2025-04-03")
offsets <- event_idx - day0
volume_model <- function(fit, X_new) {
  pe <- predict_errors(fit, X_new, v[event_idx])
  tt <- pe$ar / sqrt(pe$variance)
  res <- residuals(fit)
  win <- function(from, to) {
    k <- which(offsets >= from & offsets <= to)
    one <- rep(1, length(k))
    car <- sum(pe$ar[k])
    var_car <- pe$s2 * as.numeric(t(one) %*% pe$Omega[k, k, drop = FALSE] %*% one)
    wt <- wilcox.test(pe$ar[k], res, exact = FALSE, correct = FALSE)
    list(window = I(c(from, to)), car = car, variance = var_car, t = car / sqrt(var_car),
         p_value = 2 * pt(-abs(car / sqrt(var_car)), pe$df),
         wilcoxon_W = unname(wt$statistic), rank_p_value = wt$p.value)
  }
  list(coefficients = I(unname(coef(fit))), sigma2 = pe$s2, df = pe$df,
       ar = I(pe$ar), variance = I(pe$variance), t = I(tt), p_value = I(2 * pt(-abs(tt), pe$df)),
       windows = list(win(0, 0), win(0, 4), win(-2, 6)))
}
volume <- list(
  estimation_last = "2025-03-31", day0 = "2025-04-03", start = offsets[1], offset = 1,
  zero_volume_date = g$date[g$volume == 0],
  mean_adjusted = volume_model(lm(v[est_v] ~ 1), matrix(1, L, 1)),
  market = volume_model(lm(v[est_v] ~ vb[est_v]), cbind(1, vb[event_idx]))
)

# ---- level series in changes ----------------------------------------------------------------
d10 <- c(NA, diff(100 * lv$DGS10))
d2 <- c(NA, diff(100 * lv$DGS2))
level_model <- function(xx) {
  fit <- lm(d10[est_r] ~ xx[est_r])
  pe <- predict_errors(fit, cbind(1, xx[event_idx]), d10[event_idx])
  list(coefficients = I(unname(coef(fit))), sigma2 = pe$s2, df = pe$df, ar = I(pe$ar), variance = I(pe$variance))
}
levels <- list(
  estimation_last = "2025-03-31",
  dgs10_change_bp = I(d10[event_idx]),
  on_dgs2 = level_model(d2),
  on_world_return = level_model(x),
  constant_mean = {
    fit <- lm(d10[est_r] ~ 1)
    pe <- predict_errors(fit, matrix(1, L, 1), d10[event_idx])
    list(coefficients = I(unname(coef(fit))), sigma2 = pe$s2, df = pe$df, ar = I(pe$ar), variance = I(pe$variance))
  }
)

write_json_file(list(R_version = R.version.string, volatility = volatility, ranges = ranges,
                     volume = volume, levels = levels), golden_path("measures.json"))
