// Lookup over the compiled country table: codes first, then folded names.
#include "registry/registry.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "registry/country_table.hpp"

namespace rostrum::registry {
namespace {

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_alpha(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// Apostrophes and quotation marks vanish rather than split words, so that
// "Côte d’Ivoire", "COTE D'IVOIRE" and "Lao People's" / "Lao Peoples" agree.
bool is_quote(utf8proc_int32_t cp) {
  switch (cp) {
    case '\'':
    case '"':
    case '`':
    case 0x00B4:  // acute accent used as an apostrophe
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2032:
    case 0x2033:  // primes
    case 0x02BB:
    case 0x02BC:  // modifier-letter apostrophes
    case 0x00AB:
    case 0x00BB:  // guillemets
      return true;
    default:
      return false;
  }
}

void append_utf8(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Maps one code point of the already decomposed, case-folded text.
void fold_code_point(std::string& out, utf8proc_int32_t cp) {
  if (is_quote(cp)) return;
  if (cp == '&') {
    out += " and ";
    return;
  }
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    out += alnum ? c : ' ';
    return;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      append_utf8(out, cp);
      return;
    default:  // punctuation, symbols, separators, stray marks
      out += ' ';
  }
}

std::string collapse_and_strip_the(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  // Repeated so that folding stays idempotent even for "The the X".
  while (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

// ---- the index, built once -------------------------------------------------

// The codes of every state: what most lookups (an ISO3 on the command line, a
// source's code column) need, built without touching the names.
struct CodeIndex {
  std::unordered_map<std::string, int> iso3;
  std::unordered_map<std::string, int> iso2;
  std::unordered_map<int, int> cow;
  std::unordered_map<std::string, int> cow_abbr;
  std::unordered_map<std::string, int> alias;
};

// The names, folded (fold_name: Unicode decomposition and case folding of about
// 2,000 names): built on the first lookup by name, which a query by code never
// makes.
struct NameIndex {
  std::unordered_map<std::string, int> names;
  // The table's names exactly as written: most inputs are spelled as some source
  // spells them, and an exact hit skips the Unicode fold (about 10x faster).
  std::unordered_map<std::string_view, int> raw_names;
  std::vector<std::string> folded_storage;  // owns the text NameVariant points to
  std::vector<NameVariant> variants;        // sorted by folded
};

// "Micronesia (Federated States of)" -> "Micronesia"; empty when there is no
// bracket or nothing is left outside it.
std::string without_brackets(std::string_view name) {
  std::string out;
  int depth = 0;
  bool had_bracket = false;
  for (char c : name) {
    if (c == '(') {
      ++depth;
      had_bracket = true;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return had_bracket ? out : std::string();
}

// The row of a table's ISO3 code. The tests check that every variant and alias
// names an existing row; a dangling one would be a table bug, not an input error.
int row_of_table_code(const std::unordered_map<std::string, int>& iso3, std::string_view code) {
  auto it = iso3.find(std::string(code));
  if (it == iso3.end()) std::abort();
  return it->second;
}

CodeIndex build_code_index() {
  CodeIndex idx;
  auto rows = table::rows();
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    const Country& c = rows[static_cast<std::size_t>(i)];
    idx.iso3.emplace(std::string(c.iso3), i);
    if (!c.iso2.empty()) idx.iso2.emplace(std::string(c.iso2), i);
    if (c.cow != 0) idx.cow.emplace(c.cow, i);
    if (!c.cow_abbr.empty()) idx.cow_abbr.emplace(std::string(c.cow_abbr), i);
  }
  for (const auto& a : table::code_aliases())
    idx.alias.emplace(upper_ascii(a.code), row_of_table_code(idx.iso3, a.iso3));
  return idx;
}

const CodeIndex& code_index() {
  static const CodeIndex idx = build_code_index();  // C++11 magic statics: thread-safe once
  return idx;
}

NameIndex build_name_index() {
  NameIndex idx;
  auto rows = table::rows();
  const auto& iso3 = code_index().iso3;
  auto index_of = [&](std::string_view code) { return row_of_table_code(iso3, code); };

  // Explicit names first; a name already claimed keeps its first owner (the tests
  // assert no such clash exists in the table).
  std::vector<std::pair<std::string_view, int>> explicit_names;
  explicit_names.reserve(rows.size() + table::variants().size());
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    explicit_names.emplace_back(rows[static_cast<std::size_t>(i)].name, i);
  }
  for (const auto& v : table::variants()) explicit_names.emplace_back(v.name, index_of(v.iso3));
  for (const auto& [name, i] : explicit_names) {
    auto [it, inserted] = idx.names.emplace(fold_name(name), i);
    // Only names whose fold leads back to their own state may take the shortcut.
    if (it->second == i) idx.raw_names.emplace(name, i);
  }

  // Then the bracket-less forms, only where exactly one state yields them and no
  // explicit name claims them: "Virgin Islands (British)" and "(U.S.)" cancel out.
  std::unordered_map<std::string, int> derived;
  for (const auto& [name, i] : explicit_names) {
    std::string stripped = without_brackets(name);
    if (stripped.empty()) continue;
    std::string f = fold_name(stripped);
    if (f.empty() || idx.names.count(f)) continue;
    auto [it, inserted] = derived.emplace(f, i);
    if (!inserted && it->second != i) it->second = -1;
  }
  for (const auto& [f, i] : derived) {
    if (i >= 0) idx.names.emplace(f, i);
  }

  idx.folded_storage.reserve(idx.names.size());
  for (const auto& [f, i] : idx.names) idx.folded_storage.push_back(f);
  std::sort(idx.folded_storage.begin(), idx.folded_storage.end());
  idx.variants.reserve(idx.folded_storage.size());
  for (const auto& f : idx.folded_storage) {
    idx.variants.push_back({f, rows[static_cast<std::size_t>(idx.names.at(f))].iso3});
  }
  return idx;
}

const NameIndex& name_index() {
  static const NameIndex idx = build_name_index();
  return idx;
}

int lookup_in(const std::unordered_map<std::string, int>& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? -1 : it->second;
}

}  // namespace

std::span<const Country> countries() { return table::rows(); }

std::string fold_name(std::string_view name) {
  std::string mapped;
  mapped.reserve(name.size() + 8);
  utf8proc_uint8_t* buf = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                    static_cast<utf8proc_ssize_t>(name.size()), &buf, options);
  if (n >= 0) {
    const utf8proc_uint8_t* p = buf;
    utf8proc_ssize_t left = n;
    while (left > 0) {
      utf8proc_int32_t cp = 0;
      utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
      if (len <= 0) break;
      fold_code_point(mapped, cp);
      p += len;
      left -= len;
    }
    std::free(buf);
  } else {
    // Not valid UTF-8: fold the ASCII bytes and treat the rest as separators, so
    // a stray Latin-1 byte cannot make a whole header unmatchable.
    for (char c : name) {
      auto u = static_cast<unsigned char>(c);
      if (u >= 0x80) {
        mapped += ' ';
      } else {
        char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        fold_code_point(mapped, static_cast<utf8proc_int32_t>(static_cast<unsigned char>(lower)));
      }
    }
  }
  return collapse_and_strip_the(mapped);
}

int index_of_iso3(std::string_view iso3) {
  if (iso3.size() != 3) return -1;
  return lookup_in(code_index().iso3, std::string(iso3));
}

int find(std::string_view code_or_name) {
  const CodeIndex& idx = code_index();
  std::string_view s = trim(code_or_name);
  if (s.empty()) return -1;
  // Codes before names, ISO before COW: COW reuses letters ISO gives to other
  // states (COW "AUS" is Austria, ISO "AUS" is Australia), and ISO is the id.
  if (s.size() == 3 && all_alpha(s)) {
    if (int i = lookup_in(idx.iso3, upper_ascii(s)); i >= 0) return i;
  }
  if (s.size() == 2 && all_alpha(s)) {
    if (int i = lookup_in(idx.iso2, upper_ascii(s)); i >= 0) return i;
  }
  if (all_digits(s) && s.size() <= 6) {
    auto it = idx.cow.find(std::atoi(std::string(s).c_str()));
    if (it != idx.cow.end()) return it->second;
  }
  if (s.size() == 3 && all_alpha(s)) {
    if (int i = lookup_in(idx.cow_abbr, upper_ascii(s)); i >= 0) return i;
  }
  if (s.size() <= 3) {
    if (int i = lookup_in(idx.alias, upper_ascii(s)); i >= 0) return i;
  }
  const NameIndex& by_name = name_index();
  if (auto it = by_name.raw_names.find(s); it != by_name.raw_names.end()) return it->second;
  return lookup_in(by_name.names, fold_name(s));
}

const Country* lookup(std::string_view code_or_name) {
  int i = find(code_or_name);
  return i < 0 ? nullptr : &countries()[static_cast<std::size_t>(i)];
}

std::span<const NameVariant> name_variants() { return name_index().variants; }

std::vector<std::string_view> predecessors(std::string_view iso3) {
  std::vector<std::string_view> out;
  for (const Country& c : countries()) {
    std::string_view rest = c.successors;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string_view id = rest.substr(0, comma);
      if (id == iso3) {
        out.push_back(c.iso3);
        break;
      }
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  return out;  // countries() is sorted, so this is too
}

}  // namespace rostrum::registry
