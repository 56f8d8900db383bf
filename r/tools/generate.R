# Writes the package's analysis functions from rostrum's catalogue of analyses:
#   R/analyses.R   one function per analysis offered to the bindings, with
#                  roxygen-style comments from the catalogue's help
#   man/*.Rd       their help pages (the same text)
#   NAMESPACE      exports
# Run by configure at install time against the build the package links, so the
# functions always match the compiled engine:
#   Rscript tools/generate.R BUILD/rostrum [PACKAGE_DIR]
# (or a JSON file written by `rostrum catalogue` instead of the binary).
#
# Names: an analysis "cohesion-compare" is cohesion_compare(store, ...); a
# parameter "min-n" is min_n (an R reserved word gets a trailing "_"). An
# analysis whose name is an S3 generic of R's default packages (predict) becomes
# that generic's method for rostrum_store, so predict(store, holdout = 0.1)
# works and stats::predict keeps working; a name taken by another function of
# those packages gets the prefix rostrum_.

`%||%` <- function(x, y) if (is.null(x)) y else x

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1L) stop("usage: Rscript tools/generate.R ROSTRUM_BINARY_OR_CATALOGUE_JSON [PACKAGE_DIR]")
source_path <- args[[1L]]
pkg <- if (length(args) >= 2L) args[[2L]] else "."

json <- if (grepl("\\.json$", source_path)) {
  readLines(source_path, warn = FALSE, encoding = "UTF-8")
} else {
  out <- system2(source_path, "catalogue", stdout = TRUE)
  if (!is.null(attr(out, "status"))) stop("'", source_path, " catalogue' failed")
  out
}
analyses <- jsonlite::fromJSON(paste(json, collapse = "\n"), simplifyVector = FALSE)$analyses
analyses <- Filter(function(a) "bindings" %in% unlist(a$surfaces), analyses)

reserved <- c("if", "else", "repeat", "while", "function", "for", "next", "break", "in", "TRUE", "FALSE", "NULL",
              "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "store", "object")
r_name <- function(name) {
  n <- gsub("[-/]", "_", name)
  if (n %in% reserved) paste0(n, "_") else n
}

default_packages <- c("base", "stats", "utils", "methods", "graphics", "grDevices", "datasets")
# How an analysis is offered in R: a plain function, a method of a default
# package's S3 generic, or a prefixed function when the name is otherwise taken.
placement <- function(fname) {
  for (p in default_packages) {
    ns <- asNamespace(p)
    if (exists(fname, envir = ns, inherits = FALSE) && is.function(get(fname, envir = ns))) {
      f <- get(fname, envir = ns)
      if (isTRUE(unname(utils::isS3stdGeneric(f))))
        return(list(kind = "method", generic = fname, package = p, first = names(formals(f))[[1L]]))
      return(list(kind = "function", name = paste0("rostrum_", fname), first = "store"))
    }
  }
  list(kind = "function", name = fname, first = "store")
}

# Rd text: backslash, braces and percent escaped.
rd <- function(x) {
  x <- gsub("\\", "\\\\", x, fixed = TRUE)
  x <- gsub("{", "\\{", x, fixed = TRUE)
  x <- gsub("}", "\\}", x, fixed = TRUE)
  gsub("%", "\\%", x, fixed = TRUE)
}

r_literal <- function(v) {
  if (is.null(v)) return("NULL")
  if (is.logical(v)) return(if (isTRUE(v)) "TRUE" else "FALSE")
  if (is.numeric(v)) return(deparse(as.numeric(v)))
  deparse(as.character(v))
}

param_doc <- function(p) {
  type <- switch(p$type,
    choice = paste0("one of ", paste0('"', unlist(p$choices), '"', collapse = ", ")),
    integer = "a whole number",
    number = "a number",
    boolean = "TRUE or FALSE",
    date = "a year or date (\"2019\", \"2019-06-30\", or a Date)",
    countries = "countries: ISO3, ISO2, COW codes or names, groups, X+Y, or \"all\" (a character vector or a comma list)",
    sessions = "sessions (74, \"70-74\", \"ES-11\", or a vector)",
    years = "years (2019, \"1990-1999\", or a vector)",
    "text")
  if (!is.null(p$min) || !is.null(p$max)) {
    lo <- if (is.null(p$min)) "-Inf" else format(p$min, scientific = FALSE, trim = TRUE)
    hi <- if (is.null(p$max)) "Inf" else format(p$max, scientific = FALSE, trim = TRUE)
    type <- paste0(type, " in [", lo, ", ", hi, "]")
  }
  text <- paste0(sub("\\.$", "", p$help), ". ", toupper(substr(type, 1, 1)), substring(type, 2))
  if (isTRUE(p$required)) text <- paste0(text, "; required")
  else if (!is.null(p$default)) text <- paste0(text, "; default ", r_literal(p$default))
  if (!is.null(p$example)) text <- paste0(text, ". Example: ", p$example)
  paste0(text, ".")
}

column_doc <- function(c) {
  type <- if (isTRUE(c$date)) "Date" else switch(c$type, text = "character", integer = "integer", number = "numeric")
  paste0(type, ": ", c$help)
}

# A CLI example ("rostrum agree --a USA --year 2019") as an R call; NULL when it
# does not translate.
r_example <- function(a, fname, first_arg, command) {
  words <- scan(text = command, what = "", quiet = TRUE)
  stop_at <- which(words %in% c(">", ">>", "|"))
  if (length(stop_at)) words <- words[seq_len(stop_at[[1L]] - 1L)]
  name_words <- strsplit(a$name, "/", fixed = TRUE)[[1L]]
  if (!identical(words[seq_len(1L + length(name_words))], c("rostrum", name_words))) return(NULL)
  words <- words[-seq_len(1L + length(name_words))]
  params <- setNames(a$params, vapply(a$params, function(p) p$name, ""))
  positional <- Filter(function(p) isTRUE(p$positional), a$params)
  args <- character(0)
  i <- 1L
  while (i <= length(words)) {
    w <- words[[i]]
    if (w %in% c("--format", "--out", "--db", "--groups")) { i <- i + 2L; next }
    if (!startsWith(w, "--")) {
      if (!length(positional)) return(NULL)
      args <- c(args, paste0(r_name(positional[[1L]]$name), " = ", deparse(w)))
      positional <- positional[-1L]
      i <- i + 1L
      next
    }
    flag <- substring(w, 3L)
    p <- params[[flag]]
    if (is.null(p) && startsWith(flag, "no-") && !is.null(params[[substring(flag, 4L)]])) {
      args <- c(args, paste0(r_name(substring(flag, 4L)), " = FALSE"))
      i <- i + 1L
      next
    }
    if (is.null(p)) return(NULL)
    if (p$type == "boolean") {
      args <- c(args, paste0(r_name(flag), " = TRUE"))
      i <- i + 1L
      next
    }
    if (i + 1L > length(words)) return(NULL)
    v <- words[[i + 1L]]
    lit <- if (p$type %in% c("integer", "number") && !is.na(suppressWarnings(as.numeric(v)))) v else deparse(v)
    args <- c(args, paste0(r_name(flag), " = ", lit))
    i <- i + 2L
  }
  paste0(fname, "(", paste(c("s", args), collapse = ", "), ")")
}

code <- c("# Generated by tools/generate.R from rostrum's catalogue of analyses (run by",
          "# configure when the package is installed); do not edit.", "")
exports <- character(0)
methods <- character(0)
imports <- character(0)
generated_rd <- character(0)

for (a in analyses) {
  place <- placement(gsub("[-/]", "_", a$name))
  fname <- if (place$kind == "method") paste0(place$generic, ".rostrum_store") else place$name
  first <- place$first
  arg_names <- vapply(a$params, function(p) r_name(p$name), "")
  leading <- vapply(a$params, function(p) isTRUE(p$required) || isTRUE(p$positional), TRUE)
  formals_text <- vapply(seq_along(a$params), function(k) {
    p <- a$params[[k]]
    if (leading[[k]] && is.null(p$default)) arg_names[[k]] else paste0(arg_names[[k]], " = ", r_literal(p$default))
  }, "")
  # Required parameters first (they may be given by position), in catalogue order.
  formals_text <- c(formals_text[leading], formals_text[!leading])
  is_method <- place$kind == "method"
  all_formals <- c(first, formals_text, if (is_method) "...")
  name_map <- if (length(a$params)) paste0(arg_names, ' = "', vapply(a$params, function(p) p$name, ""), '"') else character(0)
  title <- sub("\\.$", "", a$summary)

  # roxygen-style comments and the function
  roxygen <- c(paste0("#' ", title), "#'")
  if (nzchar(a$description %||% "")) roxygen <- c(roxygen, paste0("#' ", strsplit(a$description, "\n")[[1L]]), "#'")
  roxygen <- c(roxygen, paste0("#' @param ", first, " A store from [rostrum_store()]."))
  for (k in seq_along(a$params)) roxygen <- c(roxygen, paste0("#' @param ", arg_names[[k]], " ", param_doc(a$params[[k]])))
  if (is_method) roxygen <- c(roxygen, "#' @param ... Not used (an unknown parameter is an error).")
  if (length(a$columns)) {
    roxygen <- c(roxygen, paste0("#' @return A data.frame with the rows `rostrum ", gsub("/", " ", a$name), "` prints:"),
                 paste0("#'   ", vapply(a$columns, function(c) paste0(c$name, " (", column_doc(c), ")"), "")))
  } else {
    roxygen <- c(roxygen, "#' @return A list: the analysis's document (what `--format json` prints).")
  }
  examples <- Filter(Negate(is.null), lapply(unlist(a$examples), function(e) r_example(a, if (is_method) place$generic else fname, first, e)))
  if (length(examples)) roxygen <- c(roxygen, "#' @examples", "#' \\dontrun{", "#' s <- rostrum_store(\"rostrum.db\")",
                                     paste0("#' ", unlist(examples)), "#' }")
  roxygen <- c(roxygen, if (is_method) paste0("#' @exportS3Method ", place$package, "::", place$generic) else "#' @export")
  code <- c(code, roxygen,
            paste0(fname, " <- function(", paste(all_formals, collapse = ", "), ") {"),
            paste0("  .rostrum_call(", first, ", \"", a$name, "\", environment(), match.call(),"),
            paste0("                ", if (length(name_map)) paste0("c(", paste(name_map, collapse = ", "), ")")
                   else "character(0)", if (is_method) ", list(...))" else ")"),
            "}", "")
  if (is_method) {
    methods <- c(methods, paste0("S3method(", place$generic, ", rostrum_store)"))
    if (place$package != "base") imports <- c(imports, paste0("importFrom(", place$package, ", ", place$generic, ")"))
  } else {
    exports <- c(exports, fname)
  }

  # the help page
  usage <- if (is_method) {
    paste0("\\method{", place$generic, "}{rostrum_store}(", paste(all_formals, collapse = ", "), ")")
  } else {
    paste0(fname, "(", paste(all_formals, collapse = ", "), ")")
  }
  items <- c(paste0("\\item{", first, "}{A store from \\code{\\link{rostrum_store}}.}"),
             vapply(seq_along(a$params), function(k) paste0("\\item{", arg_names[[k]], "}{", rd(param_doc(a$params[[k]])), "}"), ""),
             if (is_method) "\\item{...}{Not used (an unknown parameter is an error).}")
  value <- if (length(a$columns)) {
    c(paste0("A data.frame with the rows \\code{rostrum ", rd(gsub("/", " ", a$name)), "} prints:"), "\\describe{",
      vapply(a$columns, function(c) paste0("  \\item{", rd(c$name), "}{", rd(column_doc(c)), "}"), ""), "}",
      "Besides the rows, \\code{attr(x, \"meta\")} holds what the analysis adds (notices, nested documents).")
  } else {
    "A list: the analysis's document (what \\code{--format json} prints)."
  }
  page <- c(paste0("% Generated by tools/generate.R from rostrum's catalogue; do not edit."),
            paste0("\\name{", fname, "}"), paste0("\\alias{", fname, "}"),
            paste0("\\title{", rd(title), "}"),
            paste0("\\description{", rd(title), ".}"),
            "\\usage{", usage, "}",
            "\\arguments{", items, "}",
            paste0("\\value{"), value, "}",
            if (nzchar(a$description %||% "")) c("\\details{", "\\preformatted{", rd(a$description), "}", "}"),
            if (length(examples)) c("\\examples{", "\\dontrun{", "s <- rostrum_store(\"rostrum.db\")", rd(unlist(examples)), "}", "}"),
            "\\seealso{\\code{\\link{rostrum_store}}, \\code{\\link{rostrum_catalogue}}}")
  rd_file <- file.path(pkg, "man", paste0(fname, ".Rd"))
  writeLines(page, rd_file, useBytes = TRUE)
  generated_rd <- c(generated_rd, basename(rd_file))
}

writeLines(code, file.path(pkg, "R", "analyses.R"), useBytes = TRUE)
namespace <- c("# Generated by tools/generate.R (run by configure); do not edit.",
               "useDynLib(rostrum, .registration = TRUE)",
               "importFrom(Rcpp, evalCpp)",
               unique(imports),
               paste0("export(", c("rostrum_store", "rostrum_import", "rostrum_catalogue", exports), ")"),
               "S3method(print, rostrum_store)",
               methods)
writeLines(namespace, file.path(pkg, "NAMESPACE"))
# The list of generated pages, so that a later run removes the pages of analyses
# that are gone.
old <- file.path(pkg, "man", ".generated")
if (file.exists(old)) {
  stale <- setdiff(readLines(old), generated_rd)
  unlink(file.path(pkg, "man", stale))
}
writeLines(generated_rd, old)
cat("rostrum: generated ", length(analyses), " analysis functions and their help pages\n", sep = "")
