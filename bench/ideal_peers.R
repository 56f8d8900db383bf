# Peer benchmark for rostrum's ideal points: MCMCpack MCMCdynamicIRT1d (binary
# dynamic) on a session range, MCMCirt1d and pscl::ideal (binary static) on one
# session, on the same unvotes data and conventions; prints time and correlation
# with rostrum's estimates.
#
# Rscript bench/ideal_peers.R DATA_DIR DYN_CSV BIN_CSV STATIC_CSV FROM TO SESSION MCMC BURNIN
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; dyn_csv <- args[2]; bin_csv <- args[3]; static_csv <- args[4]
from <- as.integer(args[5]); to <- as.integer(args[6]); one <- as.integer(args[7])
mcmc <- as.integer(args[8]); burnin <- as.integer(args[9])
suppressMessages({ library(MCMCpack); library(pscl) })

rc <- read.csv(gzfile(file.path(dir, "un_roll_calls.csv.gz")), stringsAsFactors = FALSE)
v <- read.csv(gzfile(file.path(dir, "un_votes.csv.gz")), stringsAsFactors = FALSE)
rc$year <- as.integer(substr(rc$date, 1, 4))
# BSV conventions (as rostrum's apply_conventions): session 19 out, amendment and
# paragraph votes after 1989 out; unanimous roll calls out (after binary coding).
flag <- function(x) !is.na(x) & x == 1  # amend / para are NA in later sessions
rc <- rc[rc$session != 19 & !((flag(rc$amend) | flag(rc$para)) & rc$year > 1989), ]

binary_matrix <- function(sessions) {
  r <- rc[rc$session %in% sessions, ]
  vv <- v[v$rcid %in% r$rcid, ]
  states <- sort(unique(vv$country))
  Y <- matrix(NA_real_, length(states), nrow(r), dimnames = list(states, r$rcid))
  Y[cbind(match(vv$country, states), match(vv$rcid, r$rcid))] <- ifelse(vv$vote == "yes", 1, 0)
  keep <- apply(Y, 2, function(col) length(unique(col[!is.na(col)])) > 1)
  list(Y = Y[, keep, drop = FALSE], session = r$session[keep])
}
est_of <- function(path) { e <- read.csv(path, stringsAsFactors = FALSE); e$key <- paste(e$state, e$session); e }
report <- function(tool, sessions, secs, x, est, what) {
  m <- match(names(x), est$key); ok <- !is.na(m)
  r <- cor(x[ok], est$ideal[m[ok]])
  cat(sprintf("%-22s sessions %-7s %6.1f s  n=%-5d corr with rostrum %-16s % .3f\n",
              tool, sessions, secs, sum(ok), what, abs(r)))
  invisible(r)
}
dyn <- est_of(dyn_csv); bin <- est_of(bin_csv); sta <- est_of(static_csv)

# MCMCdynamicIRT1d on sessions from..to.
b <- binary_matrix(from:to)
tmap <- match(b$session, sort(unique(b$session)))
labels <- sort(unique(b$session))
cat(sprintf("MCMCdynamicIRT1d: %d states x %d roll calls, %d votes, %d+%d iterations\n",
            nrow(b$Y), ncol(b$Y), sum(!is.na(b$Y)), burnin, mcmc))
tm <- system.time(fit <- MCMCdynamicIRT1d(b$Y, item.time.map = tmap,
  theta.constraints = list("United States" = "+"), burnin = burnin, mcmc = mcmc, thin = 10,
  verbose = 0, seed = 1, tau2.start = rep(0.1, nrow(b$Y)), e0 = 0, E0 = 1,
  a0 = 0, A0 = 0.1, b0 = 0, B0 = 0.1, c0 = -1, d0 = -1))[["elapsed"]]
th <- colMeans(fit[, grep("^theta\\.", colnames(fit)), drop = FALSE])
nm <- sub("^theta\\.(.*)\\.t([0-9]+)$", "\\1", names(th))
tt <- as.integer(sub("^theta\\.(.*)\\.t([0-9]+)$", "\\2", names(th)))
names(th) <- paste(nm, labels[tt])
# Only state-sessions with votes (MCMCdynamicIRT1d also reports the others).
th <- th[names(th) %in% paste(rownames(b$Y)[row(b$Y)[!is.na(b$Y)]], b$session[col(b$Y)[!is.na(b$Y)]])]
report("MCMCdynamicIRT1d", paste0(from, "-", to), tm, th, dyn, "dynamic ordinal")
report("MCMCdynamicIRT1d", paste0(from, "-", to), tm, th, bin, "dynamic binary")
per <- sapply(labels, function(s) { k <- grepl(paste0(" ", s, "$"), names(th)); m <- match(names(th)[k], dyn$key); abs(cor(th[k], dyn$ideal[m], use = "complete.obs")) })
cat(sprintf("  per-session |corr| with rostrum dynamic ordinal: %s\n", paste(sprintf("%d:%.3f", labels, per), collapse = " ")))

# Static models on one session.
s1 <- binary_matrix(one)
cat(sprintf("session %d: %d states x %d roll calls\n", one, nrow(s1$Y), ncol(s1$Y)))
tm <- system.time(f1 <- MCMCirt1d(s1$Y, theta.constraints = list("United States" = "+"), burnin = 1000,
  mcmc = 10000, thin = 10, verbose = 0, seed = 1, store.item = FALSE))[["elapsed"]]
x1 <- colMeans(f1); names(x1) <- paste(sub("^theta\\.", "", names(x1)), one)
report("MCMCirt1d", one, tm, x1, sta, "static ordinal")
report("MCMCirt1d", one, tm, x1, dyn, "dynamic ordinal")
rcobj <- rollcall(s1$Y, yea = 1, nay = 0, missing = NA, legis.names = rownames(s1$Y))
tm <- system.time(invisible(capture.output(f2 <- ideal(rcobj, d = 1, maxiter = 11000, burnin = 1000, thin = 10,
  normalize = TRUE, verbose = FALSE))))[["elapsed"]]
x2 <- f2$xbar[, 1]; names(x2) <- paste(rownames(f2$xbar), one)
report("pscl::ideal", one, tm, x2, sta, "static ordinal")
report("pscl::ideal", one, tm, x2, dyn, "dynamic ordinal")
