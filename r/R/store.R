# The store object, import, the catalogue and the call every analysis function
# makes. The analysis functions themselves (R/analyses.R) and their help pages
# are generated from the catalogue by tools/generate.R when the package is
# installed (configure).

#' Open a rostrum store
#'
#' @param path The store file (written by `rostrum import` or [rostrum_import()]).
#' @param write `FALSE` (the default) opens it read-only: it must exist.
#'   `TRUE` may create it (at the first [rostrum_import()]) and lets `ideal`
#'   save its runs.
#' @param groups A user groups file, JSON or TOML (default `$ROSTRUM_GROUPS`);
#'   its groups then work wherever a group name does.
#' @return A `rostrum_store`: pass it to the analysis functions.
#' @export
rostrum_store <- function(path, write = FALSE, groups = Sys.getenv("ROSTRUM_GROUPS")) {
  path <- path.expand(as.character(path))
  out <- .rostrum_check(.Call(rostrum_c_open, path, isTRUE(write), as.character(groups)), sys.call())
  structure(list(path = path, write = isTRUE(write), context = out$context), class = "rostrum_store")
}

#' @export
print.rostrum_store <- function(x, ...) {
  cat("<rostrum store ", x$path, if (x$write) " (writable)" else " (read-only)", ">\n", sep = "")
  invisible(x)
}

#' Import UN vote files into a store
#'
#' As `rostrum import`: every file is parsed and checked before the store is
#' touched (a bad file signals a `rostrum_input_error` naming file, line and
#' column, and changes nothing); re-importing a source replaces it.
#'
#' @param store A store opened with `rostrum_store(path, write = TRUE)`.
#' @param path Files or directories: the unvotes layout, a UN Digital Library
#'   CSV (undl or wide) or Voeten's CSV.
#' @param format Force a format: "unvotes", "undl", "wide" or "voeten".
#' @param name The source's name (default: the file or directory name).
#' @return A data.frame, one row per source: source, format, replaced,
#'   rollcalls, votes, yes, no, abstain, nonvoting.
#' @export
rostrum_import <- function(store, path, format = NULL, name = NULL) {
  .rostrum_store_check(store)
  out <- .rostrum_check(
    .Call(rostrum_c_import, store$context, path.expand(as.character(path)),
          if (is.null(format)) "" else as.character(format), if (is.null(name)) "" else as.character(name)),
    sys.call())
  .rostrum_frame(out)
}

#' The catalogue of analyses
#'
#' @return A list with one element per analysis: name, summary, description,
#'   params (name, type, help, default, ...), columns and surfaces.
#' @export
rostrum_catalogue <- function() {
  .rostrum_check(.Call(rostrum_c_catalogue), sys.call())$analyses
}

# The call every generated analysis function makes: the arguments the caller
# gave (only those: the defaults are the catalogue's, applied by the engine as
# for the CLI), under the catalogue's parameter names.
.rostrum_call <- function(store, analysis, env, call, names, dots = list()) {
  .rostrum_store_check(store)
  if (length(dots) > 0L) {
    bad <- names(dots)
    if (is.null(bad) || any(bad == "")) bad <- "..."
    .rostrum_signal(list(kind = "usage", parameter = bad[[1L]],
                         message = sprintf("parameter '%s': not a parameter of %s (its parameters: %s)",
                                           bad[[1L]], analysis, paste(names(names), collapse = ", "))),
                    call)
  }
  given <- intersect(names(as.list(call))[-1L], as.character(names(names)))
  values <- if (length(given)) mget(given, envir = env) else list()
  values <- lapply(values, function(v) {
    if (inherits(v, "Date") || inherits(v, "POSIXt")) format(v, "%Y-%m-%d")
    else if (is.factor(v)) as.character(v)
    else v
  })
  names(values) <- unname(names[given])
  .rostrum_frame(.rostrum_check(.Call(rostrum_c_run, store$context, analysis, values), call))
}

.rostrum_store_check <- function(store) {
  if (!inherits(store, "rostrum_store"))
    .rostrum_signal(list(kind = "usage", parameter = "store",
                         message = "expected a store from rostrum_store(path) as the first argument"),
                    sys.call(-1L))
}

.rostrum_frame <- function(out) {
  if (!is.null(out$document)) return(out$document)
  frame <- out$frame
  meta <- out$meta
  attr(frame, "meta") <- meta
  if (nrow(frame) == 0L && !is.null(meta$reason))
    warning(structure(class = c("rostrum_empty_warning", "warning", "condition"),
                      list(message = paste("no rows:", meta$reason), call = NULL)))
  frame
}

.rostrum_check <- function(out, call) {
  if (!is.null(out$error)) .rostrum_signal(out$error, call)
  out
}

# rostrum's errors as R conditions: rostrum_usage_error (with $parameter),
# rostrum_not_available_error (a rostrum_usage_error), rostrum_input_error
# (with $file, $line, $column), rostrum_store_error; all rostrum_error.
.rostrum_signal <- function(err, call) {
  classes <- switch(err$kind,
    usage = "rostrum_usage_error",
    not_available = c("rostrum_not_available_error", "rostrum_usage_error"),
    input = "rostrum_input_error",
    store = "rostrum_store_error",
    character(0))
  condition <- c(list(message = err$message, call = call), err[setdiff(names(err), c("message", "kind"))])
  stop(structure(class = c(classes, "rostrum_error", "error", "condition"), condition))
}

# Numbers as the engine reads them (std::from_chars, correctly rounded): the
# CLI's CSV text of a double gives back that very double. For comparing with the
# CLI in the tests; R's own parser may differ in the last bit on 17 digits.
.rostrum_parse_numbers <- function(text) .Call(rostrum_c_parse_numbers, as.character(text))
