// Results as typed columns: the shape data frames are made of (pandas, R). The
// language bindings (python/, r/) call run_columns() instead of run(): the same
// validation, the same analysis, the same numbers, but the answer arrives as one
// buffer per column -- integers, doubles, dictionary-encoded text, dates -- that
// a binding hands to numpy or R without creating an object per cell.
//
// An analysis with a `stream` (AnalysisSpec) writes its rows straight into a
// ColumnsBuilder, so a large answer (agree over all pairs and sessions: 826,000
// rows) never exists as a Table of variant cells (about 280 bytes a row; the
// columns take 32). Other analyses' Tables are converted row by row, each row
// freed as it is read.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/table.hpp"
#include "query/catalogue.hpp"
#include "query/query.hpp"

namespace rostrum::query {

enum class ColumnKind { integer, number, text, date };

struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::text;
  std::vector<std::int64_t> integers;  // integer: the values; date: days since 1970-01-01
  std::vector<std::uint8_t> missing;   // integer, date: 1 where null; empty when none is null
  std::vector<double> numbers;         // number: NaN where null (as the CLI's CSV writes both empty)
  std::vector<std::int32_t> codes;     // text: index into `levels`, -1 where null
  std::vector<std::string> levels;     // text: the distinct values, in byte order
  std::size_t size() const;
  bool has_missing() const;  // integer, date
};

struct Columns {
  std::vector<Column> columns;
  std::size_t rows = 0;
  nlohmann::json meta = nlohmann::json::object();  // the Table's meta: notice, reason, nested documents
};

// A text column of dates: named date or *_date, or its help says YYYY-MM-DD.
// The bindings give it as dates (datetime64, R Date) when every value is a valid
// YYYY-MM-DD date; the catalogue's JSON marks it ("date": true).
bool is_date_column(const ColumnSpec& c);

// Builds typed columns from rows as they arrive. A column's kind comes from the
// analysis's spec (ColumnSpec::type) when it declares the column, else from its
// first non-null cell. A cell that does not fit changes the column, never the
// value: a double in an integer column makes it a number column; text in a
// number column makes it a text column, numbers written as the CSV writes them
// (shortest round-trip). A text column is a date column when is_date_column()
// and every value is a valid YYYY-MM-DD date. O(cells) plus one hash lookup per
// text cell that differs from the cell above it.
class ColumnsBuilder : public RowSink {
 public:
  explicit ColumnsBuilder(const AnalysisSpec* spec = nullptr);
  ~ColumnsBuilder() override;
  void set_columns(std::vector<std::string> names) override;
  void expect_rows(std::size_t at_most) override;
  void add_row(std::span<Cell> row) override;
  std::size_t row_count() const override { return rows_; }
  // The columns, levels sorted; the builder is left empty.
  Columns finish();

 private:
  struct Building;
  void add_cell(Building& b, Cell& cell);
  const AnalysisSpec* spec_;
  std::vector<Building> building_;
  std::size_t rows_ = 0;
  std::size_t reserve_ = 0;
};

// A Table's rows as typed columns (each row freed once read).
Columns to_columns(Table&& table, const AnalysisSpec* spec = nullptr);

// Validates `params` against the analysis `name` and computes it into columns;
// the same errors as run() (ParameterError, UsageError for an unknown analysis).
Columns run_columns(Context& ctx, std::string_view name, const Params& params);

}  // namespace rostrum::query
