#include "query/columns.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/date.hpp"
#include "core/error.hpp"

namespace rostrum::query {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Buffers are reserved up to this many rows from a hint; beyond it they grow.
constexpr std::size_t kMaxReserve = std::size_t{1} << 24;

// As write_csv prints a number, so that a number in a text column reads the same.
std::string number_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string integer_text(std::int64_t v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Days since 1970-01-01 of an exact "YYYY-MM-DD" (the form the CLI prints), else nullopt.
std::optional<std::int64_t> iso_days(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto d = parse_date(s);
  if (!d || format_date(*d) != s) return std::nullopt;
  using namespace std::chrono;
  const sys_days days{year{date_year(*d)} / month{static_cast<unsigned>(date_month(*d))} /
                      day{static_cast<unsigned>(date_day(*d))}};
  return days.time_since_epoch().count();
}

}  // namespace

bool is_date_column(const ColumnSpec& c) {
  return c.type == ColumnType::text &&
         (c.name == "date" || ends_with(c.name, "_date") || c.help.find("YYYY-MM-DD") != std::string::npos);
}

std::size_t Column::size() const {
  switch (kind) {
    case ColumnKind::integer:
    case ColumnKind::date:
      return integers.size();
    case ColumnKind::number:
      return numbers.size();
    case ColumnKind::text:
      return codes.size();
  }
  return 0;
}

bool Column::has_missing() const { return std::find(missing.begin(), missing.end(), 1) != missing.end(); }

struct ColumnsBuilder::Building {
  Column col;
  bool typed = false;                                   // kind known: declared by the spec, or seen in a cell
  bool date_candidate = false;                          // the spec says it holds dates
  std::size_t pending_nulls = 0;                        // nulls before the kind was known
  std::unordered_map<std::string, std::int32_t> index;  // text: level -> code
  std::int32_t last_code = -1;                          // text: the previous cell's code (runs are common)
};

ColumnsBuilder::ColumnsBuilder(const AnalysisSpec* spec) : spec_(spec) {}
ColumnsBuilder::~ColumnsBuilder() = default;

void ColumnsBuilder::set_columns(std::vector<std::string> names) {
  building_.clear();
  building_.resize(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    Building& b = building_[i];
    b.col.name = std::move(names[i]);
    if (!spec_) continue;
    for (const auto& c : spec_->columns) {
      if (c.name != b.col.name) continue;
      b.typed = true;
      b.col.kind = c.type == ColumnType::integer  ? ColumnKind::integer
                   : c.type == ColumnType::number ? ColumnKind::number
                                                  : ColumnKind::text;
      b.date_candidate = is_date_column(c);
      break;
    }
  }
}

void ColumnsBuilder::expect_rows(std::size_t at_most) {
  reserve_ = std::min(at_most, kMaxReserve);
  for (auto& b : building_) {
    if (!b.typed) continue;
    switch (b.col.kind) {
      case ColumnKind::integer:
        b.col.integers.reserve(reserve_);
        break;
      case ColumnKind::number:
        b.col.numbers.reserve(reserve_);
        break;
      default:
        b.col.codes.reserve(reserve_);
        break;
    }
  }
}

namespace {

// Called before the value is appended. The mask exists only once a null has been
// seen (so it is never empty once it exists), then has a flag per value.
void push_missing_flag(Column& c, bool missing) {
  if (missing) {
    c.missing.resize(c.integers.size(), 0);
    c.missing.push_back(1);
  } else if (!c.missing.empty()) {
    c.missing.push_back(0);
  }
}

std::int32_t text_code(std::unordered_map<std::string, std::int32_t>& index, std::vector<std::string>& levels,
                       std::int32_t& last, std::string&& s) {
  if (last >= 0 && levels[static_cast<std::size_t>(last)] == s) return last;
  auto it = index.find(s);
  if (it == index.end()) {
    const auto code = static_cast<std::int32_t>(levels.size());
    levels.push_back(s);
    it = index.emplace(std::move(s), code).first;
  }
  last = it->second;
  return last;
}

}  // namespace

void ColumnsBuilder::add_row(std::span<Cell> row) {
  if (row.size() != building_.size())
    throw std::logic_error("result row of " + std::to_string(row.size()) + " cells for " +
                           std::to_string(building_.size()) + " columns");
  for (std::size_t i = 0; i < row.size(); ++i) add_cell(building_[i], row[i]);
  ++rows_;
}

void ColumnsBuilder::add_cell(Building& b, Cell& cell) {
  Column& c = b.col;
  auto push_text = [&](std::string&& s) { c.codes.push_back(text_code(b.index, c.levels, b.last_code, std::move(s))); };
  // A column whose values were numbers, rewritten as text (a later cell was text).
  auto demote_to_text = [&] {
    std::vector<std::int32_t> codes;
    codes.reserve(std::max(reserve_, c.size()));
    std::swap(c.codes, codes);
    if (c.kind == ColumnKind::integer)
      for (std::size_t k = 0; k < c.integers.size(); ++k)
        c.codes.push_back(!c.missing.empty() && c.missing[k]
                              ? -1
                              : text_code(b.index, c.levels, b.last_code, integer_text(c.integers[k])));
    else
      for (double v : c.numbers)
        c.codes.push_back(std::isnan(v) ? -1 : text_code(b.index, c.levels, b.last_code, number_text(v)));
    c.integers = {};
    c.missing = {};
    c.numbers = {};
    c.kind = ColumnKind::text;
  };
  auto settle = [&](ColumnKind kind) {
    if (b.typed) return;
    b.typed = true;
    c.kind = kind;
    for (; b.pending_nulls > 0; --b.pending_nulls) {
      if (kind == ColumnKind::integer) {
        push_missing_flag(c, true);
        c.integers.push_back(0);
      } else if (kind == ColumnKind::number) {
        c.numbers.push_back(kNaN);
      } else {
        c.codes.push_back(-1);
      }
    }
  };

  if (std::holds_alternative<std::monostate>(cell)) {
    if (!b.typed) {
      ++b.pending_nulls;
      return;
    }
    switch (c.kind) {
      case ColumnKind::integer:
        push_missing_flag(c, true);
        c.integers.push_back(0);
        break;
      case ColumnKind::number:
        c.numbers.push_back(kNaN);
        break;
      default:
        c.codes.push_back(-1);
        break;
    }
  } else if (auto* i = std::get_if<std::int64_t>(&cell)) {
    settle(ColumnKind::integer);
    switch (c.kind) {
      case ColumnKind::integer:
        push_missing_flag(c, false);
        c.integers.push_back(*i);
        break;
      case ColumnKind::number:
        c.numbers.push_back(static_cast<double>(*i));
        break;
      default:
        push_text(integer_text(*i));
        break;
    }
  } else if (auto* d = std::get_if<double>(&cell)) {
    settle(ColumnKind::number);
    if (c.kind == ColumnKind::integer) {
      // A fraction in an integer column: the column becomes numbers.
      c.numbers.reserve(std::max(reserve_, c.integers.size() + 1));
      for (std::size_t k = 0; k < c.integers.size(); ++k)
        c.numbers.push_back(!c.missing.empty() && c.missing[k] ? kNaN : static_cast<double>(c.integers[k]));
      c.integers = {};
      c.missing = {};
      c.kind = ColumnKind::number;
    }
    if (c.kind == ColumnKind::number)
      c.numbers.push_back(*d);
    else if (std::isnan(*d))
      c.codes.push_back(-1);  // the CSV writes NaN as an empty field
    else
      push_text(number_text(*d));
  } else {
    settle(ColumnKind::text);
    if (c.kind != ColumnKind::text) demote_to_text();
    push_text(std::move(std::get<std::string>(cell)));
  }
}

Columns ColumnsBuilder::finish() {
  Columns out;
  out.rows = rows_;
  out.meta = std::move(meta);
  meta = nlohmann::json::object();
  for (auto& b : building_) {
    if (!b.typed) {
      // Null throughout and not declared: a text column of nulls.
      b.col.kind = ColumnKind::text;
      b.col.codes.assign(b.pending_nulls, -1);
    }
    Column& c = b.col;
    b.index = {};
    if (c.kind == ColumnKind::text) {
      // Levels in byte order (pandas and R show categories sorted); codes remapped.
      std::vector<std::int32_t> order(c.levels.size());
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](std::int32_t x, std::int32_t y) { return c.levels[x] < c.levels[y]; });
      std::vector<std::int32_t> rank(c.levels.size());
      std::vector<std::string> sorted(c.levels.size());
      for (std::size_t k = 0; k < order.size(); ++k) {
        rank[order[k]] = static_cast<std::int32_t>(k);
        sorted[k] = std::move(c.levels[order[k]]);
      }
      c.levels = std::move(sorted);
      for (auto& code : c.codes)
        if (code >= 0) code = rank[code];
      if (b.date_candidate) {
        std::vector<std::int64_t> level_days;
        bool all_dates = true;
        for (const auto& level : c.levels) {
          auto days = iso_days(level);
          if (!days) {
            all_dates = false;
            break;
          }
          level_days.push_back(*days);
        }
        if (all_dates) {
          c.kind = ColumnKind::date;
          c.integers.reserve(c.codes.size());
          for (auto code : c.codes) {
            push_missing_flag(c, code < 0);
            c.integers.push_back(code >= 0 ? level_days[code] : 0);
          }
          c.codes = {};
          c.levels = {};
        }
      }
    }
    out.columns.push_back(std::move(c));
  }
  building_.clear();
  rows_ = 0;
  return out;
}

Columns to_columns(Table&& table, const AnalysisSpec* spec) {
  ColumnsBuilder builder(spec);
  builder.set_columns(std::move(table.columns));
  builder.expect_rows(table.rows.size());
  for (auto& row : table.rows) {
    builder.add_row(row);
    std::vector<Cell>().swap(row);
  }
  table.rows = {};
  builder.meta = std::move(table.meta);
  return builder.finish();
}

Columns run_columns(Context& ctx, std::string_view name, const Params& params) {
  const AnalysisSpec* spec = find_analysis(name);
  if (!spec) throw UsageError("unknown analysis '" + std::string(name) + "'");
  Request request = validate(*spec, params);
  Columns out;
  if (spec->stream) {
    ColumnsBuilder builder(spec);
    spec->stream(ctx, request, builder);
    out = builder.finish();
  } else {
    out = to_columns(spec->run(ctx, request), spec);
  }
  add_seat_notes(request, out.meta);  // as query::run does
  return out;
}

}  // namespace rostrum::query
