// OFAC's legacy CSV layout (sdn.csv, add.csv, alt.csv, sdn_comments.csv and the
// consolidated cons_* files) and the daily SDN history built from it.
//
// Layout (Treasury's "SDN data specification", legacy CSV; no header, `-0-` =
// empty): sdn: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
// Tonnage, GRT, Vess_flag, Vess_owner, Remarks. add: ent_num, add_num, address,
// city/state/postal, country, add_remarks. alt: ent_num, alt_num, alt_type
// (aka/fka/nka), alt_name, alt_remarks. sdn_comments: ent_num, the remarks' overflow
// (appended to the remarks as is). Programmes are joined by "] [". The files end
// with a DOS end-of-file byte (0x1A) on a line of its own, which is skipped.
#include <filesystem>
#include <map>
#include <unordered_map>

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/import.hpp"
#include "sanctions/import_common.hpp"
#include "sanctions/ofac_remarks.hpp"

namespace rostrum::sanctions {
namespace {

using detail::ofac_field;

constexpr std::size_t kSdnFields = 12;

bool is_dos_eof(const io::CsvRecord& rec) { return rec.size() == 1 && rec.fields[0] == "\x1A"; }

std::int64_t parse_ent_num(std::string_view text, const std::string& file, std::uint64_t line, std::uint64_t col,
                           std::string_view field) {
  auto t = detail::trim(text);
  std::int64_t v = 0;
  if (t.empty() || t.size() > 12)
    throw InputError(file, line, col,
                     "field '" + std::string(field) + "': '" + std::string(t) + "' is not an entry number");
  for (char c : t) {
    if (c < '0' || c > '9')
      throw InputError(file, line, col,
                       "field '" + std::string(field) + "': '" + std::string(t) + "' is not an entry number");
    v = v * 10 + (c - '0');
  }
  return v;
}

void expect_fields(const io::CsvRecord& rec, std::size_t n, const std::string& file) {
  if (rec.size() != n)
    throw InputError(file, rec.line, 1,
                     "expected " + std::to_string(n) + " fields, found " + std::to_string(rec.size()));
}

std::vector<std::string> split_programmes(std::string_view text) {
  std::vector<std::string> out;
  std::string t = ofac_field(text);
  std::size_t start = 0;
  while (start <= t.size()) {
    auto p = t.find("] [", start);
    std::string part = std::string(
        detail::trim(std::string_view(t).substr(start, p == std::string::npos ? std::string::npos : p - start)));
    if (!part.empty() && part.front() == '[') part.erase(0, 1);
    if (!part.empty() && part.back() == ']') part.pop_back();
    if (!part.empty()) out.push_back(part);
    if (p == std::string::npos) break;
    start = p + 3;
  }
  return out;
}

// One sdn-layout row (12 fields starting at `first`) as an entry; remarks are
// parsed later, once comments are appended.
Entry row_to_entry(const io::CsvRecord& rec, std::size_t first, const std::string& file) {
  Entry e;
  const auto& f = rec.fields;
  e.key = std::to_string(parse_ent_num(f[first], file, rec.line, rec.columns[first], "ent_num"));
  std::string name = ofac_field(f[first + 1]);
  if (name.empty()) throw InputError(file, rec.line, rec.columns[first + 1], "field 'SDN_Name': empty");
  e.names.push_back(Name{NameKind::primary, name, ""});
  std::string type = ofac_field(f[first + 2]);
  if (type.empty())
    e.type = EntryType::organisation;
  else if (type == "individual")
    e.type = EntryType::person;
  else if (type == "vessel")
    e.type = EntryType::vessel;
  else if (type == "aircraft")
    e.type = EntryType::aircraft;
  else
    throw InputError(file, rec.line, rec.columns[first + 2], "field 'SDN_Type': unknown type '" + type + "'");
  e.programmes = split_programmes(f[first + 3]);
  std::string detail;
  auto add_detail = [&](const char* label, std::string_view v) {
    std::string s = ofac_field(v);
    if (s.empty()) return;
    if (!detail.empty()) detail += "; ";
    detail += std::string(label) + ": " + s;
  };
  add_detail("title", f[first + 4]);
  add_detail("call sign", f[first + 5]);
  add_detail("vessel type", f[first + 6]);
  add_detail("tonnage", f[first + 7]);
  add_detail("GRT", f[first + 8]);
  add_detail("flag", f[first + 9]);
  add_detail("owner", f[first + 10]);
  e.detail = detail;
  e.remarks = ofac_field(f[first + 11]);
  e.origin = detail::origin(detail::base_name(file), rec.line);
  return e;
}

void apply_remarks(Entry& e, SanctionsList& list) {
  if (e.remarks.empty()) return;
  auto r = parse_ofac_remarks(e.remarks);
  for (auto& n : r.aliases) e.names.push_back(std::move(n));
  for (auto& id : r.ids) e.ids.push_back(std::move(id));
  for (auto& l : r.links) e.links.push_back(std::move(l));
  for (auto& u : r.unreadable) list.warnings.add("remark not understood (kept in the remarks text)", e.key + ": " + u);
}

std::string sibling(const std::string& primary, const std::string& name) {
  auto dir = std::filesystem::path(primary).parent_path();
  return io::find_plain_or_gz((dir / name).string());
}

}  // namespace

SanctionsList read_ofac_legacy(const std::string& primary, const ImportOptions& options) {
  std::string base = detail::base_name(primary);
  bool cons = base.rfind("cons_", 0) == 0;
  SanctionsList list;
  list.issuer = "US";
  list.format = "ofac-legacy";
  list.key = cons ? "ofac-cons" : "ofac-sdn";
  list.name = cons ? "OFAC consolidated (non-SDN) sanctions lists" : "OFAC Specially Designated Nationals (SDN) list";
  list.paths.push_back(primary);
  if (options.as_of) {
    list.as_of = options.as_of;
    list.as_of_basis = "given";
  } else {
    list.notes.push_back("the legacy CSV states no date: the snapshot date is unknown (give it with --as-of)");
  }

  std::unordered_map<std::string, std::size_t> index;
  {
    std::string data = io::read_file(primary);
    io::CsvReader reader(primary, data);
    io::CsvRecord rec;
    while (reader.next(rec)) {
      if (is_dos_eof(rec)) continue;
      expect_fields(rec, kSdnFields, primary);
      detail::check_utf8(rec, primary);
      Entry e = row_to_entry(rec, 0, primary);
      if (!index.emplace(e.key, list.entries.size()).second)
        throw InputError(primary, rec.line, rec.columns[0], "field 'ent_num': entry " + e.key + " appears twice");
      list.entries.push_back(std::move(e));
    }
  }
  const std::string prefix = cons ? "cons_" : "";
  auto find_entry = [&](const io::CsvRecord& rec, const std::string& file) -> Entry& {
    std::string key = std::to_string(parse_ent_num(rec.fields[0], file, rec.line, rec.columns[0], "ent_num"));
    auto it = index.find(key);
    if (it == index.end())
      throw InputError(file, rec.line, rec.columns[0],
                       "field 'ent_num': entry " + key + " is not in " + detail::base_name(primary));
    return list.entries[it->second];
  };

  if (auto path = sibling(primary, cons ? "cons_comments.csv" : "sdn_comments.csv"); !path.empty()) {
    list.paths.push_back(path);
    std::string data = io::read_file(path);
    io::CsvReader reader(path, data);
    io::CsvRecord rec;
    std::int64_t unknown = 0;
    while (reader.next(rec)) {
      if (is_dos_eof(rec)) continue;
      expect_fields(rec, 2, path);
      detail::check_utf8(rec, path);
      std::string key = std::to_string(parse_ent_num(rec.fields[0], path, rec.line, rec.columns[0], "ent_num"));
      auto it = index.find(key);
      if (it == index.end()) {
        // The comments file can be newer than the list it accompanies.
        list.warnings.add("comment for an entry not in the list (ignored)",
                          detail::base_name(path) + ":" + std::to_string(rec.line) + " ent_num " + key);
        ++unknown;
        continue;
      }
      list.entries[it->second].remarks += std::string(rec.fields[1]);
    }
    if (unknown > 0)
      list.notes.push_back(std::to_string(unknown) + " remark continuations in " + detail::base_name(path) +
                           " name entries the list does not hold (the file is from another date); ignored");
  }
  if (auto path = sibling(primary, prefix + "alt.csv"); !path.empty()) {
    list.paths.push_back(path);
    std::string data = io::read_file(path);
    io::CsvReader reader(path, data);
    io::CsvRecord rec;
    while (reader.next(rec)) {
      if (is_dos_eof(rec)) continue;
      expect_fields(rec, 5, path);
      detail::check_utf8(rec, path);
      Entry& e = find_entry(rec, path);
      std::string type = ofac_field(rec.fields[2]);
      NameKind kind;
      if (type == "aka" || type == "nka")
        kind = NameKind::aka;
      else if (type == "fka")
        kind = NameKind::fka;
      else
        throw InputError(path, rec.line, rec.columns[2], "field 'alt_type': unknown alias type '" + type + "'");
      std::string name = ofac_field(rec.fields[3]);
      if (name.empty()) throw InputError(path, rec.line, rec.columns[3], "field 'alt_name': empty");
      e.names.push_back(Name{kind, name, ""});
    }
  }
  if (auto path = sibling(primary, prefix + "add.csv"); !path.empty()) {
    list.paths.push_back(path);
    std::string data = io::read_file(path);
    io::CsvReader reader(path, data);
    io::CsvRecord rec;
    while (reader.next(rec)) {
      if (is_dos_eof(rec)) continue;
      expect_fields(rec, 6, path);
      detail::check_utf8(rec, path);
      Entry& e = find_entry(rec, path);
      std::string country = ofac_field(rec.fields[4]);
      if (country.empty()) continue;
      std::string iso3 = country_iso3(country);
      if (iso3.empty()) list.warnings.add("address country not mapped", country);
      e.address_countries.push_back(iso3);
    }
  }
  for (auto& e : list.entries) {
    apply_remarks(e, list);
    detail::finish_entry(e, list);
  }
  list.notes.push_back("a.k.a. names in the remarks are OFAC's weak aliases (strong ones are in alt.csv)");
  return list;
}

// The history: the list on the base day, then one change set per daily snapshot.
// An entry's "listed" event is the first snapshot holding it (date) and the day
// after the previous snapshot (date_lo); entries already in the base list were
// listed on or before the base day (date_lo = 0). Removals are "delisted" events
// dated the same way; changes are "amended" events naming the fields that changed.
SanctionsList read_ofac_history(const std::string& base) {
  SanctionsList list;
  list.issuer = "US";
  list.format = "ofac-history";
  list.key = "ofac-sdn-history";
  list.name = "OFAC SDN list with its daily history";
  list.paths.push_back(base);
  std::string stem = detail::base_name(base);
  // sdn_base_YYYY-MM-DD.csv[.gz]: the base day is only in the file name.
  Date base_day = 0;
  if (stem.rfind("sdn_base_", 0) == 0 && stem.size() >= 19) base_day = parse_day(stem.substr(9, 10)).value_or(0);
  if (!base_day) throw InputError(base, 0, 0, "file name: the base day must be in the name as sdn_base_YYYY-MM-DD.csv");

  std::unordered_map<std::string, std::size_t> index;
  std::map<std::string, bool> active;
  {
    std::string data = io::read_file(base);
    io::CsvReader reader(base, data);
    io::CsvRecord rec;
    while (reader.next(rec)) {
      if (is_dos_eof(rec)) continue;
      expect_fields(rec, kSdnFields, base);
      detail::check_utf8(rec, base);
      Entry e = row_to_entry(rec, 0, base);
      if (!index.emplace(e.key, list.entries.size()).second)
        throw InputError(base, rec.line, rec.columns[0], "field 'ent_num': entry " + e.key + " appears twice");
      e.events.push_back(Event{EventKind::listed, base_day, 0, "in the list on " + format_date(base_day)});
      active[e.key] = true;
      list.entries.push_back(std::move(e));
    }
  }
  std::string changes = io::find_plain_or_gz((std::filesystem::path(base).parent_path() / "sdn_changes.csv").string());
  if (changes.empty()) throw InputError(base, 0, 0, "file: sdn_changes.csv(.gz) must be beside the base list");
  list.paths.push_back(changes);
  Date previous = base_day, current = base_day, last = base_day;
  std::int64_t adds = 0, removes = 0, amends = 0;
  std::string data = io::read_file(changes);
  io::CsvReader reader(changes, data);
  io::CsvRecord rec;
  while (reader.next(rec)) {
    if (is_dos_eof(rec)) continue;
    expect_fields(rec, kSdnFields + 2, changes);
    detail::check_utf8(rec, changes);
    auto day = parse_day(rec.fields[0]);
    if (!day)
      throw InputError(changes, rec.line, rec.columns[0],
                       "field 'date': '" + std::string(rec.fields[0]) + "' is not a date (YYYY-MM-DD)");
    if (*day < current)
      throw InputError(changes, rec.line, rec.columns[0],
                       "field 'date': " + format_date(*day) + " comes after " + format_date(current) +
                           " (the log must be in date order)");
    if (*day <= base_day)
      throw InputError(changes, rec.line, rec.columns[0],
                       "field 'date': " + format_date(*day) + " is not after the base day " + format_date(base_day));
    if (*day > current) {
      previous = current;
      current = *day;
    }
    last = current;
    std::string op(detail::trim(rec.fields[1]));
    Entry row = row_to_entry(rec, 2, changes);
    const std::string key = row.key;
    auto it = index.find(key);
    if (op == "add") {
      if (active[row.key])
        throw InputError(changes, rec.line, rec.columns[1],
                         "field 'op': add of entry " + row.key + ", which is already listed");
      ++adds;
      Event ev{EventKind::listed, current, next_day(previous), "first seen in the snapshot of " + format_date(current)};
      if (it == index.end()) {
        row.events.push_back(ev);
        index.emplace(row.key, list.entries.size());
        list.entries.push_back(std::move(row));
      } else {
        Entry& e = list.entries[it->second];
        auto events = std::move(e.events);
        events.push_back(ev);
        e = std::move(row);
        e.events = std::move(events);
      }
      active[key] = true;
    } else if (op == "change" || op == "remove") {
      if (it == index.end() || !active[row.key])
        throw InputError(changes, rec.line, rec.columns[1],
                         "field 'op': " + op + " of entry " + row.key + ", which is not listed");
      Entry& e = list.entries[it->second];
      if (op == "remove") {
        ++removes;
        e.events.push_back(Event{EventKind::delisted, current, next_day(previous),
                                 "gone from the snapshot of " + format_date(current)});
        active[row.key] = false;
      } else {
        ++amends;
        std::string what;
        auto differ = [&](const char* label, bool changed) {
          if (!changed) return;
          if (!what.empty()) what += ", ";
          what += label;
        };
        differ("name", e.names.front().text != row.names.front().text);
        differ("type", e.type != row.type);
        differ("programmes", e.programmes != row.programmes);
        differ("vessel or title fields", e.detail != row.detail);
        differ("remarks", e.remarks != row.remarks);
        // A renamed entry keeps its earlier names as "formerly known as".
        std::vector<Name> former;
        for (const auto& n : e.names)
          if (n.kind == NameKind::primary || n.kind == NameKind::fka) former.push_back(Name{NameKind::fka, n.text, ""});
        auto events = std::move(e.events);
        events.push_back(
            Event{EventKind::amended, current, next_day(previous), what.empty() ? "changed" : what + " changed"});
        e = std::move(row);
        e.events = std::move(events);
        for (auto& n : former)
          if (n.text != e.names.front().text) e.names.push_back(std::move(n));
      }
    } else {
      throw InputError(changes, rec.line, rec.columns[1], "field 'op': '" + op + "' is not add, change or remove");
    }
  }
  for (auto& e : list.entries) {
    apply_remarks(e, list);
    detail::finish_entry(e, list);
  }
  list.as_of = last;
  list.as_of_basis = "stated";
  list.notes.push_back("base list of " + format_date(base_day) + " and daily changes to " + format_date(last) + ": " +
                       std::to_string(adds) + " additions, " + std::to_string(amends) + " changes, " +
                       std::to_string(removes) + " removals");
  list.notes.push_back(
      "a listing date is the first daily snapshot holding the entry (events keep the previous snapshot's next day as "
      "the earliest possible date); entries of the base list were listed on or before " +
      format_date(base_day));
  list.notes.push_back(
      "only the sdn layout is in the history: aliases are the weak a.k.a. names of the remarks, addresses are absent");
  return list;
}

}  // namespace rostrum::sanctions
