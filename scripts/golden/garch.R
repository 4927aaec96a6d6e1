# Golden values for the GARCH(1,1) normal-return model (src/measures/garch.ts), computed
# independently in R:
#   - constant mean: fGarch::garchFit(~garch(1,1), include.mean = TRUE, cond.dist = "norm"),
#     its parameters, its log-likelihood and its variance forecasts (predict());
#   - a log-likelihood written here from the model's definition, with fGarch's start of the
#     recursion ("mci": h_1 = omega + (alpha1 + beta1) * mean(residual^2)); it reproduces
#     fGarch's log-likelihood at fGarch's optimum (checked below) and gives the log-likelihood
#     at fixed parameters for both mean equations;
#   - the maximum-likelihood estimates for both mean equations (constant; market
#     y = a + b x + e, which fGarch cannot fit: it has no external regressor): that
#     log-likelihood maximised by nlminb on the data divided by sd(y) from three starting points,
#     then polished by optim(BFGS). fGarch's own optimizer (sqp) can stop short of the maximum:
#     on the synthetic asset it returns a log-likelihood 0.117 below it, so the estimates are
#     compared with the nlminb + BFGS maximum and fGarch's are kept as a lower bound.
# Data: the synthetic GARCH asset (fixtures/daily/synthetic-garch.csv, close) on the world
# benchmark (fixtures/daily/synthetic-world.csv), simple returns (p_t - p_{t-1})/p_{t-1}, the
# 500 sessions ending 2025-03-31; and, when ../shared/data is present, the S&P 500 close
# (constant mean), the 500 sessions ending
# 2025-03-31. Only fitted numbers are stored, never rows of the real data.
# Run from the repository root:  Rscript scripts/golden/garch.R
# Writes test/golden/data/garch.json with 17 significant digits.
source(file.path("scripts", "golden", "json.R"))
suppressMessages(library(fGarch))

simple_returns <- function(p) c(NA, diff(p) / head(p, -1))

llh_mci <- function(par, y, x = NULL) {
  k <- if (is.null(x)) 1 else 2
  z <- if (is.null(x)) y - par[1] else y - par[1] - par[2] * x
  om <- par[k + 1]; a <- par[k + 2]; b <- par[k + 3]
  n <- length(z)
  h <- numeric(n)
  h[1] <- om + (a + b) * mean(z^2)
  for (t in 2:n) h[t] <- om + a * z[t - 1]^2 + b * h[t - 1]
  sum(-0.5 * (log(2 * pi) + log(h) + z^2 / h))
}

forecast <- function(par, y, x, steps) {
  k <- if (is.null(x)) 1 else 2
  z <- if (is.null(x)) y - par[1] else y - par[1] - par[2] * x
  om <- par[k + 1]; a <- par[k + 2]; b <- par[k + 3]
  n <- length(z)
  h <- numeric(n)
  h[1] <- om + (a + b) * mean(z^2)
  for (t in 2:n) h[t] <- om + a * z[t - 1]^2 + b * h[t - 1]
  f <- numeric(steps)
  f[1] <- om + a * z[n]^2 + b * h[n]
  for (s in seq_len(steps - 1)) f[s + 1] <- om + (a + b) * f[s]
  f
}

fit_constant <- function(y) {
  f <- garchFit(~garch(1, 1), data = y, include.mean = TRUE, cond.dist = "norm", trace = FALSE)
  par <- unname(coef(f))
  ll_fgarch <- -unname(f@fit$llh)
  ll_here <- llh_mci(par, y)
  stopifnot(abs(ll_here - ll_fgarch) <= 1e-10 * abs(ll_fgarch))
  list(
    names = I(c("mu", "omega", "alpha1", "beta1")),
    coefficients = I(par),
    log_lik = ll_fgarch,
    log_lik_here = ll_here,
    forecast_sd_fgarch = I(predict(f, n.ahead = 10)$standardDeviation),
    forecast_var = I(forecast(par, y, NULL, 10)),
    n = length(y)
  )
}

fit_mle <- function(y, x = NULL) {
  s <- sd(y)
  ys <- y / s
  xs <- if (is.null(x)) NULL else x / s
  k <- if (is.null(x)) 1 else 2
  b0 <- if (is.null(x)) mean(ys) else unname(coef(lm(ys ~ xs)))
  v0 <- if (is.null(x)) mean((ys - mean(ys))^2) else mean(residuals(lm(ys ~ xs))^2)
  best <- NULL
  for (st in list(c(0.1, 0.8), c(0.05, 0.9), c(0.2, 0.6))) {
    p0 <- c(b0, v0 * (1 - sum(st)), st)
    r <- nlminb(p0, function(p) -llh_mci(p, ys, xs),
                lower = c(rep(-Inf, k), 1e-12, 0, 0), upper = c(rep(Inf, k), Inf, 1, 1),
                control = list(rel.tol = 1e-15, x.tol = 1e-12, iter.max = 2000, eval.max = 4000))
    if (is.null(best) || r$objective < best$objective) best <- r
  }
  o <- optim(best$par, function(p) {
    if (p[k + 1] <= 0 || p[k + 2] < 0 || p[k + 3] < 0 || p[k + 2] + p[k + 3] >= 1) return(1e300)
    -llh_mci(p, ys, xs)
  }, method = "BFGS", control = list(reltol = 1e-16, maxit = 5000, parscale = rep(0.05, k + 3)))
  p <- o$par
  par <- c(p[1] * s, if (k == 2) p[2], p[k + 1] * s^2, p[k + 2], p[k + 3])
  list(
    names = I(if (k == 2) c("alpha", "beta", "omega", "alpha1", "beta1") else c("mu", "omega", "alpha1", "beta1")),
    coefficients = I(par),
    log_lik = llh_mci(par, y, x),
    forecast_var = I(forecast(par, y, x, 10)),
    n = length(y)
  )
}

# ---- the synthetic GARCH asset on the world benchmark ---------------------------------------
g <- read.csv("fixtures/daily/synthetic-garch.csv", stringsAsFactors = FALSE)
world <- read.csv("fixtures/daily/synthetic-world.csv", stringsAsFactors = FALSE)
stopifnot(identical(g$date, world$date))
y_all <- simple_returns(g$close)
x_all <- simple_returns(world$adj_close)
end <- which(g$date == "2025-03-31")
win <- (end - 499):end
y <- y_all[win]; x <- x_all[win]

fixed_c <- c(0.0004, 3e-6, 0.07, 0.9)
fixed_m <- c(0.0003, 0.9, 2e-6, 0.08, 0.9)
out <- list(
  R_version = R.version.string,
  fGarch_version = as.character(packageVersion("fGarch")),
  window = list(first = g$date[win[1]], last = g$date[end], sessions = length(win)),
  fixed = list(
    constant = list(parameters = I(fixed_c), log_lik = llh_mci(fixed_c, y)),
    market = list(parameters = I(fixed_m), log_lik = llh_mci(fixed_m, y, x))
  ),
  fgarch = fit_constant(y),
  constant = fit_mle(y),
  market = fit_mle(y, x)
)

# ---- event sessions standardized by the forecasts at R's market-mean estimates ----------------
ev <- (end + 1):which(g$date == "2025-04-11")
pm <- out$market$coefficients
fc <- forecast(pm, y, x, length(ev))
ar <- y_all[ev] - pm[1] - pm[2] * x_all[ev]
sar <- ar / sqrt(fc)
out$event <- list(
  first = g$date[ev[1]], last = g$date[ev[length(ev)]],
  ar = I(ar), variance = I(fc), sar = I(sar), p_value = I(2 * pnorm(-abs(sar))),
  volatility_p_value = I(pchisq(sar^2, 1, lower.tail = FALSE)),
  car = sum(ar), car_variance = sum(fc), car_z = sum(ar) / sqrt(sum(fc)),
  car_p_value = 2 * pnorm(-abs(sum(ar) / sqrt(sum(fc)))),
  volatility_statistic = sum(sar^2), volatility_window_p_value = pchisq(sum(sar^2), length(ev), lower.tail = FALSE)
)

# ---- the S&P 500 (shared data, when present) -------------------------------------------------
sp_file <- file.path("..", "shared", "data", "sp500_daily_2023_2026.csv")
if (file.exists(sp_file)) {
  sp <- read.csv(sp_file, stringsAsFactors = FALSE)
  r <- simple_returns(sp$close)
  e <- which(sp$date == "2025-03-31")
  w <- (e - 499):e
  out$sp500 <- c(list(first = sp$date[w[1]], last = sp$date[e]), fit_mle(r[w]))
  out$sp500$fgarch <- fit_constant(r[w])
  out$sp500$fixed_log_lik <- llh_mci(fixed_c, r[w])
}

write_json_file(out, golden_path("garch.json"))
