# Golden values for the normal-return models (src/models) and the alignment of returns on a
# calendar (src/returns), from the committed synthetic fixtures, computed independently in R:
#   - market model, constant mean, market-adjusted: US index (Yahoo "Adj Close") on the world
#     benchmark (adj_close), simple returns, the 250 NYSE sessions ending 2025-03-20;
#   - Dimson (p = 1 and p = 2) via lm() with lagged and leading market returns;
#   - Scholes-Williams via three lm() slopes and cor() of the market with its lag;
#   - FF3 and FF5: TECH sector excess returns over RF on the factors (percent -> decimal);
#   - the Tokyo index on its own sessions against the world benchmark mapped by the as-of rule
#     (price on or before each Tokyo session; NA when the benchmark has no price after the
#     previous Tokyo session), with market, Scholes-Williams and Dimson fits.
# Simple returns are (p_t − p_{t−1})/p_{t−1}, the formula of the library (not p_t/p_{t−1} − 1,
# which loses digits on small returns), so the as-of returns can be compared at 1e-15.
# Run from the repository root:  Rscript scripts/golden/models.R
# Writes test/golden/data/models.json with 17 significant digits.
source(file.path("scripts", "golden", "json.R"))

simple_returns <- function(p) c(NA, diff(p) / head(p, -1))
lag1 <- function(x, k = 1) c(rep(NA, k), head(x, -k))
lead1 <- function(x, k = 1) c(tail(x, -k), rep(NA, k))

# ---- read the fixtures ----------------------------------------------------------------
us <- read.csv("fixtures/daily/synthetic-us-index.csv", check.names = FALSE, stringsAsFactors = FALSE)
world <- read.csv("fixtures/daily/synthetic-world.csv", stringsAsFactors = FALSE)
sectors <- read.csv("fixtures/daily/synthetic-sectors.csv", stringsAsFactors = FALSE)
tokyo <- read.csv("fixtures/daily/synthetic-tokyo.csv", stringsAsFactors = FALSE)
stopifnot(identical(us$Date, world$date), identical(us$Date, sectors$date))

ff_lines <- readLines("fixtures/daily/synthetic-ff-factors.csv")
ff_header <- grep("^,Mkt-RF", ff_lines)
ff_rows <- grep("^[0-9]{8},", ff_lines)
ff_rows <- ff_rows[ff_rows > ff_header]
ff <- read.csv(text = paste(c(ff_lines[ff_header], ff_lines[ff_rows]), collapse = "\n"),
               check.names = FALSE, stringsAsFactors = FALSE)
names(ff)[1] <- "date"
ff$date <- format(as.Date(as.character(ff$date), "%Y%m%d"), "%Y-%m-%d")
for (nm in c("Mkt-RF", "SMB", "HML", "RMW", "CMA", "RF")) ff[[nm]] <- ff[[nm]] / 100
stopifnot(identical(ff$date, us$Date))

# ---- US index on the world benchmark (NYSE sessions) ---------------------------------
dates <- us$Date
y_all <- simple_returns(us[["Adj Close"]])
m_all <- simple_returns(world$adj_close)
end <- which(dates == "2025-03-20")
win <- (end - 249):end

describe_lm <- function(fit) {
  s <- summary(fit)
  list(
    names = I(names(coef(fit))),
    coefficients = I(unname(coef(fit))),
    sigma = s$sigma,
    sigma2 = s$sigma^2,
    df = fit$df.residual,
    n = length(residuals(fit)),
    r_squared = s$r.squared,
    cov_unscaled = unname(s$cov.unscaled),
    residuals = I(unname(residuals(fit)))
  )
}

y <- y_all[win]
x <- m_all[win]
market <- describe_lm(lm(y ~ x))
constant_mean <- describe_lm(lm(y ~ 1))
ar <- y - x
market_adjusted <- list(sigma2 = sum(ar^2) / length(ar), df = length(ar), residuals = I(ar))

dimson_fit <- function(y_all, m_all, win, p) {
  d <- data.frame(y = y_all[win])
  for (j in p:1) d[[paste0("lag", j)]] <- lag1(m_all, j)[win]
  d$m <- m_all[win]
  for (j in 1:p) d[[paste0("lead", j)]] <- lead1(m_all, j)[win]
  describe_lm(lm(y ~ ., data = d))
}

scholes_williams <- function(y_all, m_all, win) {
  d <- data.frame(y = y_all, m = m_all, mlag = lag1(m_all), mlead = lead1(m_all))[win, ]
  d <- d[complete.cases(d), ]
  b_lag <- unname(coef(lm(y ~ mlag, data = d))[2])
  b_0 <- unname(coef(lm(y ~ m, data = d))[2])
  b_lead <- unname(coef(lm(y ~ mlead, data = d))[2])
  rho <- cor(d$m, d$mlag)
  beta <- (b_lag + b_0 + b_lead) / (1 + 2 * rho)
  alpha <- mean(d$y) - beta * mean(d$m)
  e <- d$y - alpha - beta * d$m
  rss <- sum(e^2)
  list(
    coefficients = I(c(alpha, beta)),
    beta_lag = b_lag, beta_0 = b_0, beta_lead = b_lead, rho_market = rho,
    n = nrow(d), df = nrow(d) - 2,
    sigma2 = rss / (nrow(d) - 2),
    r_squared = 1 - rss / sum((d$y - mean(d$y))^2),
    cov_unscaled = unname(summary(lm(y ~ m, data = d))$cov.unscaled),
    residuals = I(e)
  )
}

# ---- TECH on FF3 / FF5 -----------------------------------------------------------------
tech <- simple_returns(sectors$TECH)
fdat <- data.frame(y = tech - ff$RF, mkt = ff[["Mkt-RF"]], smb = ff$SMB, hml = ff$HML,
                   rmw = ff$RMW, cma = ff$CMA)[win, ]
ff3 <- describe_lm(lm(y ~ mkt + smb + hml, data = fdat))
ff5 <- describe_lm(lm(y ~ mkt + smb + hml + rmw + cma, data = fdat))

# ---- Tokyo on the world benchmark (as-of rule on Tokyo sessions) -----------------------
tdates <- as.Date(tokyo$date)
wdates <- as.Date(world$date)
nt <- length(tdates)
world_on_tokyo <- rep(NA_real_, nt)
stale <- character(0)
for (i in 2:nt) {
  jt <- max(c(0, which(wdates <= tdates[i])))
  jp <- max(c(0, which(wdates <= tdates[i - 1])))
  if (jp == 0) next
  if (jt == jp) { stale <- c(stale, format(tdates[i])); next }
  world_on_tokyo[i] <- (world$adj_close[jt] - world$adj_close[jp]) / world$adj_close[jp]
}
tokyo_ret <- simple_returns(tokyo$close)
tend <- which(tokyo$date == "2025-03-21")
twin <- (tend - 249):tend
tok <- data.frame(y = tokyo_ret[twin], x = world_on_tokyo[twin])
tokyo_market <- describe_lm(lm(y ~ x, data = tok))   # na.omit: complete cases

write_json_file(list(
  source = "scripts/golden/models.R on fixtures/daily (synthetic, seed 20250403)",
  R_version = R.version.string,
  estimation = list(last = "2025-03-20", sessions = 250, first = dates[win[1]]),
  us = list(
    market = market,
    constant_mean = constant_mean,
    market_adjusted = market_adjusted,
    dimson1 = dimson_fit(y_all, m_all, win, 1),
    dimson2 = dimson_fit(y_all, m_all, win, 2),
    scholes_williams = scholes_williams(y_all, m_all, win)
  ),
  tech = list(ff3 = ff3, ff5 = ff5),
  tokyo = list(
    first_return = tokyo$date[2],
    estimation_last = "2025-03-21",
    world_on_tokyo = I(world_on_tokyo[-1]),
    stale = I(stale),
    market = tokyo_market,
    scholes_williams = scholes_williams(tokyo_ret, world_on_tokyo, twin),
    dimson1 = dimson_fit(tokyo_ret, world_on_tokyo, twin, 1)
  )
), golden_path("models.json"))
