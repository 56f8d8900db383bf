# The CLI of the same build (answers are compared with it), a small store the
# tests write themselves, and the real unvotes data when ../shared/data has it.
# ROSTRUM_BUILD: the build directory (default: build/ beside the package).

rostrum_build <- function() {
  b <- Sys.getenv("ROSTRUM_BUILD")
  if (nzchar(b)) return(normalizePath(b))
  normalizePath(file.path(testthat::test_path(), "..", "..", "..", "build"), mustWork = FALSE)
}

cli <- function(args, db = NULL) {
  bin <- file.path(rostrum_build(), "rostrum")
  if (!file.exists(bin)) stop("no rostrum CLI at ", bin, ": build it or set ROSTRUM_BUILD")
  out <- tempfile()
  err <- tempfile()
  status <- system2(bin, c(if (!is.null(db)) c("--db", shQuote(db)), shQuote(args)), stdout = out, stderr = err)
  list(status = status, stdout = readLines(out, warn = FALSE, encoding = "UTF-8"),
       stderr = paste(readLines(err, warn = FALSE, encoding = "UTF-8"), collapse = "\n"))
}

# The CLI's CSV for the same request, every field as text ("" for null).
cli_csv <- function(db, analysis, params = list()) {
  args <- c("--format", "csv", strsplit(analysis, "/", fixed = TRUE)[[1]])
  for (name in names(params)) {
    v <- params[[name]]
    if (isTRUE(v)) args <- c(args, paste0("--", name))
    else if (identical(v, FALSE)) args <- c(args, paste0("--no-", name))
    else args <- c(args, paste0("--", name), as.character(v))
  }
  r <- cli(args, db)
  if (r$status != 0) stop("rostrum ", paste(args, collapse = " "), " failed: ", r$stderr)
  utils::read.csv(text = paste(r$stdout, collapse = "\n"), colClasses = "character", na.strings = character(0),
                  check.names = FALSE, encoding = "UTF-8")
}

# Every cell of the frame is what the CLI printed. Numbers are compared as the
# engine reads them back (std::from_chars: the CSV's shortest round-trip text
# gives the very same double), so equal means bit-identical.
expect_same_as_cli <- function(frame, csv) {
  expect_identical(names(frame), names(csv))
  expect_identical(nrow(frame), nrow(csv))
  for (name in names(csv)) {
    text <- csv[[name]]
    col <- frame[[name]]
    if (inherits(col, "Date")) {
      expect_identical(ifelse(is.na(col), "", format(col, "%Y-%m-%d")), text, info = name)
    } else if (is.character(col)) {
      expect_identical(ifelse(is.na(col), "", col), text, info = name)
    } else if (is.integer(col)) {
      expect_identical(ifelse(is.na(col), "", as.character(col)), text, info = name)
    } else if (is.double(col)) {
      parsed <- rostrum:::.rostrum_parse_numbers(text)
      expect_identical(is.na(col), text == "", info = name)
      same <- is.na(col) | col == parsed
      expect_true(all(same), info = paste(name, "first difference at row", which(!same)[1]))
    } else {
      fail(paste("column", name, "has an unexpected type", typeof(col)))
    }
  }
}

# Four states, six roll calls in two sessions, one absence, issues on four:
#   rc1 1946-01-10 s1 hr: USA yes GBR yes     FRA yes     RUS no
#   rc2 1946-02-10 s1   : USA yes GBR abstain FRA no      RUS no
#   rc3 1946-03-10 s1 me: USA yes GBR yes     FRA yes     RUS yes   (unanimous)
#   rc4 1947-01-10 s2 hr: USA no  GBR no      FRA abstain RUS yes
#   rc5 1947-02-10 s2   : USA yes GBR yes     (FRA absent) RUS no
#   rc6 1947-03-10 s2 me: USA no  GBR yes     FRA yes     RUS yes
write_small_source <- function(dir) {
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  votes <- c("rcid,country,country_code,vote",
             "1,United States,US,yes", "1,United Kingdom,GB,yes", "1,France,FR,yes", "1,Russia,RU,no",
             "2,United States,US,yes", "2,United Kingdom,GB,abstain", "2,France,FR,no", "2,Russia,RU,no",
             "3,United States,US,yes", "3,United Kingdom,GB,yes", "3,France,FR,yes", "3,Russia,RU,yes",
             "4,United States,US,no", "4,United Kingdom,GB,no", "4,France,FR,abstain", "4,Russia,RU,yes",
             "5,United States,US,yes", "5,United Kingdom,GB,yes", "5,Russia,RU,no",
             "6,United States,US,no", "6,United Kingdom,GB,yes", "6,France,FR,yes", "6,Russia,RU,yes")
  writeLines(votes, file.path(dir, "un_votes.csv"))
  writeLines(c("rcid,session,importantvote,date,unres,amend,para,short,descr",
               "1,1,0,1946-01-10,R/1/1,0,0,first,first", "2,1,0,1946-02-10,R/1/2,0,0,second,second",
               "3,1,0,1946-03-10,R/1/3,0,0,third,third", "4,2,1,1947-01-10,R/2/1,0,0,fourth,fourth",
               "5,2,0,1947-02-10,R/2/2,0,0,fifth,fifth", "6,2,0,1947-03-10,R/2/3,0,0,sixth,sixth"),
             file.path(dir, "un_roll_calls.csv"))
  writeLines(c("rcid,short_name,issue", "1,hr,Human rights", "3,me,Palestinian conflict",
               "4,hr,Human rights", "6,me,Palestinian conflict"),
             file.path(dir, "un_roll_call_issues.csv"))
  dir
}

small_source <- local({
  dir <- NULL
  function() {
    if (is.null(dir)) dir <<- write_small_source(file.path(tempfile("rostrum"), "small"))
    dir
  }
})

small_db <- local({
  db <- NULL
  function() {
    if (is.null(db)) {
      db <<- file.path(tempfile("rostrum"), "small.db")
      dir.create(dirname(db))
      rostrum_import(rostrum_store(db, write = TRUE), small_source())
    }
    db
  }
})

real_source <- function() {
  data <- Sys.getenv("ROSTRUM_DATA")
  if (!nzchar(data)) data <- file.path(rostrum_build(), "..", "..", "shared", "data")
  file.path(data, "unga", "unvotes-0.3.0")
}

real_db <- local({
  db <- NULL
  function() {
    if (!dir.exists(real_source())) testthat::skip(paste("no real data at", real_source(), "(set ROSTRUM_DATA)"))
    if (is.null(db)) {
      db <<- file.path(tempfile("rostrum"), "unvotes.db")
      dir.create(dirname(db))
      r <- cli(c("import", real_source()), db)
      if (r$status != 0) stop("import failed: ", r$stderr)
    }
    db
  }
})
