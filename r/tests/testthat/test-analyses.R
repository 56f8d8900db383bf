# rostrum in R: the CLI's answers, bit for bit, as data.frames with countries as
# character ISO3 and dates as Date; the CLI's errors as classed conditions;
# functions and help pages generated from the catalogue.

small_calls <- list(
  list("agree", list(a = "all", b = "all", by = "session")),
  list("agree", list(a = "USA", b = "GBR,FRA,RUS", ci = "0.9", boot = "300", seed = "7")),
  list("agree", list(a = "USA", b = "all", measure = "kappa", `keep-unanimous` = TRUE)),
  list("agree", list(a = "FRA", b = "GBR", by = "year", issue = "hr,me")),
  list("cohesion", list(group = "USA,GBR,FRA", by = "session", index = "rice")),
  list("info", list()),
  list("groups", list(date = "2000-01-01"))
)

r_args <- function(params) {
  names(params) <- gsub("-", "_", names(params))
  params
}

test_that("answers on a small store are the CLI's", {
  s <- rostrum_store(small_db())
  for (call in small_calls) {
    f <- get(gsub("-", "_", call[[1]]), envir = asNamespace("rostrum"))
    frame <- do.call(f, c(list(s), r_args(call[[2]])))
    expect_same_as_cli(frame, cli_csv(small_db(), call[[1]], call[[2]]))
  }
})

test_that("agreement worked out by hand", {
  s <- rostrum_store(small_db())
  df <- agree(s, a = "USA", b = "GBR", by = "session")
  # Voeten drops unanimous rc3. s1: rc1 1, rc2 1 - |yes - abstain|/2 = 0.5;
  # s2: rc4 1, rc5 1, rc6 0.
  expect_identical(df$period, c("1", "2"))
  expect_equal(df$value, c(0.75, 2 / 3), tolerance = 1e-15)
  expect_identical(df$n, c(2L, 3L))
})

test_that("columns are typed: ISO3 character, Date, integer, double with NA", {
  s <- rostrum_store(small_db())
  df <- agree(s, a = "all", b = "all", by = "session")
  expect_identical(names(df), c("a", "b", "period", "measure", "value", "n"))
  expect_type(df$a, "character")
  expect_true(all(df$a %in% c("FRA", "GBR", "RUS", "USA")))
  expect_type(df$value, "double")
  expect_type(df$n, "integer")
  i <- info(s)
  expect_s3_class(i$first_date, "Date")
  expect_identical(i$first_date, as.Date("1946-01-10"))
  expect_identical(i$rollcalls, 6L)
  expect_identical(attr(df, "meta")$measure, "agree")
})

test_that("argument values travel exactly", {
  s <- rostrum_store(small_db())
  expect_identical(agree(s, a = "USA", b = c("GBR", "RUS"), ci = 0.9, boot = 300, seed = 7),
                   agree(s, a = "USA", b = "GBR,RUS", ci = "0.9", boot = "300", seed = "7"))
  by_date <- agree(s, a = "USA", b = "GBR", from = as.Date("1947-01-01"))
  expect_identical(by_date, agree(s, a = "USA", b = "GBR", from = "1947-01-01"))
  expect_identical(by_date$n, 3L)
  # 0.1 + 0.2 is not 0.3: the engine is given all 17 digits, not R's 15.
  expect_error(agree(s, a = "USA", b = "GBR", ci = 0.1 + 0.2, boot = 10), NA)
})

test_that("errors are classed conditions with the CLI's messages", {
  s <- rostrum_store(small_db())
  e <- tryCatch(agree(s, a = "Atlantis", b = "USA"), rostrum_usage_error = function(e) e)
  expect_s3_class(e, "rostrum_error")
  expect_identical(e$parameter, "a")
  r <- cli(c("agree", "--a", "Atlantis", "--b", "USA"), small_db())
  expect_identical(r$status, 2L)
  expect_identical(r$stderr, paste0("rostrum: error: ", conditionMessage(e)))

  e <- tryCatch(agree(s, a = "USA", b = "GBR", ci = 1.5), rostrum_usage_error = function(e) e)
  expect_identical(e$parameter, "ci")
  r <- cli(c("agree", "--a", "USA", "--b", "GBR", "--ci", "1.5"), small_db())
  expect_identical(r$stderr, paste0("rostrum: error: ", conditionMessage(e)))

  e <- tryCatch(agree(s, b = "USA"), rostrum_usage_error = function(e) e)
  expect_identical(e$parameter, "a")
  expect_error(agree(s, a = "USA", b = "GBR", min_nn = 3), "unused argument")
  expect_error(agree("not a store", a = "USA", b = "GBR"), class = "rostrum_usage_error")
  expect_error(agree(s, a = NA, b = "GBR"), class = "rostrum_usage_error")
})

test_that("a store that does not exist", {
  missing <- file.path(tempfile("rostrum"), "nowhere.db")
  e <- tryCatch(rostrum_store(missing), rostrum_store_error = function(e) e)
  expect_s3_class(e, "rostrum_error")
  r <- cli("info", missing)
  expect_identical(r$status, 4L)
  expect_identical(r$stderr, paste0("rostrum: error: ", conditionMessage(e)))
  expect_false(file.exists(missing))
})

test_that("read-only unless asked; import is all or nothing", {
  s <- rostrum_store(small_db())
  expect_error(rostrum_import(s, small_source()), "read-only", class = "rostrum_usage_error")
  expect_error(ideal(s), "read-only", class = "rostrum_usage_error")

  db <- file.path(tempfile("rostrum"), "fresh.db")
  dir.create(dirname(db))
  w <- rostrum_store(db, write = TRUE)
  first <- rostrum_import(w, small_source(), name = "small")
  expect_identical(first$source, "small")
  expect_identical(c(first$rollcalls, first$votes, first$yes, first$no, first$abstain), c(6L, 23L, 14L, 7L, 2L))
  expect_identical(rostrum_import(w, small_source(), name = "small")$replaced, 1L)
  before <- info(w)
  bad <- write_small_source(file.path(tempfile("rostrum"), "bad"))
  writeLines(c("rcid,country,country_code,vote", "1,United States,US,yes", "1,Russia,RU,perhaps"),
             file.path(bad, "un_votes.csv"))
  e <- tryCatch(rostrum_import(w, bad, name = "bad"), rostrum_input_error = function(e) e)
  expect_match(e$file, "un_votes.csv$")
  expect_identical(e$line, 3)
  expect_true(e$column > 0)
  expect_identical(info(w), before)
})

test_that("an empty answer warns why", {
  s <- rostrum_store(small_db())
  expect_warning(df <- agree(s, a = "USA", b = "RUS", year = "1990"), "no rows", class = "rostrum_empty_warning")
  expect_identical(dim(df), c(0L, 6L))
})

test_that("functions and help pages come from the catalogue", {
  offered <- Filter(function(a) "bindings" %in% unlist(a$surfaces), rostrum_catalogue())
  names <- vapply(offered, function(a) a$name, "")
  expect_true(all(c("agree", "cohesion", "info", "brief") %in% names))
  ns <- asNamespace("rostrum")
  for (a in offered) {
    f <- gsub("[-/]", "_", a$name)
    fun <- if (exists(f, envir = ns, inherits = FALSE)) get(f, envir = ns)
           else get(paste0(f, ".rostrum_store"), envir = ns)
    args <- names(formals(fun))
    for (p in a$params) expect_true(gsub("-", "_", p$name) %in% args, info = paste(a$name, p$name))
  }
  # predict is stats' generic: rostrum's predict is its method for the store.
  expect_true(is.function(getS3method("predict", "rostrum_store")))
  expect_false(exists("predict", envir = ns, inherits = FALSE))
  help_dir <- system.file("help", package = "rostrum")
  rd <- tools::Rd_db("rostrum")
  expect_true("agree.Rd" %in% names(rd))
  text <- paste(as.character(rd[["agree.Rd"]]), collapse = "")
  agree_spec <- offered[[which(names == "agree")]]
  for (p in agree_spec$params) expect_true(grepl(sub("\\.$", "", p$help), text, fixed = TRUE), info = p$name)
})

test_that("the brief returns its document", {
  s <- rostrum_store(small_db())
  doc <- brief(s, focus = "RUS", vs = "USA,GBR", boot = 20)
  expect_type(doc, "list")
  expect_match(doc$html, "^\\s*<!doctype html", ignore.case = TRUE)
})

test_that("the contract on the real data", {
  db <- real_db()
  s <- rostrum_store(db)
  df <- agree(s, a = "CHN", b = "RUS", by = "session")
  csv <- cli_csv(db, "agree", list(a = "CHN", b = "RUS", by = "session"))
  expect_identical(dim(df), c(nrow(csv), 6L))
  expect_same_as_cli(df, csv)
})

test_that("real-data answers are the CLI's", {
  db <- real_db()
  s <- rostrum_store(db)
  calls <- list(
    list("agree", list(a = "USA", b = "all", year = "2019", measure = "coincidence")),
    list("agree", list(a = "RUS", b = "USA", by = "year", ci = "0.95", boot = "200")),
    list("cohesion", list(group = "G7", by = "year", from = "2000")),
    list("poles", list(poles = "USA,CHN", year = "2019")),
    list("countries", list()),
    list("agree", list(a = "all", b = "all", by = "session"))
  )
  for (call in calls) {
    f <- get(gsub("-", "_", call[[1]]), envir = asNamespace("rostrum"))
    expect_same_as_cli(do.call(f, c(list(s), r_args(call[[2]]))), cli_csv(db, call[[1]], call[[2]]))
  }
})
