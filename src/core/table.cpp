#include "core/table.hpp"
#include "core/table_stream.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"

namespace rostrum {

int Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

Format parse_format(std::string_view name) {
  if (name == "table" || name == "text") return Format::table;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  throw UsageError("parameter 'format': expected table, csv or json, got '" + std::string(name) + "'");
}

namespace {
void append_double(std::string& out, double v, int fixed_decimals = -1) {
  if (!std::isfinite(v)) {
    out += std::isnan(v) ? "NaN" : (v > 0 ? "Inf" : "-Inf");
    return;
  }
  char buf[64];
  std::to_chars_result r = fixed_decimals >= 0
                               ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, fixed_decimals)
                               : std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_cell(std::string& out, const Cell& c, int fixed_decimals) {
  if (std::holds_alternative<std::int64_t>(c)) {
    out += std::to_string(std::get<std::int64_t>(c));
  } else if (std::holds_alternative<double>(c)) {
    append_double(out, std::get<double>(c), fixed_decimals);
  } else if (std::holds_alternative<std::string>(c)) {
    out += std::get<std::string>(c);
  }
}

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}
}  // namespace

namespace {

void append_csv_header(std::string& out, const std::vector<std::string>& columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, columns[i]);
  }
  out += '\n';
}

void append_csv_row(std::string& out, std::span<const Cell> row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    if (std::holds_alternative<std::string>(row[i])) {
      append_csv_field(out, std::get<std::string>(row[i]));
    } else if (std::holds_alternative<double>(row[i]) && std::isnan(std::get<double>(row[i]))) {
      // NaN (no joint votes) is written as an empty field, like null.
    } else {
      append_cell(out, row[i], -1);
    }
  }
  out += '\n';
}

nlohmann::json json_row(const std::vector<std::string>& columns, std::span<const Cell> row) {
  nlohmann::json r = nlohmann::json::object();
  for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i) {
    const Cell& c = row[i];
    if (std::holds_alternative<std::int64_t>(c))
      r[columns[i]] = std::get<std::int64_t>(c);
    else if (std::holds_alternative<double>(c)) {
      double v = std::get<double>(c);
      if (std::isfinite(v))
        r[columns[i]] = v;
      else
        r[columns[i]] = nullptr;
    } else if (std::holds_alternative<std::string>(c))
      r[columns[i]] = std::get<std::string>(c);
    else
      r[columns[i]] = nullptr;
  }
  return r;
}

}  // namespace

void write_csv(const Table& t, std::string& out) {
  append_csv_header(out, t.columns);
  for (const auto& row : t.rows) append_csv_row(out, row);
}

nlohmann::json to_json(const Table& t) {
  nlohmann::json j = t.meta.is_object() ? t.meta : nlohmann::json::object();
  j["columns"] = t.columns;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) rows.push_back(json_row(t.columns, row));
  j["rows"] = std::move(rows);
  return j;
}

void write_text(const Table& t, std::string& out) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width(t.columns.size(), 0);
  std::vector<bool> numeric(t.columns.size(), true);
  for (std::size_t i = 0; i < t.columns.size(); ++i) width[i] = t.columns[i].size();
  for (const auto& row : t.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
      std::string s;
      // NaN (a measure with no joint votes) reads "-" to a person; CSV and JSON leave it empty or null.
      if (std::holds_alternative<double>(row[i]) && std::isnan(std::get<double>(row[i])))
        s = "-";
      else
        append_cell(s, row[i], 4);
      if (std::holds_alternative<std::string>(row[i])) numeric[i] = false;
      width[i] = std::max(width[i], s.size());
      line.push_back(std::move(s));
    }
    cells.push_back(std::move(line));
  }
  auto pad = [&](const std::string& s, std::size_t i, bool right) {
    std::string p(width[i] > s.size() ? width[i] - s.size() : 0, ' ');
    out += right ? p + s : s + p;
  };
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += "  ";
    pad(t.columns[i], i, numeric[i]);
  }
  out += '\n';
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i) out += "  ";
      pad(line[i], i, numeric[i]);
    }
    out += '\n';
  }
}

TextStreamSink::TextStreamSink(Format format, Writer write) : format_(format), write_(std::move(write)) {
  if (format_ == Format::table) throw std::logic_error("TextStreamSink: aligned text needs every row first");
}

void TextStreamSink::set_columns(std::vector<std::string> names) {
  columns_ = std::move(names);
  if (format_ == Format::csv) {
    append_csv_header(buffer_, columns_);
  } else {
    buffer_ += "{\n  \"columns\": ";
    buffer_ += nlohmann::json(columns_).dump();
    buffer_ += ",\n  \"rows\": [";
  }
}

void TextStreamSink::add_row(std::span<Cell> row) {
  if (format_ == Format::csv) {
    append_csv_row(buffer_, row);
  } else {
    buffer_ += rows_ ? ",\n    " : "\n    ";
    buffer_ += json_row(columns_, row).dump();
  }
  ++rows_;
  if (buffer_.size() >= kBlock) flush();
}

void TextStreamSink::flush() {
  if (buffer_.empty()) return;
  write_(buffer_);
  buffer_.clear();
}

void TextStreamSink::finish() {
  if (format_ == Format::json) {
    if (columns_.empty() && !rows_) buffer_ += "{\n  \"columns\": [],\n  \"rows\": [";
    buffer_ += rows_ ? "\n  ]" : "]";
    if (meta.is_object())
      for (const auto& [key, value] : meta.items()) {
        if (key == "columns" || key == "rows") continue;
        buffer_ += ",\n  " + nlohmann::json(key).dump() + ": " + value.dump();
      }
    buffer_ += "\n}\n";
  }
  flush();
}

std::string render(const Table& t, Format f) {
  std::string out;
  switch (f) {
    case Format::csv:
      write_csv(t, out);
      break;
    case Format::json:
      out = to_json(t).dump(2) + "\n";
      break;
    case Format::table:
      write_text(t, out);
      break;
  }
  return out;
}

}  // namespace rostrum
