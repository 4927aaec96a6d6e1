# Golden values for the standard normal distribution and special functions from R:
# pnorm(), qnorm(), lgamma(), lbeta(), pbeta().
# Run from the repository root:  Rscript scripts/golden/normal.R
# Writes test/golden/data/normal.json. Every number has 17 significant digits.
source(file.path("scripts", "golden", "json.R"))

zs <- c(0, 1e-8, 0.001, 0.1, 0.5, 0.6, 0.7, 1, 1.5, 1.96, 2, 2.5, 3, 4, 5, 5.7, 6, 8, 10,
        15, 20, 25, 30, 35, 37.5)
zs <- sort(unique(c(-zs, zs)))
ps <- c(1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.01, 0.02425, 0.025, 0.05,
        0.075, 0.1, 0.2, 0.3, 0.4, 0.45, 0.49, 0.5, 0.51, 0.6, 0.7, 0.8, 0.9, 0.925, 0.95,
        0.975, 0.99, 0.999)

xs_gamma <- c(1e-10, 1e-3, 0.1, 0.3, 0.5, 0.9, 1.25, 1.5, 1.75, 2.5, 3, 3.5, 5, 7.3, 10,
              15.5, 30, 50, 100, 250, 500, 1000, 1e5, 1e10, -0.5, -1.5, -2.3, -10.5)

ab <- expand.grid(a = c(0.5, 1, 1.25, 2.5, 3.65, 10, 25, 100, 500),
                  b = c(0.5, 1, 2, 5, 20, 150))
betagrid <- expand.grid(x = c(1e-10, 0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999),
                        k = seq_len(nrow(ab)))
betagrid$a <- ab$a[betagrid$k]
betagrid$b <- ab$b[betagrid$k]

write_json_file(list(
  source = "R pnorm/qnorm/lgamma/lbeta/pbeta. scripts/golden/normal.R",
  R_version = R.version.string,
  pnorm = list(z = zs, lower = pnorm(zs), upper = pnorm(zs, lower.tail = FALSE)),
  qnorm = list(p = ps, lower = qnorm(ps), upper = qnorm(ps, lower.tail = FALSE)),
  lgamma = list(x = xs_gamma, value = lgamma(xs_gamma)),
  lbeta = list(a = ab$a, b = ab$b, value = lbeta(ab$a, ab$b)),
  pbeta = list(x = betagrid$x, a = betagrid$a, b = betagrid$b,
               lower = pbeta(betagrid$x, betagrid$a, betagrid$b),
               upper = pbeta(betagrid$x, betagrid$a, betagrid$b, lower.tail = FALSE))
), golden_path("normal.json"))
