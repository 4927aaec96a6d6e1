# Golden values for the cross-event tests (AAR/CAAR and the test battery, textbook and
# estudy2 profiles), computed from their formulas (docs/tests.md)
# with base R on the synthetic fixtures. Nothing here reads
# output of the TypeScript code: the abnormal returns come from lm() and predict().
# Run from the repository root:  Rscript scripts/golden/cross.R
# Writes test/golden/data/cross.json (17 significant digits).
#
# Events: the six sectors of fixtures/daily/synthetic-sectors.csv, market model on
# fixtures/daily/synthetic-world.csv, simple returns; estimation offsets [-250, -11] (240
# sessions), event span [-5, 5], windows [0,0], [-1,1], [0,5], [-5,5].
#   case "staggered": day 0 = 2025-04-03, 04-04, 04-07, 04-08, 04-09 (30 events, textbook)
#   case "clustered": day 0 = 2025-04-09 for all six sectors (textbook and estudy2)
source(file.path("scripts", "golden", "json.R"))

world <- read.csv("fixtures/daily/synthetic-world.csv", stringsAsFactors = FALSE)
sectors <- read.csv("fixtures/daily/synthetic-sectors.csv", stringsAsFactors = FALSE)
stopifnot(identical(world$date, sectors$date))
ret <- function(p) p[-1] / p[-length(p)] - 1
dates <- world$date[-1]
rm_all <- ret(world$adj_close)
names_sec <- c("TECH", "ENERGY", "FIN", "HEALTH", "INDUST", "UTIL")
est_off <- -250:-11
span_off <- -5:5
windows <- list(c(0, 0), c(-1, 1), c(0, 5), c(-5, 5))
M <- length(est_off)

make_event <- function(sector, day0) {
  d0 <- which(dates == day0)
  y <- ret(sectors[[sector]])
  ie <- d0 + est_off
  iv <- d0 + span_off
  fit <- lm(y ~ x, data = data.frame(y = y[ie], x = rm_all[ie]))
  s2 <- summary(fit)$sigma^2
  C <- summary(fit)$cov.unscaled
  Xv <- cbind(1, rm_all[iv])
  ar <- y[iv] - as.vector(Xv %*% coef(fit))
  V <- s2 * (diag(length(iv)) + Xv %*% C %*% t(Xv))
  list(id = paste(sector, day0), resid = unname(residuals(fit)), s2 = s2, df = fit$df.residual,
       est_dates = dates[ie], span_dates = dates[iv], ar = ar, var_ar = diag(V), V = V,
       fe = diag(V) / s2, rm_est = rm_all[ie], rm_span = rm_all[iv])
}

pn <- function(z) 2 * pnorm(-abs(z))
pt2 <- function(t, df) 2 * pt(-abs(t), df)
res <- function(stat, p, df = NULL) if (is.null(df)) list(statistic = stat, p_value = p) else list(statistic = stat, p_value = p, df = df)

# average pairwise correlation of residuals on common calendar dates (i < j)
rbar_of <- function(ev) {
  r <- c()
  for (i in 1:(length(ev) - 1)) for (j in (i + 1):length(ev)) {
    a <- data.frame(d = ev[[i]]$est_dates, u = ev[[i]]$resid)
    b <- data.frame(d = ev[[j]]$est_dates, v = ev[[j]]$resid)
    m <- merge(a, b, by = "d")
    r <- c(r, if (nrow(m) >= 3) cor(m$u, m$v) else 0)
  }
  mean(r)
}

wilcoxon <- function(x) {
  x <- x[x != 0]
  n <- length(x)
  rk <- rank(abs(x))
  W <- sum(rk[x > 0])
  ties <- table(abs(x))
  tc <- sum(ties^3 - ties)
  if (n <= 50 && tc == 0) {
    p <- min(1, 2 * min(psignrank(W, n), 1 - psignrank(W - 1, n)))
  } else {
    z <- (W - n * (n + 1) / 4) / sqrt(n * (n + 1) * (2 * n + 1) / 24 - tc / 48)
    p <- pn(z)
  }
  res(W, p)
}

skew_t <- function(x) {
  n <- length(x); m <- mean(x); s <- sd(x)
  g <- sum((x - m)^3) / (n * s^3); S <- m / s
  t <- sqrt(n) * (S + g * S^2 / 3 + g / (6 * n))
  res(t, pt2(t, n - 1), n - 1)
}

jackknife <- function(x, v) {
  n <- length(x); w <- 1 / v
  theta <- sum(w * x) / sum(w)
  loo <- sapply(1:n, function(i) sum(w[-i] * x[-i]) / sum(w[-i]))
  ps <- n * theta - (n - 1) * loo
  t <- mean(ps) / (sd(ps) / sqrt(n))
  res(t, pt2(t, n - 1), n - 1)
}

cs_t <- function(x) { n <- length(x); t <- mean(x) / (sd(x) / sqrt(n)); res(t, pt2(t, n - 1), n - 1) }

# rank matrices: rows = events, columns = estimation days then the sample days
rank_scores <- function(ev, cols, kind) {
  t(sapply(ev, function(e) {
    v <- c(e$resid, e$ar[cols])
    Tn <- length(v)
    if (kind == "corrado") rank(v) - (Tn + 1) / 2
    else if (kind == "uniform") rank(v) / (Tn + 1) - 0.5
    else sign(v - median(v))
  }))
}
# Corrado: daily mean deviation per column; Z over the tested columns (relative to the sample)
corrado_z <- function(S, test_cols) {
  Dbar <- colMeans(S)
  SK <- sqrt(mean(Dbar^2))
  sum(Dbar[test_cols]) / (sqrt(length(test_cols)) * SK)
}
zivney_z <- function(S, test_cols) {
  N <- nrow(S)
  D <- colSums(S) / sqrt(N)
  SU <- sqrt(mean(D^2))
  sum(D[test_cols]) / (sqrt(length(test_cols)) * SU)
}

grank <- function(ev, scar) {
  N <- length(ev)
  sstar <- scar / sd(scar)
  U <- t(sapply(seq_len(N), function(i) {
    g <- c(ev[[i]]$resid / sqrt(ev[[i]]$s2), sstar[i])
    Tn <- length(g)
    rank(g) / (Tn + 1) - 0.5
  }))
  Tn <- ncol(U)
  Ub <- colMeans(U)
  S <- sqrt(mean(Ub^2))
  Z <- Ub[Tn] / S
  tg <- Z * sqrt((Tn - 2) / (Tn - 1 - Z^2))
  zt <- Ub[Tn] / sqrt((Tn - 1) / (12 * N * (Tn + 1)))
  list(grank_t = res(tg, pt2(tg, Tn - 2), Tn - 2), grank_z = res(zt, pn(zt)))
}

run_case <- function(ev, profile) {
  N <- length(ev)
  e2 <- profile == "estudy2"
  AR <- t(sapply(ev, function(e) e$ar))          # N x 11
  SAR <- t(sapply(ev, function(e) e$ar / sqrt(e$var_ar)))
  FE <- t(sapply(ev, function(e) e$fe))
  s2 <- sapply(ev, function(e) e$s2)
  s2s <- sapply(ev, function(e) var(e$resid))      # sample variance, divisor M - 1
  SARe2 <- AR / sqrt(s2s * FE)
  dfs <- sapply(ev, function(e) e$df)
  Lbar <- M
  R <- t(sapply(ev, function(e) e$resid))         # event time (all windows equally long)
  port <- colMeans(R)
  Shat <- sd(port)
  rbar <- rbar_of(ev)
  phat <- if (e2) mean(R > 0) else mean(rowMeans(R > 0))
  Sfull <- list(corrado = rank_scores(ev, 1:11, "corrado"), uniform = rank_scores(ev, 1:11, "uniform"),
                sign = rank_scores(ev, 1:11, "sign"))
  e1 <- ev[[1]]
  daily <- list()
  for (j in 1:11) {
    x <- AR[, j]; aar <- mean(x)
    sarj <- if (e2) SARe2[, j] else SAR[, j]
    tests <- list()
    tests$cross_sectional_t <- cs_t(x)
    t_ts <- aar / Shat
    tests$time_series_t <- res(t_ts, pt2(t_ts, if (e2) Lbar - 1 else length(port) - 1), if (e2) Lbar - 1 else length(port) - 1)
    S80 <- sqrt(sum(if (e2) s2s else s2)) / N
    t80 <- aar / S80
    tests$bw1980 <- if (e2) res(t80, pt2(t80, Lbar - 1), Lbar - 1) else res(t80, pn(t80))
    pf <- if (e2) (M - 2) / (M - 4) else dfs / (dfs - 2)
    zp <- sum(sarj) / sqrt(if (e2) N * pf else sum(pf))
    tests$patell <- res(zp, pn(zp))
    zpt <- sum(SAR[, j]) / sqrt(sum(dfs / (dfs - 2)))
    za <- zpt * sqrt(1 / (1 + (N - 1) * rbar))
    tests$adjusted_patell <- res(za, pn(za))
    tests$bmp <- cs_t(sarj)
    tb <- cs_t(SAR[, j])$statistic
    tk <- tb * sqrt((1 - rbar) / (1 + (N - 1) * rbar))
    tests$adjusted_bmp <- res(tk, pt2(tk, N - 1), N - 1)
    tests$skewness_adjusted_t <- skew_t(x)
    tests$jackknife <- jackknife(x, AR[, j] * 0 + sapply(ev, function(e) e$var_ar[j]))
    w <- sum(x > 0)
    zs <- (w - N / 2) / sqrt(N / 4)
    tests$sign <- res(zs, pn(zs))
    zg <- (w - N * phat) / sqrt(N * phat * (1 - phat))
    tests$generalized_sign <- res(zg, pn(zg))
    col <- M + j
    zc <- corrado_z(Sfull$corrado, col); tests$corrado_rank <- res(zc, pn(zc))
    zu <- zivney_z(Sfull$uniform, col); tests$corrado_zivney_rank <- res(zu, pn(zu))
    zsg <- zivney_z(Sfull$sign, col); tests$corrado_zivney_sign <- res(zsg, pn(zsg))
    g <- grank(ev, SAR[, j])
    tests$grank_t <- g$grank_t; tests$grank_z <- g$grank_z
    tests$wilcoxon <- wilcoxon(x)
    if (e2) {
      Mbar <- mean(e1$rm_est); SS <- sum((e1$rm_est - Mbar)^2)
      Cl <- 1 + 1 / Lbar + (e1$rm_span[j] - Mbar)^2 / SS
      tl <- aar / (Shat * sqrt(Cl))
      tests$lamb <- res(tl, pn(tl))
    } else {
      tl <- aar / (Shat * sqrt(mean(FE[, j])))
      tests$lamb <- res(tl, pt2(tl, length(port) - 1), length(port) - 1)
    }
    daily[[j]] <- list(rel_day = span_off[j], aar = aar, n = N, tests = tests)
  }
  wrows <- list()
  for (w in windows) {
    cols <- which(span_off >= w[1] & span_off <= w[2])
    L <- length(cols)
    car <- rowSums(AR[, cols, drop = FALSE])
    vcar <- sapply(ev, function(e) sum(e$V[cols, cols]))
    scar <- car / sqrt(vcar)
    caar <- sum(colMeans(AR[, cols, drop = FALSE]))
    tests <- list()
    sumdaily <- function(name) {
      z <- sum(sapply(cols, function(j) daily[[j]]$tests[[name]]$statistic)) / sqrt(L)
      res(z, pn(z))
    }
    if (e2) {
      for (nm in c("cross_sectional_t", "time_series_t", "bw1980", "patell", "bmp", "sign", "generalized_sign", "lamb")) tests[[nm]] <- sumdaily(nm)
      Sw <- list(corrado = rank_scores(ev, cols, "corrado"), uniform = rank_scores(ev, cols, "uniform"),
                 sign = rank_scores(ev, cols, "sign"))
      tc <- M + seq_along(cols)
      z <- corrado_z(Sw$corrado, tc); tests$corrado_rank <- res(z, pn(z))
      z <- zivney_z(Sw$uniform, tc); tests$corrado_zivney_rank <- res(z, pn(z))
      z <- zivney_z(Sw$sign, tc); tests$corrado_zivney_sign <- res(z, pn(z))
    } else {
      tests$cross_sectional_t <- cs_t(car)
      t <- caar / (sqrt(L) * Shat)
      tests$time_series_t <- res(t, pt2(t, length(port) - 1), length(port) - 1)
      t <- caar / (sqrt(L) * sqrt(sum(s2)) / N)
      tests$bw1980 <- res(t, pn(t))
      z <- sum(scar) / sqrt(sum(dfs / (dfs - 2)))
      tests$patell <- res(z, pn(z))
      tests$bmp <- cs_t(scar)
      w2 <- sum(car > 0)
      z <- (w2 - N / 2) / sqrt(N / 4); tests$sign <- res(z, pn(z))
      z <- (w2 - N * phat) / sqrt(N * phat * (1 - phat)); tests$generalized_sign <- res(z, pn(z))
      tc <- M + cols
      z <- corrado_z(Sfull$corrado, tc); tests$corrado_rank <- res(z, pn(z))
      z <- zivney_z(Sfull$uniform, tc); tests$corrado_zivney_rank <- res(z, pn(z))
      z <- zivney_z(Sfull$sign, tc); tests$corrado_zivney_sign <- res(z, pn(z))
      t <- caar / (Shat * sqrt(mean(vcar / s2)))
      tests$lamb <- res(t, pt2(t, length(port) - 1), length(port) - 1)
    }
    zpt <- sum(scar) / sqrt(sum(dfs / (dfs - 2)))
    z <- zpt * sqrt(1 / (1 + (N - 1) * rbar)); tests$adjusted_patell <- res(z, pn(z))
    tb <- cs_t(scar)$statistic
    t <- tb * sqrt((1 - rbar) / (1 + (N - 1) * rbar)); tests$adjusted_bmp <- res(t, pt2(t, N - 1), N - 1)
    tests$skewness_adjusted_t <- skew_t(car)
    tests$jackknife <- jackknife(car, vcar)
    g <- grank(ev, scar); tests$grank_t <- g$grank_t; tests$grank_z <- g$grank_z
    tests$wilcoxon <- wilcoxon(car)
    wrows[[length(wrows) + 1]] <- list(window_start = w[1], window_end = w[2], caar = caar,
                                       mean_car = mean(car), n = N, tests = tests)
  }
  list(profile = profile, rbar = rbar, daily = daily, windows = wrows)
}

staggered_days <- c("2025-04-03", "2025-04-04", "2025-04-07", "2025-04-08", "2025-04-09")
ev_a <- list()
for (d in staggered_days) for (s in names_sec) ev_a[[length(ev_a) + 1]] <- make_event(s, d)
ev_b <- lapply(names_sec, function(s) make_event(s, "2025-04-09"))

out <- list(
  R_version = R.version.string,
  design = list(estimation = c(-250, -11), span = c(-5, 5), model = "market (lm) on WORLD, simple returns"),
  cases = list(
    list(name = "staggered", day0 = staggered_days, sectors = names_sec, result = run_case(ev_a, "textbook")),
    list(name = "clustered", day0 = "2025-04-09", sectors = names_sec, result = run_case(ev_b, "textbook")),
    list(name = "clustered", day0 = "2025-04-09", sectors = names_sec, result = run_case(ev_b, "estudy2"))
  )
)
write_json_file(out, golden_path("cross.json"))
