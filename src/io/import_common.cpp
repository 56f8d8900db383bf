#include "io/import_common.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "core/text.hpp"
#include "io/import_batch.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"

namespace rostrum::io {

void WarningList::add(const std::string& kind, const std::string& example) {
  Entry& e = by_kind[kind];
  ++e.count;
  if (e.examples.size() < 5) e.examples.push_back(example);
}

std::int64_t WarningList::total() const {
  std::int64_t n = 0;
  for (const auto& [k, e] : by_kind) n += e.count;
  return n;
}

namespace detail {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int optional_column(const CsvRecord& header, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    int i = find_column(header, n);
    if (i >= 0) return i;
  }
  return -1;
}

int require_column(const CsvReader& reader, const CsvRecord& header, std::initializer_list<std::string_view> names) {
  int i = optional_column(header, names);
  if (i >= 0) return i;
  std::string list;
  for (auto n : names) list += (list.empty() ? "'" : " or '") + std::string(n) + "'";
  throw InputError(reader.name(), header.line, 1, "header has no column " + list);
}

void fail(const CsvReader& reader, const CsvRecord& rec, int index, const std::string& message) {
  std::uint64_t line = rec.line, col = 1;
  if (index >= 0 && static_cast<std::size_t>(index) < rec.size()) {
    line = rec.lines[index];
    col = rec.columns[index];
  }
  throw InputError(reader.name(), line, col, message);
}

std::string_view field(const CsvReader& reader, const CsvRecord& rec, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= rec.size()) {
    std::uint64_t col = rec.size() ? rec.columns.back() : 1;
    throw InputError(
        reader.name(), rec.line, col,
        "row has " + std::to_string(rec.size()) + " fields, expected at least " + std::to_string(index + 1));
  }
  return rec.fields[index];
}

std::int64_t parse_int(const CsvReader& reader, const CsvRecord& rec, int index, const char* what) {
  std::string_view s = trim(field(reader, rec, index));
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
    fail(reader, rec, index, std::string("expected an integer ") + what + ", got '" + std::string(s) + "'");
  return v;
}

std::optional<std::int64_t> parse_optional_count(const CsvReader& reader, const CsvRecord& rec, int index,
                                                 const char* what) {
  std::string_view s = trim(field(reader, rec, index));
  if (s.empty() || s == "NA" || s == "nan" || s == "NaN") return std::nullopt;
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 0 || v != std::floor(v) || v > 1e9)
    fail(reader, rec, index, std::string("expected a count ") + what + ", got '" + std::string(s) + "'");
  return static_cast<std::int64_t>(v);
}

bool parse_flag(const CsvReader& reader, const CsvRecord& rec, int index, const char* what) {
  std::string_view s = trim(field(reader, rec, index));
  if (s.empty() || s == "NA" || s == "0" || s == "FALSE" || s == "false") return false;
  if (s == "1" || s == "TRUE" || s == "true") return true;
  fail(reader, rec, index, std::string("expected 0 or 1 for ") + what + ", got '" + std::string(s) + "'");
}

Date parse_date_field(const CsvReader& reader, const CsvRecord& rec, int index) {
  std::string_view s = trim(field(reader, rec, index));
  auto d = parse_date(s);
  if (!d) fail(reader, rec, index, "expected a date YYYY-MM-DD, got '" + std::string(s) + "'");
  return *d;
}

VoetenRollCallColumns voeten_rollcall_columns(const CsvReader& reader, const CsvRecord& header) {
  VoetenRollCallColumns c;
  c.session = require_column(reader, header, {"session"});
  c.important = optional_column(header, {"importantvote"});
  c.date = require_column(reader, header, {"date"});
  c.unres = optional_column(header, {"unres"});
  c.amend = optional_column(header, {"amend"});
  c.para = optional_column(header, {"para"});
  c.short_title = optional_column(header, {"short"});
  c.descr = optional_column(header, {"descr"});
  return c;
}

void parse_voeten_rollcall(const CsvReader& reader, const CsvRecord& rec, const VoetenRollCallColumns& c,
                           RollCallInfo& info) {
  info.body = Body::GeneralAssembly;
  info.session = static_cast<int>(parse_int(reader, rec, c.session, "session"));
  if (info.session <= 0 || info.session > 300)
    fail(reader, rec, c.session, "session out of range: " + std::to_string(info.session));
  info.session_label = std::to_string(info.session);
  info.date = parse_date_field(reader, rec, c.date);
  if (c.important >= 0) info.important = parse_flag(reader, rec, c.important, "importantvote");
  if (c.amend >= 0) info.amendment = parse_flag(reader, rec, c.amend, "amend");
  if (c.para >= 0) info.paragraph = parse_flag(reader, rec, c.para, "para");
  if (c.unres >= 0) info.symbol = std::string(trim(field(reader, rec, c.unres)));
  if (c.short_title >= 0) info.title = std::string(trim(field(reader, rec, c.short_title)));
  if (c.descr >= 0) info.description = std::string(trim(field(reader, rec, c.descr)));
}

SessionOf session_from_symbol(std::string_view sym) {
  SessionOf out;
  sym = trim(sym);
  // Resolutions, and decisions adopted by recorded vote ("A/DEC/80/506").
  constexpr std::string_view kResolution = "A/RES/", kDecision = "A/DEC/";
  if (sym.substr(0, kResolution.size()) != kResolution && sym.substr(0, kDecision.size()) != kDecision) return out;
  sym.remove_prefix(kResolution.size());
  if (sym.substr(0, 3) == "ES-") {
    std::size_t end = 3;
    while (end < sym.size() && std::isdigit(static_cast<unsigned char>(sym[end]))) ++end;
    out.label = "ES-" + std::string(sym.substr(3, end - 3));
    return out;
  }
  if (sym.substr(0, 2) == "S-") {  // special sessions: A/RES/S-26/2
    std::size_t end = 2;
    while (end < sym.size() && std::isdigit(static_cast<unsigned char>(sym[end]))) ++end;
    out.label = "S-" + std::string(sym.substr(2, end - 2));
    return out;
  }
  std::size_t slash = sym.find('/');
  if (slash != std::string_view::npos && slash > 0) {
    std::string_view num = sym.substr(0, slash);
    int v = 0;
    auto r = std::from_chars(num.data(), num.data() + num.size(), v);
    if (r.ec == std::errc() && r.ptr == num.data() + num.size() && v > 0) {
      out.session = v;
      out.label = std::to_string(v);
      return out;
    }
  }
  std::size_t open = sym.find('('), close = sym.find(')');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    std::string_view inner = sym.substr(open + 1, close - open - 1);
    // "A/RES/2758(XXVI)"; special sessions look like "(S-V)" and emergency "(ES-V)".
    bool emergency = inner.substr(0, 3) == "ES-";
    bool special = !emergency && inner.substr(0, 2) == "S-";
    std::string_view roman = emergency ? inner.substr(3) : special ? inner.substr(2) : inner;
    int v = roman_to_int(roman);
    if (!v && (emergency || special)) {
      // The 1947-48 special sessions are written with digits: "A/RES/106(S-1)".
      auto r = std::from_chars(roman.data(), roman.data() + roman.size(), v);
      if (r.ec != std::errc() || r.ptr != roman.data() + roman.size() || v < 0) v = 0;
    }
    if (v > 0) {
      if (emergency)
        out.label = "ES-" + std::to_string(v);
      else if (special)
        out.label = "S-" + std::to_string(v);
      else {
        out.session = v;
        out.label = std::to_string(v);
      }
    }
  }
  return out;
}

int SeatMapper::holder(int label_country, Date date) {
  const int h = registry::holder_on(label_country, date);
  if (h != label_country) ++moved_[{label_country, h}];
  return h;
}

void SeatMapper::add_notes(std::vector<std::string>& notes) const {
  for (const auto& [key, count] : moved_) {
    const std::string from(registry::countries()[static_cast<std::size_t>(key.first)].iso3);
    std::string to =
        key.second < 0 ? std::string() : std::string(registry::countries()[static_cast<std::size_t>(key.second)].iso3);
    std::string when;
    for (const auto& r : registry::seat_rules())
      if (r.label == from && r.holder == to)
        when = r.from == registry::kDateMin ? "until " + format_date(r.to) : "from " + format_date(r.from);
    notes.push_back(std::to_string(count) + " votes under labels of " + from + " dated " + when +
                    (to.empty() ? " have no seat under that label and were skipped"
                                : " are " + to + "'s (seat rules, docs/registry.md)"));
  }
}

std::string source_stem(const std::string& path) {
  std::filesystem::path p(path);
  std::string name = p.filename().string();
  if (name.empty()) name = p.parent_path().filename().string();
  for (std::string_view ext : {".gz", ".csv"})
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      name.resize(name.size() - ext.size());
  return name;
}

}  // namespace detail
}  // namespace rostrum::io
