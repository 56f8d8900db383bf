// The catalogue of analyses: each analysis is described once, here in data, and
// every shell is generated from that description.
//
// An analysis is one file under src/query/catalogue/<kind>/<name>.cpp that
// returns an AnalysisSpec from ROSTRUM_ANALYSIS(name): its name, a one-line
// summary, typed parameters (type, default, range or choices, help, example),
// its result columns and the function computing it. From the catalogue come the
// CLI subcommands and flags (src/cli), the API routes, the /api index and the
// OpenAPI document (src/server), parameter validation (here: validate()), the
// dashboard's TypeScript types (web/src/api-types.ts) and the reference pages.
// docs/architecture.md ("Adding an analysis") walks through the smallest example.
//
// The build lists every file of src/query/catalogue/ in a generated source that
// calls its ROSTRUM_ANALYSIS function, so adding the file is the whole change.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/table.hpp"
#include "query/query.hpp"

namespace rostrum::query {

// What a parameter holds. Every type travels as text on the command line and in
// URLs; validate() turns it into a typed value once, here.
enum class ParamType {
  text,       // free text
  choice,     // one of `choices`
  integer,    // a whole number within [min, max]
  number,     // a real number within [min, max] (1e-7 and 0.95 alike)
  boolean,    // a flag: 1/0, true/false, yes/no, on/off; a bare flag is true
  date,       // YYYY or YYYY-MM-DD (a period bound)
  countries,  // countries, groups, X+Y+Z ad-hoc groups or all; resolved by the analysis
  sessions,   // session list: 74, 70-74, ES-11, ES-10-ES-11, S-26, comma lists
  years,      // year list: 2019, 1990-1999, 1989-1993,2005-2012
};
std::string_view param_type_name(ParamType t);  // "text", "integer", ...

using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;
nlohmann::json value_json(const Value& v);  // null for monostate

struct ParamSpec {
  std::string name;  // "min-n": the CLI flag --min-n and the API parameter min-n
  ParamType type = ParamType::text;
  std::string help;  // one sentence
  Value fallback;    // default when absent (monostate: none; the analysis sees "absent")
  double min = -std::numeric_limits<double>::infinity();  // integer / number range, inclusive
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;  // choice
  std::string example;               // a value that works, for docs and OpenAPI
  bool required = false;
  bool positional = false;  // CLI: given without a flag (rostrum rollcall A/RES/ES-11/1)
  bool cli_only = false;    // not offered over HTTP (e.g. a local file path)
};

enum class ColumnType { text, integer, number };

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::text;
  std::string help;
  bool nullable = false;  // may hold null (no data)
};

// Where an analysis is offered.
enum Surface : unsigned { kCli = 1, kApi = 2, kBindings = 4, kEverywhere = kCli | kApi | kBindings };

class Request;

struct AnalysisSpec {
  std::string name;                   // "agree"; "sanctions/lag" nests: rostrum sanctions lag, /api/sanctions/lag
  std::string summary;                // one line
  std::string description;            // paragraphs for --help and the OpenAPI description
  std::vector<std::string> examples;  // command lines ("rostrum agree --a USA --b all --year 2019")
  std::vector<ParamSpec> params;
  std::vector<ColumnSpec> columns;
  std::function<Table(Context&, const Request&)> run;
  // Optional, for answers that can be large (agree over all pairs and sessions):
  // the computation writing its rows as it produces them. `run` is then
  // collect_rows(stream). The bindings build typed column buffers from the rows
  // without holding a Table of cells (query/columns.hpp).
  std::function<void(Context&, const Request&, RowSink&)> stream;
  unsigned surfaces = kEverywhere;
  std::string api_path;  // default "/api/" + name
  std::string kind;      // the folder of src/query/catalogue/ it is in (set by the build): groups --help
  // --format json on the CLI prints this document instead of {columns, rows}
  // (analyses whose answer is nested: blocs, shifts, info).
  std::function<nlohmann::json(const Table&)> json_document;
  // --format table on the CLI prints this instead of the aligned rows.
  std::function<std::string(const Table&)> text_document;
  // Work units of a request (pairs x periods x replicates ...) for the server's
  // budget; empty = cheap. Computed before any work starts.
  std::function<double(Context&, const Request&)> work;

  const ParamSpec* param(std::string_view name) const;
  std::string path() const { return api_path.empty() ? "/api/" + name : api_path; }
  std::vector<std::string> words() const;  // "sanctions/lag" -> {"sanctions", "lag"}
};

// A validated request: every parameter parsed once into its type, defaults
// applied from the spec. Accessors throw std::logic_error when the analysis asks
// for a parameter its spec does not declare (a programming error, caught by tests).
class Request {
 public:
  const AnalysisSpec& spec() const { return *spec_; }
  bool has(std::string_view name) const;                 // given by the caller (not a default)
  const std::string& text(std::string_view name) const;  // text-like types; "" when absent without default
  std::int64_t integer(std::string_view name) const;
  int integer32(std::string_view name) const;  // integer() known to fit the spec's int range
  double number(std::string_view name) const;
  bool flag(std::string_view name) const;
  // The request as given (validated text), for code that still reads Params, and
  // as typed JSON (defaults included) for run records.
  const Params& params() const { return given_; }
  nlohmann::json to_json() const;

 private:
  friend Request validate(const AnalysisSpec& spec, const Params& params);
  const Value& value(std::string_view name) const;
  const AnalysisSpec* spec_ = nullptr;
  Params given_;
  std::vector<std::pair<std::string, Value>> values_;  // every declared parameter, in spec order
};

// Checks every parameter against the spec: unknown names, types, ranges, choices,
// required ones. Throws ParameterError naming the parameter.
Request validate(const AnalysisSpec& spec, const Params& params);

// All analyses, in registration order (the order of --help and /api).
const std::vector<AnalysisSpec>& catalogue();
// By name ("agree", "sanctions/lag"); null when unknown.
const AnalysisSpec* find_analysis(std::string_view name);
// By API path ("/api/agree"); null when none.
const AnalysisSpec* find_analysis_by_path(std::string_view path);
// Adds an analysis defined outside the query stage (the brief, in src/report).
// Call before the shells are built; a duplicate name throws std::logic_error.
void add_analysis(AnalysisSpec spec);

// A `run` from a `stream`: the rows collected into a Table (with the sink's meta).
std::function<Table(Context&, const Request&)> collect_rows(
    std::function<void(Context&, const Request&, RowSink&)> stream);

// Reusable parameter sets.
struct SelectorOptions {
  std::string by = "all";  // default of `by`; "" = no `by` parameter
  bool body = true;        // offer body (ga/sc)
  bool issue = true;       // offer issue, important, no-amendments, no-paragraphs
};
// The roll-call selectors shared by the vote analyses: source, body, session,
// year, from, to, issue, important, no-amendments, no-paragraphs, by.
std::vector<ParamSpec> selector_params(const SelectorOptions& options = {});
// measure, rule, keep-unanimous.
std::vector<ParamSpec> measure_params(std::vector<std::string> measures = {});
// seed (one definition of its range and default).
ParamSpec seed_param(std::string help = "Random seed (the same seed gives the same numbers on any number of threads)");
// null: replicates of the random-voting null of a cohesion index (default 200).
ParamSpec null_replicates_param();

// Concatenates parameter lists.
std::vector<ParamSpec> params_of(std::initializer_list<std::vector<ParamSpec>> lists);

}  // namespace rostrum::query

// Defines the catalogue entry of the file it is in. NAME must be the file's stem.
#define ROSTRUM_ANALYSIS(NAME) ::rostrum::query::AnalysisSpec rostrum_catalogue_entry_##NAME()
