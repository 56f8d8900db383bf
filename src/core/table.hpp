// Result tables: every analysis returns one; the shells render it as an aligned
// text table, CSV or JSON without knowing what it holds.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace rostrum {

using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;  // monostate = null

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  nlohmann::json meta = nlohmann::json::object();  // extra fields for JSON output (e.g. run id, warnings)

  void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
  int column(std::string_view name) const;  // -1 when absent
};

enum class Format { table, csv, json };
Format parse_format(std::string_view name);  // throws UsageError

// CSV per RFC 4180 (quotes only where needed); doubles with up to 17 significant
// digits (shortest round-trip); null as an empty field.
void write_csv(const Table& t, std::string& out);
// {"columns": [...], "rows": [{col: value, ...}, ...], ...meta}
nlohmann::json to_json(const Table& t);
// Aligned columns for a terminal; doubles with 4 decimals.
void write_text(const Table& t, std::string& out);
std::string render(const Table& t, Format f);

}  // namespace rostrum
