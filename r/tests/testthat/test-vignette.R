# The vignette's code runs as written, on the real data, and answers what it says.
test_that("the vignette redoes unvotes' example", {
  source_dir <- real_source()
  if (!dir.exists(source_dir)) skip(paste("no real data at", source_dir))
  rmd <- file.path(test_path(), "..", "..", "vignettes", "us-agreement.Rmd")
  if (!file.exists(rmd)) skip("the vignette source is not beside the tests")
  lines <- readLines(rmd, warn = FALSE)
  starts <- grep("^```\\{r (import|agree|plot|all)\\}", lines)
  chunks <- unlist(lapply(starts, function(s) {
    end <- s + which(lines[(s + 1):length(lines)] == "```")[1]
    lines[(s + 1):(end - 1)]
  }))
  expect_gt(length(chunks), 5)
  env <- new.env()
  env$unvotes <- source_dir
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  eval(parse(text = chunks), envir = env)
  us <- env$us
  expect_setequal(unique(us$b), c("GBR", "FRA", "ISR", "IND", "RUS"))
  expect_identical(range(us$year), c(1946L, 2019L))
  # A year without joint votes (Israel before it joined, in 1949) has no value.
  expect_identical(is.na(us$value), us$n == 0L)
  expect_true(all(us$value[us$n > 0L] >= 0 & us$value[us$n > 0L] <= 1))
  # The United Kingdom votes with the United States more often than Russia does.
  gbr <- mean(us$value[us$b == "GBR"], na.rm = TRUE)
  rus <- mean(us$value[us$b == "RUS"], na.rm = TRUE)
  expect_gt(gbr, rus)
  expect_gt(nrow(env$last), 150)
})
