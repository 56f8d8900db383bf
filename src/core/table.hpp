// Result tables: every analysis returns one; the shells render it as an aligned
// text table, CSV or JSON without knowing what it holds.
#pragma once

#include <cstdint>
#include <span>
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

// Where an analysis that streams its answer writes it, row by row (an analysis
// whose answer can be large: agree over all pairs and sessions is 826,000 rows).
// A TableSink collects the rows into a Table; the language bindings turn each row
// into typed column buffers as it arrives (query/columns.hpp), never holding
// rows of variant cells.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Called once, before the first row.
  virtual void set_columns(std::vector<std::string> names) = 0;
  // A hint: at most this many rows will follow (for reserving buffers).
  virtual void expect_rows(std::size_t /*at_most*/) {}
  // One row, a cell per column; the sink may move from the cells.
  virtual void add_row(std::span<Cell> row) = 0;
  virtual std::size_t row_count() const = 0;
  nlohmann::json meta = nlohmann::json::object();  // becomes Table::meta
};

class TableSink : public RowSink {
 public:
  explicit TableSink(Table& table) : table_(table) {}
  void set_columns(std::vector<std::string> names) override { table_.columns = std::move(names); }
  void expect_rows(std::size_t at_most) override { table_.rows.reserve(at_most); }
  void add_row(std::span<Cell> row) override {
    table_.rows.emplace_back(std::make_move_iterator(row.begin()), std::make_move_iterator(row.end()));
  }
  std::size_t row_count() const override { return table_.rows.size(); }

 private:
  Table& table_;
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
