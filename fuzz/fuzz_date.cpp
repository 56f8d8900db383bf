// Fuzzes the small text parsers: dates, period bounds, resolution symbols
// (sessions, roman numerals) and issue codes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/date.hpp"
#include "io/import_common.hpp"
#include "matrix/vote_matrix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto d = rostrum::parse_date(text)) {
    // A parsed date is valid and survives a round trip.
    int y = rostrum::date_year(*d), m = rostrum::date_month(*d), day = rostrum::date_day(*d);
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || day < 1 || day > 31) std::abort();
    if (rostrum::parse_date(rostrum::format_date(*d)) != d) std::abort();
  }
  for (bool end : {false, true}) {
    auto d = rostrum::parse_date_bound(text, end);
    if (text.size() == 4) {
      // "YYYY": the first or last day of that year. (Any four digits are taken,
      // "0000" and "1590" included, unlike parse_date's 1800-2200.)
      if (d && (rostrum::date_month(*d) != (end ? 12 : 1) || rostrum::date_day(*d) != (end ? 31 : 1))) std::abort();
    } else if (d != rostrum::parse_date(text)) {
      std::abort();
    }
  }
  auto s = rostrum::io::detail::session_from_symbol(text);
  if (s.session < 0) std::abort();
  if (s.session > 0 && s.label != std::to_string(s.session)) std::abort();
  (void)rostrum::io::detail::roman_to_int(text);
  auto mask = rostrum::parse_issue_code(text);
  if (mask & ~0x3F) std::abort();
  if (mask && rostrum::parse_issue_code(rostrum::issue_codes(mask)) != mask) std::abort();
  (void)rostrum::io::detail::source_stem(std::string(text));
  return 0;
}
