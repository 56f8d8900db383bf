#include "sanctions/dates.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <string>

namespace rostrum::sanctions {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s, std::size_t min, std::size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool valid(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                     std::chrono::day(static_cast<unsigned>(d)))
      .ok();
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

char buf_digit(int v) { return static_cast<char>('0' + v); }

std::string four(int y) {
  std::string s(4, '0');
  for (int i = 3; i >= 0; --i, y /= 10) s[static_cast<std::size_t>(i)] = buf_digit(y % 10);
  return s;
}

std::string two(int v) { return std::string{buf_digit(v / 10), buf_digit(v % 10)}; }

}  // namespace

int month_from_name(std::string_view word) {
  static const std::array<std::string_view, 12> full = {"january",   "february", "march",    "april",
                                                        "may",       "june",     "july",     "august",
                                                        "september", "october",  "november", "december"};
  std::string w = lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (std::size_t i = 0; i < full.size(); ++i) {
    if (w == full[i]) return static_cast<int>(i) + 1;
    if (w.size() == 3 && full[i].substr(0, 3) == w) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<Date> parse_day(std::string_view text) {
  std::string_view s = trim(text);
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    if (!digits(s.substr(0, 4), 4, 4) || !digits(s.substr(5, 2), 2, 2) || !digits(s.substr(8, 2), 2, 2))
      return std::nullopt;
    int y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2)), d = to_int(s.substr(8, 2));
    if (!valid(y, m, d)) return std::nullopt;
    return make_date(y, m, d);
  }
  // D.M.YYYY (one or two digits for day and month)
  if (auto p1 = s.find('.'); p1 != std::string_view::npos && s.find(' ') == std::string_view::npos) {
    auto p2 = s.find('.', p1 + 1);
    if (p2 == std::string_view::npos) return std::nullopt;
    auto d = s.substr(0, p1), m = s.substr(p1 + 1, p2 - p1 - 1), y = s.substr(p2 + 1);
    if (!digits(d, 1, 2) || !digits(m, 1, 2) || !digits(y, 4, 4)) return std::nullopt;
    if (!valid(to_int(y), to_int(m), to_int(d))) return std::nullopt;
    return make_date(to_int(y), to_int(m), to_int(d));
  }
  // D Month YYYY
  auto w = words(s);
  if (w.size() == 3 && digits(w[0], 1, 2) && digits(w[2], 4, 4)) {
    int m = month_from_name(w[1]);
    if (m == 0) return std::nullopt;
    int y = to_int(w[2]), d = to_int(w[0]);
    if (!valid(y, m, d)) return std::nullopt;
    return make_date(y, m, d);
  }
  return std::nullopt;
}

std::optional<std::string> parse_dob(std::string_view text) {
  std::string spaced;
  // "8 Oct.1970": a month abbreviation's period runs into the year.
  for (std::size_t i = 0; i < text.size(); ++i) {
    spaced += text[i];
    if (text[i] == '.' && i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1])) && i + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[i + 1])))
      spaced += ' ';
  }
  std::string_view s = trim(spaced);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  if (auto d = parse_day(s)) return format_date(*d);
  auto w = words(s);
  // "1970 circa"
  if (w.size() == 2 && digits(w[0], 4, 4) && (lower(w[1]) == "circa" || lower(w[1]) == "approximately")) {
    std::string about = "~";
    about += w[0];
    return about;
  }
  // "circa 07 Jul 1966": about a year, whatever the day.
  if (w.size() == 4 && (lower(w[0]) == "circa" || lower(w[0]) == "approximately") && digits(w[3], 4, 4) &&
      parse_day(std::string(w[1]) + " " + std::string(w[2]) + " " + std::string(w[3]))) {
    std::string about = "~";
    about += w[3];
    return about;
  }
  if (w.size() == 1 && digits(w[0], 4, 4)) return std::string(w[0]);
  if (w.size() == 2 && digits(w[1], 4, 4)) {
    std::string first = lower(w[0]);
    if (int m = month_from_name(first); m > 0) return std::string(w[1]) + "-" + two(m);
    if (first == "circa" || first == "approximately" || first == "ca." || first == "ca" || first == "approx." ||
        first == "about") {
      std::string about = "~";
      about += w[1];
      return about;
    }
  }
  // "1960 to 1962", "1960 - 1962", "1960-1962", "between 1960 and 1962"
  if (w.size() == 1 && w[0].size() == 9 && w[0][4] == '-' && digits(w[0].substr(0, 4), 4, 4) &&
      digits(w[0].substr(5), 4, 4)) {
    int a = to_int(w[0].substr(0, 4)), b = to_int(w[0].substr(5));
    if (a < b) return four(a) + ".." + four(b);
  }
  // "01 Jan 1986 to 31 Dec 1987": the years are what such a range says.
  if (w.size() == 7 && lower(w[3]) == "to") {
    auto from = parse_day(std::string(w[0]) + " " + std::string(w[1]) + " " + std::string(w[2]));
    auto to = parse_day(std::string(w[4]) + " " + std::string(w[5]) + " " + std::string(w[6]));
    if (from && to && *from < *to) {
      if (date_year(*from) == date_year(*to)) return four(date_year(*from));
      return four(date_year(*from)) + ".." + four(date_year(*to));
    }
  }
  std::size_t base = (w.size() == 4 && lower(w[0]) == "between") ? 1 : 0;
  if (w.size() == 3 + base && digits(w[base], 4, 4) && digits(w[base + 2], 4, 4)) {
    std::string mid = lower(w[base + 1]);
    if (mid == "to" || mid == "-" || mid == "and" || mid == "–") {
      int a = to_int(w[base]), b = to_int(w[base + 2]);
      if (a < b) return four(a) + ".." + four(b);
    }
  }
  return std::nullopt;
}

std::optional<DayRange> dob_range(std::string_view v) {
  if (v.size() == 10 && v[4] == '-') {
    auto d = parse_day(v);
    if (!d) return std::nullopt;
    return DayRange{*d, *d};
  }
  if (v.size() == 7 && v[4] == '-' && digits(v.substr(0, 4), 4, 4) && digits(v.substr(5), 2, 2)) {
    int y = to_int(v.substr(0, 4)), m = to_int(v.substr(5));
    int last = static_cast<int>(static_cast<unsigned>(
        std::chrono::year_month_day_last(std::chrono::year(y),
                                         std::chrono::month_day_last(std::chrono::month(static_cast<unsigned>(m))))
            .day()));
    return DayRange{make_date(y, m, 1), make_date(y, m, last)};
  }
  if (v.size() == 4 && digits(v, 4, 4)) {
    int y = to_int(v);
    return DayRange{make_date(y, 1, 1), make_date(y, 12, 31)};
  }
  if (v.size() == 5 && v[0] == '~' && digits(v.substr(1), 4, 4)) {
    int y = to_int(v.substr(1));
    return DayRange{make_date(y - 1, 1, 1), make_date(y + 1, 12, 31)};
  }
  if (v.size() == 10 && v.substr(4, 2) == ".." && digits(v.substr(0, 4), 4, 4) && digits(v.substr(6), 4, 4)) {
    return DayRange{make_date(to_int(v.substr(0, 4)), 1, 1), make_date(to_int(v.substr(6)), 12, 31)};
  }
  return std::nullopt;
}

int dob_precision(std::string_view v) {
  if (v.size() == 10 && v[4] == '-') return 3;
  if (v.size() == 7) return 2;
  if (v.size() == 4) return 1;
  return 0;
}

int days_between(Date a, Date b) {
  auto to_days = [](Date d) {
    return std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(date_year(d)),
                                                             std::chrono::month(static_cast<unsigned>(date_month(d))),
                                                             std::chrono::day(static_cast<unsigned>(date_day(d)))));
  };
  return static_cast<int>((to_days(b) - to_days(a)).count());
}

Date next_day(Date d) {
  std::chrono::sys_days sd =
      std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(date_year(d)),
                                                        std::chrono::month(static_cast<unsigned>(date_month(d))),
                                                        std::chrono::day(static_cast<unsigned>(date_day(d))))) +
      std::chrono::days(1);
  std::chrono::year_month_day ymd(sd);
  return make_date(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())));
}

}  // namespace rostrum::sanctions
