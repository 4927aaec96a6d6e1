# Golden values for abnormal returns, prediction-error variances, CARs with the full
# covariance, t tests, BHARs and the Gelbach-Helland-Klick SQ test, from R's lm() and
# predict(..., se.fit = TRUE), on the synthetic fixtures.
# Run from the repository root:  Rscript scripts/golden/abnormal.R
# Writes test/golden/data/abnormal.json. Every number has 17 significant digits.
#
# Design (docs/methods.md; MacKinlay 1997):
#   day 0 = 2025-04-03; estimation window = offsets [-260, -11] (250 sessions ending 11
#   sessions before day 0); event sessions = offsets [-5, 5]; windows [0,0], [-1,1], [0,5].
#   Var(AR) = sigma^2 + se.fit^2; V = sigma^2 (I + X* (X'X)^-1 X*'), (X'X)^-1 from
#   summary(fit)$cov.unscaled; Var(CAR) = sum of the window block of V; p = 2 pt(-|t|, df).
#   BHAR = prod(1 + R) - prod(1 + E[R]) on simple returns (log-return case: exp(sum r) - exp(sum E[r])).
#   SQ test: sums of L consecutive estimation residuals; quantiles type 7; counts below/above.
source(file.path("scripts", "golden", "json.R"))

read_prices <- function(path, column) {
  d <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE)
  data.frame(date = d[[1]], price = as.numeric(d[[column]]), stringsAsFactors = FALSE)
}

# Ken French layout: preamble, header ",Mkt-RF,...", YYYYMMDD rows, blank line, notes.
read_french <- function(path) {
  lines <- readLines(path)
  h <- grep("^,Mkt-RF", lines)[1]
  end <- h + which(lines[(h + 1):length(lines)] == "")[1] - 1
  d <- read.csv(text = lines[h:end], check.names = FALSE, stringsAsFactors = FALSE)
  names(d)[1] <- "date"
  d$date <- format(as.Date(as.character(d$date), "%Y%m%d"), "%Y-%m-%d")
  for (j in 2:ncol(d)) d[[j]] <- d[[j]] / 100   # percent -> decimal
  d
}

simple_returns <- function(p) p[-1] / p[-length(p)] - 1
log_returns <- function(p) log(p[-1] / p[-length(p)])

us <- read_prices("fixtures/daily/synthetic-us-index.csv", "Adj Close")
world <- read_prices("fixtures/daily/synthetic-world.csv", "adj_close")
sectors <- read.csv("fixtures/daily/synthetic-sectors.csv", stringsAsFactors = FALSE)
ff <- read_french("fixtures/daily/synthetic-ff-factors.csv")
stopifnot(identical(us$date, world$date), identical(us$date, sectors$date))

dates <- us$date[-1]                      # a return is dated by its closing day
d0 <- which(dates == "2025-04-03")
est <- (d0 - 260):(d0 - 11)
evt <- (d0 - 5):(d0 + 5)
stopifnot(length(est) == 250, length(evt) == 11)
windows <- list(c(0, 0), c(-1, 1), c(0, 5))

# SQ test of a CAR over L sessions against the sums of L consecutive residuals
sq <- function(e, car, L) {
  M <- length(e)
  sums <- vapply(seq_len(M - L + 1), function(j) sum(e[j:(j + L - 1)]), 0)
  below <- sum(sums <= car)
  above <- sum(sums >= car)
  n <- length(sums)
  q <- unname(quantile(sums, c(0.025, 0.975), type = 7))
  list(n = n, below = below, above = above,
       p_corrected = min(1, 2 * (1 + min(below, above)) / (n + 1)),
       p_plain = min(1, 2 * min(below, above) / n),
       lower = q[1], upper = q[2])
}

# One case: y = asset returns (in the units of the model), Xest/Xevt = regressor rows
# WITHOUT the intercept column (NULL for the constant mean), offset = amount added to the
# fitted value to get the expected return (RF for excess-return models), and the units.
describe_case <- function(label, y_est, y_evt, Xest, Xevt, offset_evt = 0, returns = "simple",
                          actual_evt = y_evt) {
  if (is.null(Xest)) {
    fit <- lm(y_est ~ 1)
    p <- predict(fit, newdata = data.frame(row = seq_along(y_evt)), se.fit = TRUE)
    Xs <- matrix(1, length(y_evt), 1)
    Xe <- matrix(1, length(y_est), 1)
  } else {
    Xest <- as.matrix(Xest); Xevt <- as.matrix(Xevt)
    colnames(Xevt) <- colnames(Xest) <- paste0("x", seq_len(ncol(Xest)))
    fit <- lm(y_est ~ ., data = data.frame(y_est = y_est, Xest))
    p <- predict(fit, newdata = data.frame(Xevt), se.fit = TRUE)
    Xs <- cbind(1, Xevt)
    Xe <- cbind(1, Xest)
  }
  s <- summary(fit)
  sigma2 <- s$sigma^2
  df <- fit$df.residual
  C <- s$cov.unscaled
  expected <- unname(p$fit) + offset_evt
  ar <- actual_evt - expected
  var_ar <- unname(sigma2 + p$se.fit^2)
  V <- sigma2 * (diag(length(y_evt)) + Xs %*% C %*% t(Xs))
  stopifnot(max(abs(diag(V) - var_ar)) < 1e-12 * max(var_ar))
  t_ar <- ar / sqrt(var_ar)
  e <- unname(residuals(fit))
  wins <- lapply(windows, function(w) {
    idx <- (w[1] + 6):(w[2] + 6)
    car <- sum(ar[idx])
    v <- sum(V[idx, idx])
    tt <- car / sqrt(v)
    bh <- if (returns == "log") {
      c(exp(sum(actual_evt[idx])) - 1, exp(sum(expected[idx])) - 1)
    } else {
      c(prod(1 + actual_evt[idx]) - 1, prod(1 + expected[idx]) - 1)
    }
    list(window = I(w), car = car, variance = v, diagonal_variance = sum(diag(V)[idx]),
         se = sqrt(v), t = tt, p = 2 * pt(-abs(tt), df),
         buy_and_hold = bh[1], expected_buy_and_hold = bh[2], bhar = bh[1] - bh[2],
         sq = sq(e, car, length(idx)))
  })
  list(label = label, returns = returns, coefficients = I(unname(coef(fit))), sigma2 = sigma2,
       df = df, n_obs = length(y_est), cov_unscaled = unname(C), residuals = I(e),
       expected = I(expected), ar = I(ar), var_ar = I(var_ar), t_ar = I(t_ar),
       p_ar = I(2 * pt(-abs(t_ar), df)), covariance = unname(V), windows = wins)
}

r_us <- simple_returns(us$price)
r_w <- simple_returns(world$price)
l_us <- log_returns(us$price)
l_w <- log_returns(world$price)

market <- describe_case("market model: US index on world, simple returns",
                        r_us[est], r_us[evt], r_w[est], r_w[evt])
market_log <- describe_case("market model: US index on world, log returns",
                            l_us[est], l_us[evt], l_w[est], l_w[evt], returns = "log")
constant_mean <- describe_case("constant mean: US index, simple returns",
                               r_us[est], r_us[evt], NULL, NULL)

# market-adjusted (k = 0): AR = R - R_m, s^2 = sum(AR_est^2)/M (ModelFit contract: RSS/(M - k))
adj_est <- r_us[est] - r_w[est]
adj_evt <- r_us[evt] - r_w[evt]
s2_adj <- sum(adj_est^2) / length(adj_est)
adj_wins <- lapply(windows, function(w) {
  idx <- (w[1] + 6):(w[2] + 6)
  car <- sum(adj_evt[idx]); v <- length(idx) * s2_adj; tt <- car / sqrt(v)
  list(window = I(w), car = car, variance = v, t = tt, p = 2 * pt(-abs(tt), length(adj_est)),
       bhar = prod(1 + r_us[evt][idx]) - prod(1 + r_w[evt][idx]),
       sq = sq(adj_est, car, length(idx)))
})
market_adjusted <- list(label = "market-adjusted: US index minus world", sigma2 = s2_adj,
                        df = length(adj_est), residuals = I(adj_est), ar = I(adj_evt),
                        windows = adj_wins)

# FF3 factor model: TECH excess returns on Mkt-RF, SMB, HML (RF subtracted; factors / 100)
tech <- simple_returns(sectors$TECH)
f <- ff[match(dates, ff$date), ]
stopifnot(!anyNA(f$RF))
Fm <- cbind(f[["Mkt-RF"]], f$SMB, f$HML)
factor3 <- describe_case("FF3: TECH excess returns on Mkt-RF, SMB, HML",
                         tech[est] - f$RF[est], tech[evt] - f$RF[evt], Fm[est, ], Fm[evt, ],
                         offset_evt = f$RF[evt], actual_evt = tech[evt])

write_json_file(list(
  source = "R lm() + predict(se.fit = TRUE) + summary.lm()$cov.unscaled; scripts/golden/abnormal.R",
  R_version = R.version.string,
  day0 = "2025-04-03",
  estimation = I(c(-260, -11)),
  event = I(c(-5, 5)),
  event_dates = I(dates[evt]),
  market = market,
  market_log = market_log,
  constant_mean = constant_mean,
  market_adjusted = market_adjusted,
  factor3 = factor3
), golden_path("abnormal.json"))
