#include "core/date.hpp"

#include <charconv>

namespace rostrum {

namespace {
bool digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc();
}
int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}
}  // namespace

std::optional<Date> parse_date(std::string_view t) {
  if (t.size() > 10 && (t[10] == 'T' || t[10] == ' ')) t = t.substr(0, 10);
  if (t.size() != 10 || (t[4] != '-' && t[4] != '/') || t[7] != t[4]) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!digits(t.substr(0, 4), y) || !digits(t.substr(5, 2), m) || !digits(t.substr(8, 2), d)) return std::nullopt;
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return make_date(y, m, d);
}

std::optional<Date> parse_date_bound(std::string_view t, bool end) {
  int y = 0;
  if (t.size() == 4 && digits(t, y)) return end ? make_date(y, 12, 31) : make_date(y, 1, 1);
  return parse_date(t);
}

std::string format_date(Date d) {
  if (d == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date_year(d), date_month(d), date_day(d));
  return buf;
}

}  // namespace rostrum
