#include "query/rollcall_lookup.hpp"

#include <algorithm>
#include <bit>
#include <cctype>

#include "registry/registry.hpp"
#include "registry/seats.hpp"
#include "store/record.hpp"

namespace rostrum::query {

namespace {

std::string compact_upper(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// symbol_key, reading a bare "ES-11/1" or "74/10" as "A/RES/...".
std::string match_key(std::string_view symbol) {
  std::string key = store::record::symbol_key(symbol);
  if (key.empty()) key = store::record::symbol_key("A/RES/" + compact_upper(symbol));
  return key;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Whether `text` holds `word` at the start of one of its words (lower-cased ASCII).
bool has_word_prefix(const std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    if (at == 0 || !is_word_char(text[at - 1])) return true;
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool symbol_matches(std::string_view wanted, std::string_view symbol) {
  if (symbol.empty() || wanted.empty()) return false;
  if (compact_upper(wanted) == compact_upper(symbol)) return true;
  const std::string a = match_key(wanted), b = store::record::symbol_key(symbol);
  return !a.empty() && a == b;
}

bool symbol_part_of(std::string_view wanted, std::string_view symbol) {
  if (symbol.empty() || wanted.empty()) return false;
  const std::string a = match_key(wanted), b = store::record::symbol_key(symbol);
  if (a.empty() || b.size() <= a.size() || b.compare(0, a.size(), a) != 0) return false;
  // Only part letters may follow, and the wanted key must end in the number itself.
  if (!std::isdigit(static_cast<unsigned char>(a.back()))) return false;
  return std::all_of(b.begin() + static_cast<std::ptrdiff_t>(a.size()), b.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

bool is_council_symbol(std::string_view symbol) { return compact_upper(symbol).rfind("S/", 0) == 0; }

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_word_char(c) || (static_cast<unsigned char>(c) & 0x80)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool has_words(const RollCallInfo& rc, const std::vector<std::string>& words) {
  const std::string text = lower(rc.title + "\n" + rc.library_title + "\n" + rc.description);
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return has_word_prefix(text, w); });
}

std::string_view state_vote_name(StateVote v) {
  switch (v) {
    case StateVote::yes:
      return "yes";
    case StateVote::no:
      return "no";
    case StateVote::abstain:
      return "abstain";
    case StateVote::absent:
      return "absent";
    case StateVote::non_member:
      return "non-member";
  }
  return "non-member";
}

RecordSpans record_spans(const VoteMatrix& m) {
  RecordSpans s;
  s.first.assign(static_cast<std::size_t>(m.countries()), 0);
  s.last.assign(static_cast<std::size_t>(m.countries()), 0);
  const int words = m.words();
  for (int c = 0; c < m.countries(); ++c) {
    auto any = [&](int w) { return m.yes(c)[w] | m.no(c)[w] | m.abstain(c)[w] | m.nonvoting(c)[w]; };
    int lo = -1, hi = -1;
    for (int w = 0; w < words && lo < 0; ++w)
      if (Word x = any(w)) lo = w * kWordBits + std::countr_zero(x);
    for (int w = words - 1; w >= 0 && hi < 0; --w)
      if (Word x = any(w)) hi = w * kWordBits + (kWordBits - 1 - std::countl_zero(x));
    if (lo < 0) continue;
    // Roll calls are sorted by date, so the first and last set bits carry the span.
    s.first[c] = m.rollcall_head(lo).date;
    s.last[c] = m.rollcall_head(hi).date;
  }
  return s;
}

bool records_absences(std::string_view format) { return format != "unvotes"; }

StateVote state_vote(const VoteMatrix& m, int c, int r, bool source_records_absences, const RecordSpans& spans) {
  switch (m.vote(c, r)) {
    case Vote::Yes:
      return StateVote::yes;
    case Vote::No:
      return StateVote::no;
    case Vote::Abstain:
      return StateVote::abstain;
    case Vote::NonVoting:
      return StateVote::absent;
    case Vote::Missing:
      break;
  }
  const RollCallInfo& rc = m.rollcall(r);
  // The council's seats rotate: a state without a record was not on it.
  if (rc.body == Body::SecurityCouncil) return StateVote::non_member;
  const Date d = rc.date;
  const int state = registry::index_of_iso3(state_on(m.iso3(c), d));
  // Its seat held by another state (SUN after 1991-12-23) or by none (TWN after 1971-10-25).
  if (state < 0 || registry::holder_on(state, d) != state) return StateVote::non_member;
  const auto k = static_cast<std::size_t>(c);
  if (spans.first[k] == 0 || spans.first[k] > d) return StateVote::non_member;  // not admitted yet
  // Records before and after: a source that records absences says it was no member then.
  if (spans.last[k] >= d) return source_records_absences ? StateVote::non_member : StateVote::absent;
  // Nothing recorded after: a state that still holds its seat is a member that did
  // not vote (the 2025 scrape has no column for Afghanistan and Venezuela).
  return StateVote::absent;
}

std::string state_on(std::string_view series, Date date) {
  std::string state(series);
  // Walk back through the continuations: the RUS row before 1991-12-24 is SUN's.
  for (bool moved = true; moved;) {
    moved = false;
    for (const auto& c : registry::continuations())
      if (c.successor == state && date < c.on) {
        state = std::string(c.predecessor);
        moved = true;
        break;
      }
  }
  return state;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string rollcall_link(const RollCallInfo& rc, std::string_view format, std::string* kind) {
  const bool record_id = !rc.key.empty() && std::all_of(rc.key.begin(), rc.key.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  std::string k, url;
  if ((format == "undl" || format == "wide") && record_id) {
    k = "record";
    url = "https://digitallibrary.un.org/record/" + rc.key;
  } else if (!rc.symbol.empty()) {
    // unvotes writes "R/26/2758" where the Library writes "A/RES/...".
    const std::string symbol = rc.symbol.rfind("R/", 0) == 0 ? "A/RES/" + rc.symbol.substr(2) : rc.symbol;
    k = "search";
    url = "https://digitallibrary.un.org/search?p=" + url_encode(symbol);
  }
  if (kind) *kind = k;
  return url;
}

}  // namespace rostrum::query
