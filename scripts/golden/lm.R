# Golden values for OLS from R's lm(): a simulated multi-factor data set with 250
# observations, its fits, and prediction-error variances at new regressor rows.
# Run from the repository root:  Rscript scripts/golden/lm.R
# Writes test/golden/data/lm.json. Every number has 17 significant digits.
source(file.path("scripts", "golden", "json.R"))

set.seed(20250402)
n <- 250
market <- rnorm(n, 0.0004, 0.012)
smb <- rnorm(n, 0, 0.006)
hml <- rnorm(n, 0, 0.005)
mom <- rnorm(n, 0, 0.007)
rmw <- 0.3 * hml + rnorm(n, 0, 0.004)   # correlated factors
y <- 0.0003 + 1.15 * market + 0.35 * smb - 0.2 * hml + 0.1 * mom + 0.05 * rmw +
     rnorm(n, 0, 0.015)
# a level-shifted regressor: [1, x] is ill-conditioned (x has mean 100, sd 0.012)
market_level <- market + 100

# new rows for prediction (regressor values without the intercept)
new_rows <- rbind(
  c(0.01, 0.002, -0.001, 0.003, 0.0005),
  c(-0.035, 0.01, 0.004, -0.012, 0.002),
  c(0, 0, 0, 0, 0),
  c(0.05, -0.02, 0.015, 0.02, -0.01)
)
colnames(new_rows) <- c("market", "smb", "hml", "mom", "rmw")

describe_fit <- function(fit, x0 = NULL) {
  s <- summary(fit)
  out <- list(
    formula = paste(deparse(formula(fit)), collapse = " "),
    coefficients = I(unname(coef(fit))),
    names = I(names(coef(fit))),
    sigma = s$sigma,
    sigma2 = s$sigma^2,
    df_residual = fit$df.residual,
    r_squared = s$r.squared,
    residuals = I(unname(residuals(fit))),
    fitted = I(unname(fitted(fit))),
    cov_unscaled = unname(s$cov.unscaled),
    std_errors = I(unname(s$coefficients[, "Std. Error"]))
  )
  if (!is.null(x0)) {
    X0 <- x0
    pred <- as.vector(X0 %*% coef(fit))
    # prediction-error variance sigma^2 (1 + x0' (X'X)^-1 x0)
    pev <- s$sigma^2 * (1 + rowSums((X0 %*% s$cov.unscaled) * X0))
    # cross-check against predict(): se.fit^2 + residual.scale^2
    out$x0 <- X0
    out$prediction <- I(pred)
    out$prediction_error_variance <- I(pev)
  }
  out
}

fit5 <- lm(y ~ market + smb + hml + mom + rmw)
fit1 <- lm(y ~ market)
fit_level <- lm(y ~ market_level)
fit_noint <- lm(y ~ 0 + market + smb)

p5 <- predict(fit5, newdata = as.data.frame(new_rows), se.fit = TRUE)
pev_predict <- p5$se.fit^2 + p5$residual.scale^2

write_json_file(list(
  source = "R lm() / summary.lm(); scripts/golden/lm.R (set.seed(20250402))",
  R_version = R.version.string,
  data = list(y = I(y), market = I(market), smb = I(smb), hml = I(hml), mom = I(mom),
              rmw = I(rmw), market_level = I(market_level)),
  factor5 = describe_fit(fit5, cbind(1, new_rows)),
  factor5_predict_check = I(unname(pev_predict)),
  market = describe_fit(fit1, cbind(1, new_rows[, "market"])),
  market_level = describe_fit(fit_level),
  no_intercept = describe_fit(fit_noint)
), golden_path("lm.json"))
