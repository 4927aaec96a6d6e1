# Golden values for the dummy-variable (event-parameter) regression with Newey-West HAC
# errors and Wald tests, and for the chi-square and F survival functions.
# Run from the repository root:  Rscript scripts/golden/dummy.R
# Writes test/golden/data/dummy.json. Every number has 17 significant digits.
#
# Design (docs/clustered.md):
#   y = simple returns of fixtures/daily/synthetic-us-index.csv (Adj Close), control = simple
#   returns of fixtures/daily/synthetic-world.csv; statements E10 (day 0 2025-04-03), E17
#   (2025-04-07), E27 (2025-04-08), E34 (2025-04-09) from fixtures/events/tariffs-2025.csv,
#   window [-1, +1], so windows overlap. Sample: 250 sessions before the first event session
#   (2025-04-02) to the last event session (2025-04-10).
#   "event" case: one dummy per DISTINCT event session (dummies of different statements on the
#   same session are identical columns and are merged into one term); "pooled" case:
#   E_k = sum_j 1[t = t_j + k], k = -1, 0, 1; "pooled_lag" adds the lagged return as a control.
#   HAC: sandwich::NeweyWest(fit, lag = 4, prewhite = FALSE, adjust = FALSE / TRUE);
#   coeftest(fit, vcov = V) (t with df = T - K). Wald: t(Rb) solve(R V R') Rb, pchisq, and
#   the F form W/q with pf(W/q, q, T - K).
suppressPackageStartupMessages({ library(sandwich); library(lmtest) })
source(file.path("scripts", "golden", "json.R"))

read_prices <- function(path, column) {
  d <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE)
  data.frame(date = d[[1]], price = as.numeric(d[[column]]), stringsAsFactors = FALSE)
}
us <- read_prices("fixtures/daily/synthetic-us-index.csv", "Adj Close")
world <- read_prices("fixtures/daily/synthetic-world.csv", "adj_close")
stopifnot(identical(us$date, world$date))
ret <- function(p) p[-1] / p[-length(p)] - 1
dates <- us$date[-1]
y_all <- ret(us$price)
m_all <- ret(world$price)

ev <- read.csv("fixtures/events/tariffs-2025.csv", stringsAsFactors = FALSE)
ids <- c("E10", "E17", "E27", "E34")
stopifnot(all(ids %in% ev$id))
day0 <- c(E10 = "2025-04-03", E17 = "2025-04-07", E27 = "2025-04-08", E34 = "2025-04-09")  # XNYS day 0
t0 <- match(day0, dates)
offsets <- -1:1
sess <- sort(unique(as.vector(outer(t0, offsets, "+"))))
lo <- min(sess) - 250
hi <- max(sess)
rows <- lo:hi
stopifnot(length(rows) == 257)
lag_q <- 4

off_label <- function(k) ifelse(k > 0, paste0("+", k), as.character(k))

hac_case <- function(label, y, X, terms, contrasts, hypotheses) {
  colnames(X) <- terms
  fit <- lm(y ~ X - 1)
  b <- unname(coef(fit))
  n <- length(y); K <- ncol(X)
  V_ols <- unname(vcov(fit))
  V_hac <- unname(NeweyWest(fit, lag = lag_q, prewhite = FALSE, adjust = FALSE))
  V_hac_adj <- unname(NeweyWest(fit, lag = lag_q, prewhite = FALSE, adjust = TRUE))
  ct <- coeftest(fit, vcov = NeweyWest(fit, lag = lag_q, prewhite = FALSE, adjust = FALSE))
  ct_adj <- coeftest(fit, vcov = NeweyWest(fit, lag = lag_q, prewhite = FALSE, adjust = TRUE))
  ct_ols <- coeftest(fit)
  comb <- lapply(names(contrasts), function(nm) {
    cv <- contrasts[[nm]]
    est <- sum(cv * b)
    list(name = nm, estimate = est,
         se_ols = sqrt(drop(t(cv) %*% V_ols %*% cv)),
         se_hac = sqrt(drop(t(cv) %*% V_hac %*% cv)))
  })
  wald <- lapply(names(hypotheses), function(nm) {
    R <- hypotheses[[nm]]
    one <- function(V) {
      Rb <- R %*% b
      M <- R %*% V %*% t(R)
      # HAC covariances of dummies that isolate one session each have rank <= number of
      # controls + 1 (their residuals are zero): R V R' is then singular and W undefined (null).
      if (rcond(M) < 1e-12) return(list(statistic = NA_real_, df = nrow(R), p_value = NA_real_, f_statistic = NA_real_, p_value_f = NA_real_))
      W <- drop(t(Rb) %*% solve(M) %*% Rb)
      q <- nrow(R)
      list(statistic = W, df = q, p_value = pchisq(W, q, lower.tail = FALSE),
           f_statistic = W / q, p_value_f = pf(W / q, q, n - K, lower.tail = FALSE))
    }
    list(name = nm, hac = one(V_hac), ols = one(V_ols))
  })
  list(label = label, terms = terms, n = n, k = K, df = n - K, lag = lag_q,
       sigma2 = summary(fit)$sigma^2, coefficients = b,
       cov_ols = V_ols, cov_hac = V_hac, cov_hac_adjust = V_hac_adj,
       se_ols = unname(ct_ols[, 2]), t_ols = unname(ct_ols[, 3]), p_ols = unname(ct_ols[, 4]),
       se_hac = unname(ct[, 2]), t_hac = unname(ct[, 3]), p_hac = unname(ct[, 4]),
       se_hac_adjust = unname(ct_adj[, 2]), t_hac_adjust = unname(ct_adj[, 3]), p_hac_adjust = unname(ct_adj[, 4]),
       residuals = unname(residuals(fit)), combinations = comb, wald = wald)
}

# ---- event specification: one dummy per distinct event session ----
who <- lapply(sess, function(s) {
  hits <- character(0)
  for (j in seq_along(ids)) for (k in offsets) if (t0[j] + k == s) hits <- c(hits, paste0(ids[j], "[", off_label(k), "]"))
  hits
})
# term order: first occurrence over (statement, offset), which is session order here
ev_terms <- vapply(who, function(h) paste(h, collapse = "="), "")
D <- sapply(sess, function(s) as.numeric(rows == s))
X_ev <- cbind(1, m_all[rows], D)
terms_ev <- c("intercept", "market", ev_terms)
K_ev <- ncol(X_ev)
car_vec <- function(j) { v <- numeric(K_ev); v[2 + match(t0[j] + offsets, sess)] <- 1; v }
contr_ev <- list()
for (j in seq_along(ids)) contr_ev[[paste0("CAR ", ids[j], " [-1, +1]")]] <- car_vec(j)
contr_ev[["mean [-1, +1]"]] <- Reduce(`+`, lapply(seq_along(ids), car_vec)) / length(ids)
unit <- function(i, K) { v <- numeric(K); v[i] <- 1; v }
hyp_ev <- list()
hyp_ev[["all event coefficients = 0"]] <- t(sapply(3:K_ev, unit, K = K_ev))
for (j in seq_along(ids)) hyp_ev[[paste0(ids[j], ": window [-1, +1] coefficients = 0")]] <-
  t(sapply(2 + match(t0[j] + offsets, sess), unit, K = K_ev))
for (i in 1:(length(ids) - 1)) for (j in (i + 1):length(ids))
  hyp_ev[[paste0("CAR ", ids[i], " [-1, +1] = CAR ", ids[j], " [-1, +1]")]] <- matrix(car_vec(i) - car_vec(j), nrow = 1)
case_event <- hac_case("event", y_all[rows], X_ev, terms_ev, contr_ev, hyp_ev)

# ---- pooled specification ----
E <- sapply(offsets, function(k) vapply(rows, function(r) sum(t0 + k == r), 0))
X_po <- cbind(1, m_all[rows], E)
terms_po <- c("intercept", "market", paste0("pooled[", off_label(offsets), "]"))
contr_po <- list("CAAR [-1, +1]" = c(0, 0, 1, 1, 1), "CAAR [0, 0]" = c(0, 0, 0, 1, 0))
hyp_po <- list("all pooled coefficients = 0" = rbind(c(0, 0, 1, 0, 0), c(0, 0, 0, 1, 0), c(0, 0, 0, 0, 1)))
case_pooled <- hac_case("pooled", y_all[rows], X_po, terms_po, contr_po, hyp_po)

# ---- pooled with one lagged return as a control ----
X_pl <- cbind(1, m_all[rows], y_all[rows - 1], E)
terms_pl <- c("intercept", "market", "lag1", paste0("pooled[", off_label(offsets), "]"))
contr_pl <- list("CAAR [-1, +1]" = c(0, 0, 0, 1, 1, 1))
hyp_pl <- list("all pooled coefficients = 0" = rbind(c(0, 0, 0, 1, 0, 0), c(0, 0, 0, 0, 1, 0), c(0, 0, 0, 0, 0, 1)))
case_pooled_lag <- hac_case("pooled_lag", y_all[rows], X_pl, terms_pl, contr_pl, hyp_pl)

# ---- distributions ----
chisq_grid <- expand.grid(x = c(0.001, 0.1, 0.5, 1, 2.5, 3.841458820694124, 7, 12.5, 25, 50, 100, 250, 600),
                          df = c(1, 2, 3, 4.5, 7, 10, 15, 30, 100))
chisq_grid$sf <- pchisq(chisq_grid$x, chisq_grid$df, lower.tail = FALSE)
chisq_grid$cdf <- pchisq(chisq_grid$x, chisq_grid$df)
f_grid <- expand.grid(f = c(0.01, 0.3, 1, 2, 4.5, 10, 40, 200), df1 = c(1, 2, 3, 7, 12), df2 = c(5, 30, 250, 1000))
f_grid$sf <- pf(f_grid$f, f_grid$df1, f_grid$df2, lower.tail = FALSE)

write_json_file(list(
  R_version = R.version.string,
  sandwich_version = as.character(packageVersion("sandwich")),
  lmtest_version = as.character(packageVersion("lmtest")),
  sample = list(from = dates[lo], to = dates[hi], sessions = length(rows)),
  day0 = as.list(day0),
  cases = list(case_event, case_pooled, case_pooled_lag),
  chisq = list(x = chisq_grid$x, df = chisq_grid$df, sf = chisq_grid$sf, cdf = chisq_grid$cdf),
  f = list(f = f_grid$f, df1 = f_grid$df1, df2 = f_grid$df2, sf = f_grid$sf)
), golden_path("dummy.json"))
