// Readers for ATOP directed dyad-years and for treaty files. Each reads the whole
// file, validates every row and maps every state by date before anything can be
// written; a malformed row raises InputError at its line and column.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "alliances/alliances.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "io/import_common.hpp"
#include "registry/cow.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"

namespace rostrum::alliances {

using io::CsvReader;
using io::CsvRecord;
using io::detail::fail;
using io::detail::field;
using io::detail::require_column;
using io::detail::trim;

std::string obligation_list(std::uint8_t mask) {
  std::string out;
  for (std::size_t k = 0; k < kObligationNames.size(); ++k)
    if (mask & (1u << k)) {
      if (!out.empty()) out += ';';
      out += kObligationNames[k];
    }
  return out.empty() ? "none" : out;
}

namespace {

std::string with_commas(std::int64_t v) {
  const std::string digits = std::to_string(v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

bool strict_flag(const CsvReader& reader, const CsvRecord& rec, int index, const char* what) {
  std::string_view s = trim(field(reader, rec, index));
  if (s == "0") return false;
  if (s == "1") return true;
  fail(reader, rec, index, std::string("expected 0 or 1 for ") + what + ", got '" + std::string(s) + "'");
}

int int_in_range(const CsvReader& reader, const CsvRecord& rec, int index, const char* what, int lo, int hi) {
  std::int64_t v = io::detail::parse_int(reader, rec, index, what);
  if (v < lo || v > hi)
    fail(reader, rec, index,
         std::string(what) + " out of range [" + std::to_string(lo) + ", " + std::to_string(hi) +
             "]: " + std::to_string(v));
  return static_cast<int>(v);
}

std::string header_text(const std::string& path) {
  std::string data = io::read_file(path);
  std::size_t end = data.find('\n');
  return end == std::string::npos ? data : data.substr(0, end);
}

}  // namespace

AllianceBatch import_atop(const std::string& path) {
  AllianceBatch batch;
  batch.format = "atop";
  batch.source_name = io::detail::source_stem(path);
  batch.paths = {path};
  batch.complete = true;
  const std::string data = io::read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const int c1 = require_column(reader, rec, {"ccode1", "stateA"});
  const int c2 = require_column(reader, rec, {"ccode2", "stateB"});
  const int cy = require_column(reader, rec, {"year"});
  int ct[5];
  for (std::size_t k = 0; k < kObligationNames.size(); ++k) {
    const std::string plain(kObligationNames[k]), prefixed = "atop_" + plain;
    ct[k] = require_column(reader, rec, {prefixed, plain});
  }

  // COW code and year -> registry index (-1: not placed); codes are read on 1 July.
  std::unordered_map<std::int64_t, int> placed;
  auto place = [&](int code, int year) {
    const std::int64_t key = static_cast<std::int64_t>(code) * 10000 + year;
    auto it = placed.find(key);
    if (it != placed.end()) return it->second;
    int idx = registry::find_cow(code, make_date(year, 7, 1));
    placed.emplace(key, idx);
    return idx;
  };
  struct Skipped {
    std::int64_t rows = 0;
    int first = 9999, last = 0;
  };
  std::map<int, Skipped> skipped;
  std::unordered_set<std::int64_t> seen;
  int first = 9999, last = 0;
  while (reader.next(rec)) {
    const int a_code = int_in_range(reader, rec, c1, "ccode1", 1, 999);
    const int b_code = int_in_range(reader, rec, c2, "ccode2", 1, 999);
    const int year = int_in_range(reader, rec, cy, "year", 1800, 2100);
    if (a_code == b_code) fail(reader, rec, c2, "a state cannot be allied with itself (ccode1 = ccode2)");
    std::uint8_t mask = 0;
    for (std::size_t k = 0; k < kObligationNames.size(); ++k)
      if (strict_flag(reader, rec, ct[k], std::string(kObligationNames[k]).c_str())) mask |= (1u << k);
    if (!seen.insert((static_cast<std::int64_t>(a_code) * 1000 + b_code) * 10000 + year).second)
      fail(reader, rec, c1,
           "duplicate directed dyad-year " + std::to_string(a_code) + " -> " + std::to_string(b_code) + " in " +
               std::to_string(year));
    first = std::min(first, year);
    last = std::max(last, year);
    const int a = place(a_code, year), b = place(b_code, year);
    bool ok = true;
    for (int code : {a_code, b_code}) {
      if (place(code, year) >= 0) continue;
      Skipped& s = skipped[code];
      ++s.rows;
      s.first = std::min(s.first, year);
      s.last = std::max(s.last, year);
      ok = false;
    }
    if (!ok) continue;
    if (a == b) {
      // Two codes of one registry state in one year (none in ATOP 5.1; kept as a check).
      batch.warnings.add("two COW codes read as one state in the same year (row skipped)",
                         std::to_string(a_code) + "/" + std::to_string(b_code) + " " + std::to_string(year));
      continue;
    }
    batch.ties.push_back({year, a, b, mask, -1});
  }
  if (last == 0) throw InputError(path, rec.line, 1, "no rows after the header");
  batch.first_year = first;
  batch.last_year = last;
  batch.notes.push_back(
      "ATOP directed dyad-years: a row is ccode1's obligations toward ccode2; a year counts when the alliance "
      "was in force at any time in it (ATOP's dyad-year rule). Coverage " +
      std::to_string(first) + "-" + std::to_string(last) + ", complete: a state pair without a row has no commitment.");
  batch.notes.push_back(
      "COW codes are read on 1 July of each year: 365 is the USSR (SUN) 1923-1991 and Russia (RUS) before and "
      "after; 345 is Serbia to 1918, Yugoslavia (YUG) to 1991, Serbia and Montenegro (SCG) 1992-2005, Serbia (SRB) "
      "from 2006; 260 (West Germany) is DEU.");
  std::map<int, std::string_view> abbr;
  for (const auto& s : registry::cow_system()) abbr.emplace(s.code, s.abbr);
  for (const auto& [code, s] : skipped) {
    auto it = abbr.find(code);
    batch.notes.push_back("COW " + std::to_string(code) +
                          (it != abbr.end() ? " (" + std::string(it->second) + ")" : "") + " " +
                          std::to_string(s.first) + "-" + std::to_string(s.last) +
                          ": the registry has no such state; " + with_commas(s.rows) + " directed dyad-years left out");
  }
  return batch;
}

namespace {

std::vector<std::string> split_semicolons(std::string_view text) { return split_list(text, ';'); }

std::uint8_t parse_obligations(const CsvReader& reader, const CsvRecord& rec, int index) {
  std::string_view text = trim(field(reader, rec, index));
  std::string normalised(text);
  std::replace(normalised.begin(), normalised.end(), ',', ';');
  auto items = split_semicolons(normalised);
  if (items.empty())
    fail(reader, rec, index, "obligations: expected defense, offense, neutral, nonagg, consul (';'-separated) or none");
  std::uint8_t mask = 0;
  bool none = false;
  for (const auto& raw : items) {
    std::string item = io::detail::lower(raw);
    if (item == "none") {
      none = true;
      continue;
    }
    auto it = std::find(kObligationNames.begin(), kObligationNames.end(), item);
    if (it == kObligationNames.end())
      fail(reader, rec, index,
           "unknown obligation '" + raw + "' (expected defense, offense, neutral, nonagg, consul or none)");
    mask |= static_cast<std::uint8_t>(1u << (it - kObligationNames.begin()));
  }
  if (none && mask) fail(reader, rec, index, "obligations: 'none' cannot be combined with other types");
  return mask;
}

Date optional_date(const CsvReader& reader, const CsvRecord& rec, int index, const char* what) {
  if (index < 0) return 0;
  std::string_view s = trim(field(reader, rec, index));
  if (s.empty()) return 0;
  auto d = parse_date(s);
  if (!d) fail(reader, rec, index, std::string(what) + ": expected a date YYYY-MM-DD, got '" + std::string(s) + "'");
  return *d;
}

// A treaty's parties: countries (by date along their line) and groups (by their
// dated membership) during [lo, hi], as registry indices.
struct PartySpec {
  const registry::Group* group = nullptr;
  std::string iso3;
};

std::vector<int> members_during(const std::vector<PartySpec>& parties, Date lo, Date hi) {
  const Date mid = std::clamp(make_date(date_year(lo), 7, 1), lo, hi);
  std::vector<int> out;
  auto add = [&](std::string_view iso3) {
    int idx = registry::index_of_iso3(registry::line_holder(iso3, mid));
    if (idx >= 0) out.push_back(idx);
  };
  for (const auto& p : parties) {
    if (p.group) {
      for (const auto& m : p.group->members)
        if (m.from <= hi && m.to >= lo) add(m.iso3);
    } else {
      add(p.iso3);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

AllianceBatch import_treaties(const std::string& path, Date as_of) {
  AllianceBatch batch;
  batch.format = "treaties";
  batch.source_name = io::detail::source_stem(path);
  batch.paths = {path};
  batch.complete = false;
  batch.as_of = as_of;
  const std::string data = io::read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const int c_name = require_column(reader, rec, {"name"});
  const int c_parties = require_column(reader, rec, {"parties"});
  const int c_signed = require_column(reader, rec, {"signed"});
  const int c_force = require_column(reader, rec, {"in_force"});
  const int c_ended = require_column(reader, rec, {"ended"});
  const int c_obl = require_column(reader, rec, {"obligations"});
  const int c_source = require_column(reader, rec, {"source"});
  const int c_notes = io::detail::optional_column(rec, {"notes"});

  int first = 9999;
  while (reader.next(rec)) {
    Treaty t;
    t.line = rec.line;
    t.name = std::string(trim(field(reader, rec, c_name)));
    if (t.name.empty()) fail(reader, rec, c_name, "name: empty");
    t.parties = std::string(trim(field(reader, rec, c_parties)));
    std::vector<PartySpec> parties;
    bool has_group = false;
    for (const auto& item : split_semicolons(t.parties)) {
      PartySpec p;
      if (const registry::Group* g = registry::find_group(item)) {
        p.group = g;
        has_group = true;
      } else if (const registry::Country* c = registry::lookup(item)) {
        p.iso3 = std::string(c->iso3);
      } else {
        fail(reader, rec, c_parties, "parties: unknown country or group '" + item + "'");
      }
      parties.push_back(std::move(p));
    }
    if (parties.size() < 2 && !has_group)
      fail(reader, rec, c_parties, "parties: a treaty needs at least two parties (';'-separated), or a group");
    t.signed_on = optional_date(reader, rec, c_signed, "signed");
    t.in_force = optional_date(reader, rec, c_force, "in_force");
    t.ended = optional_date(reader, rec, c_ended, "ended");
    t.obligations = parse_obligations(reader, rec, c_obl);
    t.source = std::string(trim(field(reader, rec, c_source)));
    if (t.source.empty())
      fail(reader, rec, c_source, "source: every treaty must cite where its text and dates come from");
    if (c_notes >= 0 && static_cast<std::size_t>(c_notes) < rec.size())
      t.notes = std::string(trim(rec.fields[c_notes]));
    if (t.obligations && !t.in_force)
      fail(reader, rec, c_force, "in_force: required for a treaty with obligations (the date they began to bind)");
    if (t.signed_on && t.in_force && t.in_force < t.signed_on)
      fail(reader, rec, c_force, "in_force: before the signature date");
    if (t.ended && t.in_force && t.ended < t.in_force) fail(reader, rec, c_ended, "ended: before entry into force");
    if (t.ended && !t.in_force) fail(reader, rec, c_ended, "ended: given without an in_force date");

    const int treaty_index = static_cast<int>(batch.treaties.size());
    if (t.obligations && t.in_force <= as_of) {
      first = std::min(first, date_year(t.in_force));
      const Date end = t.ended ? std::min(t.ended, as_of) : as_of;
      for (int year = date_year(t.in_force); year <= date_year(end); ++year) {
        const Date lo = std::max(t.in_force, make_date(year, 1, 1));
        const Date hi = std::min(end, make_date(year, 12, 31));
        const auto members = members_during(parties, lo, hi);
        for (int a : members)
          for (int b : members)
            if (a != b) batch.ties.push_back({year, a, b, t.obligations, treaty_index});
      }
    }
    batch.treaties.push_back(std::move(t));
  }
  if (batch.treaties.empty()) throw InputError(path, rec.line, 1, "no treaties after the header");
  batch.first_year = first == 9999 ? date_year(as_of) : first;
  batch.last_year = date_year(as_of);
  batch.notes.push_back(
      "treaty file: each row binds every pair of its parties, in both directions, in every year it is in force "
      "at any time; treaties still in force run to " +
      format_date(as_of) + ". A partial source: years no complete source covers are known only where a treaty speaks.");
  return batch;
}

std::string detect_alliance_format(const std::string& path) {
  std::string header = header_text(path);
  CsvReader reader(path, header);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  if ((io::find_column(rec, "ccode1") >= 0 || io::find_column(rec, "stateA") >= 0) && io::find_column(rec, "year") >= 0)
    return "atop";
  if (io::find_column(rec, "parties") >= 0 && io::find_column(rec, "obligations") >= 0) return "treaties";
  throw InputError(path, 1, 1,
                   "not an alliance file: expected ATOP dyad-years (ccode1, ccode2, year, ...) or a treaty file "
                   "(name, parties, signed, in_force, ended, obligations, source)");
}

AllianceBatch import_alliance_file(const std::string& path, const std::string& source_name, Date as_of) {
  const std::string format = detect_alliance_format(path);
  AllianceBatch batch = format == "atop" ? import_atop(path) : import_treaties(path, as_of);
  if (!source_name.empty()) batch.source_name = source_name;
  return batch;
}

}  // namespace rostrum::alliances
