// Fuzzes the RFC 4180 reader: it must either read every record or throw an
// InputError, and every record's positions must be consistent with the input.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_common.hpp"
#include "io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the separator, the rest is the file.
  const char sep = (data[0] & 1) ? ';' : ',';
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  rostrum::io::CsvReader reader("fuzz.csv", text, sep);
  rostrum::io::CsvRecord rec;
  std::uint64_t last_line = 0, newlines = 0;
  for (char c : text) newlines += c == '\n';
  try {
    while (reader.next(rec)) {
      if (rec.fields.empty() || rec.fields.size() != rec.lines.size() || rec.fields.size() != rec.columns.size())
        std::abort();
      // Lines only go forward. (A lone CR ends a record without starting a new
      // line, so two records can share a line: "a\rb" is two records on line 1.)
      if (rec.line < last_line || rec.line > newlines + 1) std::abort();
      std::uint64_t prev = rec.line;
      for (std::size_t i = 0; i < rec.size(); ++i) {
        if (rec.lines[i] < prev || rec.columns[i] == 0) std::abort();
        prev = rec.lines[i];
        // Field views point into the input or into the reader's own storage and
        // must be readable.
        volatile char sink = 0;
        for (char c : rec.fields[i]) sink = sink ^ c;
        (void)sink;
      }
      last_line = prev;
      (void)rostrum::io::find_column(rec, "rcid");
      if (reader.offset() > reader.size()) std::abort();
    }
    if (reader.offset() != reader.size()) std::abort();
  } catch (const rostrum::InputError& e) {
    rostrum::fuzz::check_error(e);
    if (e.line() == 0 || e.column() == 0 || e.line() > newlines + 1) std::abort();
  }
  return 0;
}
