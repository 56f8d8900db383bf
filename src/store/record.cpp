#include "store/record.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <numeric>
#include <unordered_map>

#include "core/text.hpp"

namespace rostrum::store::record {

int precedence_rank(std::string_view format) {
  if (format == "unvotes" || format == "voeten") return 0;
  if (format == "undl") return 1;
  if (format == "wide") return 2;
  return 3;
}

bool has_exact_dates(std::string_view format) { return format == "undl" || format == "wide"; }
bool has_issue_codes(std::string_view format) { return format == "unvotes" || format == "voeten"; }

std::vector<std::size_t> order_sources(const std::vector<std::string>& formats) {
  std::vector<std::size_t> order(formats.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const int ra = precedence_rank(formats[a]), rb = precedence_rank(formats[b]);
    if (ra != rb) return ra < rb;
    return a > b;
  });
  return order;
}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view leading_digits(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return s.substr(0, i);
}

std::string strip_zeros(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return std::string(digits);
}

// "93R", "38B/XI": a number, then part letters and sub-parts; "" when malformed.
std::string part_of(std::string_view s) {
  std::string_view num = leading_digits(s);
  if (num.empty()) return {};
  std::string out = strip_zeros(num);
  for (char c : s.substr(num.size())) {
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '/')
      out += c;
    else
      return {};
  }
  return out;
}

}  // namespace

std::string symbol_key(std::string_view symbol) {
  std::string s;
  s.reserve(symbol.size());
  for (char c : symbol) {
    if (c == ' ' || c == '[' || c == ']' || c == '\t') continue;
    s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  // Sub-parts: "38B-XI" and "38B/XI" are one spelling.
  std::string_view v = s;
  auto starts = [&](std::string_view p) { return v.substr(0, p.size()) == p; };
  if (starts("S/RES/")) {
    v.remove_prefix(6);
    std::string_view num = leading_digits(v);
    return num.empty() ? std::string() : "S/" + strip_zeros(num);
  }
  std::string prefix;
  if (starts("A/RES/"))
    v.remove_prefix(6);
  else if (starts("A/DEC/"))
    v.remove_prefix(6), prefix = "DEC/";
  else if (starts("GOAR/"))
    v.remove_prefix(5);
  else if (starts("R/"))
    v.remove_prefix(2);
  else
    return {};
  std::string rest(v);
  // "ES-11/1" and "S-26/2": emergency and special sessions.
  for (std::string_view kind : {"ES-", "S-"}) {
    if (rest.compare(0, kind.size(), kind) != 0) continue;
    std::string_view after = std::string_view(rest).substr(kind.size());
    std::string_view n = leading_digits(after);
    if (n.empty() || after.size() <= n.size() || after[n.size()] != '/') return {};
    std::string part = part_of(after.substr(n.size() + 1));
    return part.empty() ? std::string() : prefix + std::string(kind) + strip_zeros(n) + "/" + part;
  }
  // "2758(XXVI)A": number, roman session in brackets, part letters.
  if (auto open = rest.find('('); open != std::string::npos) {
    auto close = rest.find(')', open);
    if (close == std::string::npos) return {};
    std::string_view num = std::string_view(rest).substr(0, open);
    std::string_view roman = std::string_view(rest).substr(open + 1, close - open - 1);
    const int session = roman_to_int(roman);
    std::string_view num_digits = leading_digits(num);
    if (!session || num_digits.empty()) return {};
    std::string tail = std::string(num.substr(num_digits.size())) + rest.substr(close + 1);
    std::replace(tail.begin(), tail.end(), '-', '/');
    std::string part = part_of(strip_zeros(num_digits) + tail);
    return part.empty() ? std::string() : prefix + std::to_string(session) + "/" + part;
  }
  // "26/2758A", "50/38B-XI".
  auto slash = rest.find('/');
  if (slash == std::string::npos) return {};
  std::string_view session = std::string_view(rest).substr(0, slash);
  if (!all_digits(session)) return {};
  std::string tail = rest.substr(slash + 1);
  std::replace(tail.begin(), tail.end(), '-', '/');
  std::string part = part_of(tail);
  return part.empty() ? std::string() : prefix + strip_zeros(session) + "/" + part;
}

std::string title_key(std::string_view title) {
  std::string out;
  bool gap = false;
  int letters = 0;
  for (char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += static_cast<char>(std::tolower(c));
      ++letters;
    } else {
      gap = true;
    }
  }
  for (std::string_view suffix : {" resolution adopted by the general assembly", " resolution by the general assembly",
                                  " resolution adopted by the security council"}) {
    if (out.size() > suffix.size() && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0) {
      letters -= static_cast<int>(std::count_if(suffix.begin(), suffix.end(), [](char c) { return c != ' '; }));
      out.resize(out.size() - suffix.size());
      break;
    }
  }
  return letters >= 12 ? out : std::string();
}

Vote vote_of(const Item& item, int c) {
  const std::size_t w = static_cast<std::size_t>(c) / 64;
  const std::uint64_t bit = std::uint64_t{1} << (c % 64);
  if (w < item.yes.size() && (item.yes[w] & bit)) return Vote::Yes;
  if (w < item.abstain.size() && (item.abstain[w] & bit)) return Vote::Abstain;
  if (w < item.no.size() && (item.no[w] & bit)) return Vote::No;
  if (w < item.nonvoting.size() && (item.nonvoting[w] & bit)) return Vote::NonVoting;
  return Vote::Missing;
}

namespace {

constexpr int kMinCommon = 10;
constexpr int kWindowDays = 45;

struct Similarity {
  int common = 0, same = 0, cast_a = 0, cast_b = 0;
  double agreement() const { return common ? static_cast<double>(same) / common : 0; }
  double coverage() const {
    const int smaller = std::min(cast_a, cast_b);
    return smaller ? static_cast<double>(common) / smaller : 0;
  }
};

std::uint64_t word(const std::vector<std::uint64_t>& v, std::size_t w) { return w < v.size() ? v[w] : 0; }

Similarity similarity(const Item& a, const Item& b) {
  Similarity s;
  const std::size_t words = std::max(a.yes.size(), b.yes.size());
  for (std::size_t w = 0; w < words; ++w) {
    const std::uint64_t ya = word(a.yes, w), aa = word(a.abstain, w), na = word(a.no, w);
    const std::uint64_t yb = word(b.yes, w), ab = word(b.abstain, w), nb = word(b.no, w);
    const std::uint64_t ca = ya | aa | na, cb = yb | ab | nb;
    s.cast_a += std::popcount(ca);
    s.cast_b += std::popcount(cb);
    s.common += std::popcount(ca & cb);
    s.same += std::popcount((ya & yb) | (aa & ab) | (na & nb));
  }
  return s;
}

int cast_count(const Item& a) {
  int n = 0;
  for (std::size_t w = 0; w < a.yes.size(); ++w)
    n += std::popcount(word(a.yes, w) | word(a.abstain, w) | word(a.no, w));
  return n;
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for date windows.
int days(Date d) {
  int y = date_year(d), m = date_month(d), dd = date_day(d);
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct RecordEntry {
  const Item* item;
  std::size_t source;  // position in precedence order
};

}  // namespace

Result stitch(const std::vector<Source>& sources) {
  Result out;
  std::vector<RecordEntry> entries;  // the record so far
  std::unordered_map<std::string, std::vector<std::size_t>> by_symbol, by_date_title;
  std::vector<int> entry_day;
  auto add_entry = [&](const Item& item, std::size_t source) {
    const std::size_t e = entries.size();
    entries.push_back({&item, source});
    entry_day.push_back(days(item.date));
    if (auto k = symbol_key(item.symbol); !k.empty()) by_symbol[k].push_back(e);
    if (auto t = title_key(item.title); !t.empty()) by_date_title[std::to_string(item.date) + "|" + t].push_back(e);
    out.record.push_back(item.id);
  };
  auto add_conflicts = [&](const Item& kept, const Item& other) {
    const std::size_t words = std::max({kept.yes.size(), other.yes.size()});
    for (std::size_t w = 0; w < words; ++w) {
      const std::uint64_t any = word(kept.yes, w) | word(kept.abstain, w) | word(kept.no, w) | word(other.yes, w) |
                                word(other.abstain, w) | word(other.no, w);
      for (std::uint64_t bits = any; bits; bits &= bits - 1) {
        const int c = static_cast<int>(w * 64 + std::countr_zero(bits));
        const Vote a = vote_of(kept, c), b = vote_of(other, c);
        if (a != b) out.conflicts.push_back({kept.id, other.id, c, a, b});
      }
    }
  };

  for (std::size_t s = 0; s < sources.size(); ++s) {
    const auto& items = sources[s].items;
    const std::size_t first_of_source = entries.size();  // entries before this are earlier sources'
    std::vector<char> taken(first_of_source, 0);         // record entries matched by this source
    std::vector<int> match_of(items.size(), -1);         // item -> record entry
    std::vector<std::string> method(items.size());
    auto take = [&](std::size_t item, std::size_t entry, const char* how) {
      taken[entry] = 1;
      match_of[item] = static_cast<int>(entry);
      method[item] = how;
    };
    // Stage 1: symbol.
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string key = symbol_key(items[i].symbol);
      if (key.empty()) continue;
      auto it = by_symbol.find(key);
      if (it == by_symbol.end()) continue;
      int best = -1;
      std::tuple<int, double, int> best_score{};
      for (std::size_t e : it->second) {
        if (e >= first_of_source || taken[e]) continue;
        const Item& cand = *entries[e].item;
        const Similarity sim = similarity(items[i], cand);
        if (sim.common >= kMinCommon && sim.agreement() < 0.5) continue;
        const std::tuple<int, double, int> score{cand.amendment || cand.paragraph ? 0 : 1,
                                                 sim.common >= kMinCommon ? sim.agreement() : 0.0,
                                                 -std::abs(days(cand.date) - days(items[i].date))};
        if (best < 0 || score > best_score) best = static_cast<int>(e), best_score = score;
      }
      if (best >= 0) take(i, static_cast<std::size_t>(best), "symbol");
    }
    // Stage 2: date + title.
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (match_of[i] >= 0) continue;
      const std::string t = title_key(items[i].title);
      if (t.empty()) continue;
      auto it = by_date_title.find(std::to_string(items[i].date) + "|" + t);
      if (it == by_date_title.end()) continue;
      int only = -1, n = 0;
      for (std::size_t e : it->second)
        if (e < first_of_source && !taken[e]) only = static_cast<int>(e), ++n;
      if (n == 1) take(i, static_cast<std::size_t>(only), "date+title");
    }
    // Stage 3: votes, within the date window. Record entries sorted by day so the
    // window is a range.
    std::vector<std::size_t> by_day(first_of_source);
    std::iota(by_day.begin(), by_day.end(), 0);
    std::sort(by_day.begin(), by_day.end(), [&](std::size_t a, std::size_t b) { return entry_day[a] < entry_day[b]; });
    struct Pair {
      double agreement, coverage;
      int distance;
      std::size_t item, entry;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (match_of[i] >= 0 || cast_count(items[i]) < kMinCommon) continue;
      const int d = days(items[i].date);
      auto lo = std::lower_bound(by_day.begin(), by_day.end(), d - kWindowDays,
                                 [&](std::size_t e, int day) { return entry_day[e] < day; });
      for (auto it = lo; it != by_day.end() && entry_day[*it] <= d + kWindowDays; ++it) {
        const std::size_t e = *it;
        const Item& cand = *entries[e].item;
        if (taken[e] || cand.amendment || cand.paragraph) continue;
        const Similarity sim = similarity(items[i], cand);
        if (sim.common < kMinCommon || sim.agreement() < 0.9 || sim.coverage() < 0.9) continue;
        pairs.push_back({sim.agreement(), sim.coverage(), std::abs(entry_day[e] - d), i, e});
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
      if (a.agreement != b.agreement) return a.agreement > b.agreement;
      if (a.coverage != b.coverage) return a.coverage > b.coverage;
      if (a.distance != b.distance) return a.distance < b.distance;
      if (a.item != b.item) return a.item < b.item;
      return a.entry < b.entry;
    });
    for (const Pair& p : pairs)
      if (match_of[p.item] < 0 && !taken[p.entry]) take(p.item, p.entry, "votes");

    for (std::size_t i = 0; i < items.size(); ++i) {
      if (match_of[i] < 0) {
        add_entry(items[i], s);
        continue;
      }
      const Item& kept = *entries[static_cast<std::size_t>(match_of[i])].item;
      const Similarity sim = similarity(items[i], kept);
      out.matches.push_back({items[i].id, kept.id, method[i], sim.common >= kMinCommon ? sim.agreement() : -1.0});
      add_conflicts(kept, items[i]);
    }
  }
  return out;
}

}  // namespace rostrum::store::record
