// rostrum for R: the engine's analyses as data.frames. A thin shell like the
// CLI: the R functions (R/analyses.R, generated from the catalogue) pass their
// arguments here as a named list; the query layer validates and computes into
// column buffers (query/columns.hpp), which become R vectors directly -- one
// copy per column, no R object per cell. Errors never cross as C++ exceptions:
// each entry point returns list(error = list(kind, message, ...)) and the R side
// signals a classed condition (R/store.R).
#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "query/bindings.hpp"
#include "query/catalogue.hpp"
#include "query/catalogue_export.hpp"
#include "query/columns.hpp"
#include "report/brief.hpp"

#include <Rcpp.h>

using namespace rostrum;

namespace {

using ContextPtr = Rcpp::XPtr<std::shared_ptr<query::Context>>;

// --- errors ------------------------------------------------------------------

Rcpp::List error_list(const char* kind, const std::string& message) {
  return Rcpp::List::create(Rcpp::Named("error") =
                                Rcpp::List::create(Rcpp::Named("kind") = kind, Rcpp::Named("message") = message));
}

// Runs `body`, turning rostrum's errors into list(error = ...) for R/store.R.
template <class F>
SEXP guarded(F&& body) {
  try {
    return body();
  } catch (const InputError& e) {
    Rcpp::List err = Rcpp::List::create(
        Rcpp::Named("kind") = "input", Rcpp::Named("message") = std::string(e.what()), Rcpp::Named("file") = e.file(),
        Rcpp::Named("line") = static_cast<double>(e.line()), Rcpp::Named("column") = static_cast<double>(e.column()));
    return Rcpp::List::create(Rcpp::Named("error") = err);
  } catch (const NotAvailableError& e) {
    return error_list("not_available", e.what());
  } catch (const UsageError& e) {
    Rcpp::List err = Rcpp::List::create(Rcpp::Named("kind") = "usage", Rcpp::Named("message") = std::string(e.what()),
                                        Rcpp::Named("parameter") = e.parameter());
    return Rcpp::List::create(Rcpp::Named("error") = err);
  } catch (const StoreError& e) {
    return error_list("store", e.what());
  } catch (const Error& e) {
    return error_list("error", e.what());
  } catch (const std::exception& e) {
    return error_list("internal", e.what());
  }
}

// --- values in: R arguments as the text the CLI would be given ---------------

// Numbers travel exactly: an integral double as its digits, any other as its
// shortest round-trip form (R's as.character keeps only 15 digits).
std::string number_text(double v) {
  char buf[64];
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
    return std::string(buf, r.ptr);
  }
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string value_text(const std::string& name, SEXP value) {
  std::vector<std::string> parts;
  const R_xlen_t n = Rf_xlength(value);
  auto missing = [&] { throw ParameterError(name, "NA is not a value"); };
  switch (TYPEOF(value)) {
    case LGLSXP:
      for (R_xlen_t i = 0; i < n; ++i) {
        if (LOGICAL(value)[i] == NA_LOGICAL) missing();
        parts.push_back(LOGICAL(value)[i] ? "1" : "0");
      }
      break;
    case INTSXP:
      for (R_xlen_t i = 0; i < n; ++i) {
        if (INTEGER(value)[i] == NA_INTEGER) missing();
        parts.push_back(std::to_string(INTEGER(value)[i]));
      }
      break;
    case REALSXP:
      for (R_xlen_t i = 0; i < n; ++i) {
        if (ISNA(REAL(value)[i])) missing();
        parts.push_back(number_text(REAL(value)[i]));
      }
      break;
    case STRSXP:
      for (R_xlen_t i = 0; i < n; ++i) {
        if (STRING_ELT(value, i) == NA_STRING) missing();
        parts.push_back(Rf_translateCharUTF8(STRING_ELT(value, i)));
      }
      break;
    default:
      throw ParameterError(name, std::string("cannot pass a value of type ") + Rf_type2char(TYPEOF(value)) +
                                     "; give text, numbers, logicals or dates");
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + parts[i];
  return out;
}

query::Params params_of(SEXP list) {
  query::Params params;
  if (Rf_isNull(list)) return params;
  SEXP names = Rf_getAttrib(list, R_NamesSymbol);
  for (R_xlen_t i = 0; i < Rf_xlength(list); ++i) {
    const std::string name = Rf_translateCharUTF8(STRING_ELT(names, i));
    SEXP value = VECTOR_ELT(list, i);
    if (Rf_isNull(value)) continue;
    params[name] = value_text(name, value);
  }
  return params;
}

// --- values out: columns as R vectors, JSON as R lists -----------------------

SEXP json_to_r(const nlohmann::json& j);

SEXP json_to_r(const nlohmann::json& j) {
  using nlohmann::json;
  switch (j.type()) {
    case json::value_t::null:
      return R_NilValue;
    case json::value_t::boolean:
      return Rcpp::wrap(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return Rcpp::wrap(j.get<double>());
    case json::value_t::string:
      return Rcpp::wrap(j.get<std::string>());
    case json::value_t::array: {
      // An array of strings or of numbers becomes a vector; anything else a list.
      const bool strings = !j.empty() && std::all_of(j.begin(), j.end(), [](const json& x) { return x.is_string(); });
      const bool numbers = !j.empty() && std::all_of(j.begin(), j.end(), [](const json& x) { return x.is_number(); });
      if (strings) return Rcpp::wrap(j.get<std::vector<std::string>>());
      if (numbers) return Rcpp::wrap(j.get<std::vector<double>>());
      Rcpp::List out(j.size());
      for (std::size_t i = 0; i < j.size(); ++i) out[i] = json_to_r(j[i]);
      return out;
    }
    case json::value_t::object: {
      Rcpp::List out(j.size());
      Rcpp::CharacterVector names(j.size());
      std::size_t i = 0;
      for (auto it = j.begin(); it != j.end(); ++it, ++i) {
        out[i] = json_to_r(it.value());
        names[i] = it.key();
      }
      out.attr("names") = names;
      return out;
    }
    default:
      return R_NilValue;
  }
}

SEXP column_vector(query::Column& c, R_xlen_t n) {
  switch (c.kind) {
    case query::ColumnKind::integer: {
      bool fits = true;
      for (std::size_t i = 0; i < c.integers.size() && fits; ++i)
        if ((c.missing.empty() || !c.missing[i]) && (c.integers[i] <= INT_MIN || c.integers[i] > INT_MAX)) fits = false;
      if (fits) {
        Rcpp::IntegerVector v(n);
        for (R_xlen_t i = 0; i < n; ++i)
          v[i] = !c.missing.empty() && c.missing[i] ? NA_INTEGER : static_cast<int>(c.integers[i]);
        return v;
      }
      Rcpp::NumericVector v(n);
      for (R_xlen_t i = 0; i < n; ++i)
        v[i] = !c.missing.empty() && c.missing[i] ? NA_REAL : static_cast<double>(c.integers[i]);
      return v;
    }
    case query::ColumnKind::number: {
      // NaN and null are both "no value" (the CLI's CSV leaves both empty): NA.
      Rcpp::NumericVector v(n);
      for (R_xlen_t i = 0; i < n; ++i) v[i] = std::isnan(c.numbers[i]) ? NA_REAL : c.numbers[i];
      return v;
    }
    case query::ColumnKind::date: {
      Rcpp::NumericVector v(n);
      for (R_xlen_t i = 0; i < n; ++i)
        v[i] = !c.missing.empty() && c.missing[i] ? NA_REAL : static_cast<double>(c.integers[i]);
      v.attr("class") = "Date";
      return v;
    }
    case query::ColumnKind::text: {
      // Each distinct value is made once; rows point at it (R shares strings).
      Rcpp::CharacterVector levels(c.levels.size());
      for (std::size_t k = 0; k < c.levels.size(); ++k)
        levels[k] = Rf_mkCharLenCE(c.levels[k].data(), static_cast<int>(c.levels[k].size()), CE_UTF8);
      Rcpp::CharacterVector v(n);
      for (R_xlen_t i = 0; i < n; ++i)
        SET_STRING_ELT(v, i, c.codes[i] < 0 ? NA_STRING : STRING_ELT(levels, c.codes[i]));
      return v;
    }
  }
  return R_NilValue;
}

Rcpp::List data_frame(query::Columns&& cols) {
  const auto n = static_cast<R_xlen_t>(cols.rows);
  Rcpp::List out(cols.columns.size());
  Rcpp::CharacterVector names(cols.columns.size());
  for (std::size_t k = 0; k < cols.columns.size(); ++k) {
    out[k] = column_vector(cols.columns[k], n);
    names[k] = cols.columns[k].name;
    cols.columns[k] = {};  // freed as soon as R holds it
  }
  out.attr("names") = names;
  out.attr("row.names") = Rcpp::IntegerVector::create(NA_INTEGER, -static_cast<int>(n));
  out.attr("class") = "data.frame";
  return out;
}

Rcpp::List answer(query::Columns&& cols) {
  Rcpp::List meta = json_to_r(cols.meta);
  if (cols.columns.empty())  // an analysis answering with a document (brief)
    return Rcpp::List::create(Rcpp::Named("document") = meta);
  Rcpp::List frame = data_frame(std::move(cols));
  return Rcpp::List::create(Rcpp::Named("frame") = frame, Rcpp::Named("meta") = meta);
}

std::shared_ptr<query::Context>& context_of(SEXP ptr) {
  ContextPtr p(ptr);
  if (!p.get()) throw StoreError("the store was closed (a store object does not survive saving the R session)");
  return *p;
}

}  // namespace

extern "C" {

SEXP rostrum_c_catalogue() {
  return guarded([] { return json_to_r(query::catalogue_json()); });
}

SEXP rostrum_c_open(SEXP path, SEXP write, SEXP groups) {
  return guarded([&]() -> SEXP {
    auto ctx = query::open_store(Rcpp::as<std::string>(path), Rcpp::as<bool>(write), Rcpp::as<std::string>(groups));
    ContextPtr ptr(new std::shared_ptr<query::Context>(std::move(ctx)), true);
    return Rcpp::List::create(Rcpp::Named("context") = ptr);
  });
}

SEXP rostrum_c_run(SEXP ptr, SEXP name, SEXP params) {
  return guarded([&]() -> SEXP {
    auto& ctx = context_of(ptr);
    return answer(query::run_for_bindings(*ctx, Rcpp::as<std::string>(name), params_of(params)));
  });
}

SEXP rostrum_c_import(SEXP ptr, SEXP paths, SEXP format, SEXP name) {
  return guarded([&]() -> SEXP {
    auto& ctx = context_of(ptr);
    return answer(query::to_columns(query::import_paths(*ctx, Rcpp::as<std::vector<std::string>>(paths),
                                                        Rcpp::as<std::string>(format), Rcpp::as<std::string>(name))));
  });
}

SEXP rostrum_c_parse_numbers(SEXP text) {
  return guarded([&]() -> SEXP {
    Rcpp::CharacterVector in(text);
    Rcpp::NumericVector out(in.size());
    for (R_xlen_t i = 0; i < in.size(); ++i) {
      const char* s = CHAR(STRING_ELT(in, i));
      const char* end = s + std::strlen(s);
      double v = NA_REAL;
      if (STRING_ELT(in, i) != NA_STRING && *s && std::from_chars(s, end, v).ptr != end) v = NA_REAL;
      out[i] = v;
    }
    return out;
  });
}

static const R_CallMethodDef kCallMethods[] = {
    {"rostrum_c_catalogue", reinterpret_cast<DL_FUNC>(&rostrum_c_catalogue), 0},
    {"rostrum_c_open", reinterpret_cast<DL_FUNC>(&rostrum_c_open), 3},
    {"rostrum_c_run", reinterpret_cast<DL_FUNC>(&rostrum_c_run), 3},
    {"rostrum_c_import", reinterpret_cast<DL_FUNC>(&rostrum_c_import), 4},
    {"rostrum_c_parse_numbers", reinterpret_cast<DL_FUNC>(&rostrum_c_parse_numbers), 1},
    {nullptr, nullptr, 0}};

void R_init_rostrum(DllInfo* dll) {
  try {
    query::add_analysis(report::brief_analysis());
  } catch (const std::exception&) {
    // Registered already (the library loaded twice): the brief is there.
  }
  R_registerRoutines(dll, nullptr, kCallMethods, nullptr, nullptr);
  R_useDynamicSymbols(dll, FALSE);
}

}  // extern "C"
