// A strict RFC 4180 CSV reader over an in-memory buffer.
//
// Handles quoted fields with embedded separators, quotes ("") and newlines, CRLF
// and LF line ends, and a leading UTF-8 byte-order mark. Every record knows the
// physical line where it starts and the column (1-based byte offset in that line)
// of each field, so that errors can point at the exact place.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace rostrum::io {

struct CsvRecord {
  std::uint64_t line = 0;                // physical line of the record's first byte (1-based)
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::vector<std::uint64_t> lines;      // physical line of each field's start
  std::vector<std::uint64_t> columns;    // 1-based byte column of each field's start
  std::size_t size() const { return fields.size(); }
};

class CsvReader {
 public:
  // `name` is used in error messages. The reader keeps a view of `data`.
  CsvReader(std::string name, std::string_view data, char separator = ',');
  // Reads the next record; false at end of input. Blank lines are skipped. Throws
  // InputError on an unterminated quote or a stray quote inside an unquoted field.
  bool next(CsvRecord& rec);
  const std::string& name() const { return name_; }
  // Progress in bytes, for progress bars.
  std::size_t offset() const { return pos_; }
  std::size_t size() const { return data_.size(); }

 private:
  std::string name_;
  std::string_view data_;
  char sep_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
  std::size_t line_start_ = 0;
  // Storage for quoted fields holding "" escapes; a deque so that views into
  // earlier strings stay valid as later ones are added.
  std::deque<std::string> unescaped_;
};

// Case-insensitive column lookup in a header record; -1 when absent. Leading and
// trailing spaces in the header are ignored.
int find_column(const CsvRecord& header, std::string_view name);

}  // namespace rostrum::io
