// EU sanctions as extracted from the Official Journal, one CSV per regulation
// (CELEX number), packed in a tar.gz (read with libarchive) or given one by one.
// Columns are read by name; celex, recordId, programKey, annex, measure,
// startDate, schema and name are required.
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/identifiers.hpp"
#include "sanctions/import.hpp"
#include "sanctions/import_common.hpp"
#include "sanctions/ofac_remarks.hpp"

namespace rostrum::sanctions {
namespace {

struct Piece {
  std::string text;        // the value without its parenthesised annotation
  std::string annotation;  // text in the first parentheses after it, "" when none
};

std::string strip_quotes(std::string_view s) {
  s = detail::trim(s);
  while (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = detail::trim(s.substr(1, s.size() - 2));
  return std::string(s);
}

// "(a) X (note); (b) Y, (c) Z" -> {X, note}, {Y}, {Z}. Enumeration markers "(a)" or
// "a)" and the separators ';' and ',' (and " or " when `or_separates`) split values.
std::vector<Piece> split_enumeration(std::string_view raw, bool or_separates) {
  std::string s = strip_quotes(raw);
  std::string marked;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool at_word = i == 0 || s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == ';';
    if (s[i] == '(' && i + 2 < s.size() && s[i + 2] == ')' && std::islower(static_cast<unsigned char>(s[i + 1])) &&
        at_word) {
      marked += ';';
      i += 2;
    } else if (at_word && i + 1 < s.size() && s[i + 1] == ')' && std::islower(static_cast<unsigned char>(s[i])) &&
               (i + 2 == s.size() || s[i + 2] == ' ')) {
      marked += ';';
      i += 1;
    } else {
      marked += s[i];
    }
  }
  if (or_separates) {
    std::string split;
    std::string_view m(marked);
    for (std::size_t p = 0; p < m.size();) {
      if (m.substr(p, 4) == " or ") {
        split += ';';
        p += 4;
      } else {
        split += m[p++];
      }
    }
    marked = std::move(split);
  }
  std::vector<Piece> out;
  for (auto part : split_outside_parentheses(marked, ';')) {
    for (auto sub : split_outside_parentheses(part, ',')) {
      std::string_view t = detail::trim(sub);
      if (t.empty()) continue;
      Piece piece;
      auto open = t.find('(');
      if (open == std::string_view::npos) {
        piece.text = std::string(t);
      } else {
        piece.text = std::string(detail::trim(t.substr(0, open)));
        auto close = t.find(')', open);
        piece.annotation = std::string(
            t.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
      }
      if (!piece.text.empty()) out.push_back(std::move(piece));
    }
  }
  return out;
}

// Alias lists: "A (Кириллица); B" -> A, Кириллица, B. A parenthesis holding no
// ASCII letter is the name in another script; other parentheses stay in the name.
std::vector<std::string> split_aliases(std::string_view raw) {
  std::vector<std::string> out;
  const std::string text = strip_quotes(raw);
  for (auto part : split_outside_parentheses(text, ';')) {
    std::string t(detail::trim(part));
    if (t.empty()) continue;
    auto open = t.find('(');
    auto close = t.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
      std::string inner = t.substr(open + 1, close - open - 1);
      bool ascii_letters = std::any_of(inner.begin(), inner.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80;
      });
      if (!ascii_letters && !inner.empty()) {
        out.push_back(std::string(detail::trim(t.substr(0, open))) + std::string(detail::trim(t.substr(close + 1))));
        out.push_back(inner);
        continue;
      }
    }
    out.push_back(t);
  }
  return out;
}

EntryType schema_type(std::string_view schema) {
  if (schema == "Person") return EntryType::person;
  if (schema == "LegalEntity" || schema == "Company" || schema == "Organization") return EntryType::organisation;
  if (schema == "Vessel") return EntryType::vessel;
  if (schema == "Airplane" || schema == "Aircraft") return EntryType::aircraft;
  if (schema == "Asset") return EntryType::unknown;  // ports, airports, a currency: listed objects, not parties
  throw std::invalid_argument("schema");
}

struct Columns {
  int celex = -1, record = -1, programme = -1, annex = -1, measure = -1, start = -1, schema = -1, name = -1;
  int alias = -1, weak = -1, previous = -1, country = -1, nationality = -1, birth = -1, passport = -1, id = -1,
      tax = -1, inn = -1, ogrn = -1, okpo = -1, registration = -1, lei = -1, swift = -1, imo = -1, mmsi = -1, flag = -1,
      reason = -1, legal_form = -1, sector = -1, address = -1;
};

class EuReader {
 public:
  explicit EuReader(SanctionsList& list) : list_(list) {}

  void read_csv(const std::string& display, std::string_view data) {
    io::CsvReader reader(display, data);
    io::CsvRecord rec;
    if (!reader.next(rec)) return;  // an empty regulation file (its annexes list nobody)
    detail::check_utf8(rec, display);
    Columns c;
    auto need = [&](const char* name) {
      int i = io::find_column(rec, name);
      if (i < 0) throw InputError(display, rec.line, 1, "header: column '" + std::string(name) + "' missing");
      return i;
    };
    auto opt = [&](const char* name) { return io::find_column(rec, name); };
    c.celex = need("celex");
    c.record = need("recordId");
    c.programme = need("programKey");
    c.annex = need("annex");
    c.measure = need("measure");
    c.start = need("startDate");
    c.schema = need("schema");
    c.name = need("name");
    c.alias = opt("alias");
    c.weak = opt("weakAlias");
    c.previous = opt("previousName");
    c.country = opt("country");
    c.nationality = opt("nationality");
    c.birth = opt("birthDate");
    c.passport = opt("passportNumber");
    c.id = opt("idNumber");
    c.tax = opt("taxNumber");
    c.inn = opt("innCode");
    c.ogrn = opt("ogrnCode");
    c.okpo = opt("okpoCode");
    c.registration = opt("registrationNumber");
    c.lei = opt("leiCode");
    c.swift = opt("swiftBic");
    c.imo = opt("imoNumber");
    c.mmsi = opt("mmsi");
    c.flag = opt("flag");
    c.reason = opt("reason");
    c.legal_form = opt("legalForm");
    c.sector = opt("sector");
    c.address = opt("address");
    std::size_t width = rec.size();
    std::map<std::string, int> ordinal;  // per celex:annex, for rows without a recordId
    while (reader.next(rec)) {
      if (rec.size() != width)
        throw InputError(
            display, rec.line, 1,
            "expected " + std::to_string(width) + " fields (as in the header), found " + std::to_string(rec.size()));
      detail::check_utf8(rec, display);
      read_row(display, rec, c, ordinal);
    }
  }

  void finish() {
    for (auto& e : list_.entries) detail::finish_entry(e, list_);
    if (!unparsed_start_.empty()) {
      for (const auto& u : unparsed_start_)
        list_.notes.push_back("startDate not understood (no listing date kept): " + u);
    }
    list_.notes.push_back(std::to_string(no_start_) + " rows have no startDate (no listing date)");
    list_.notes.push_back(
        "entry id = celex:annex/recordId (recordId restarts in each annex; a row without one is #n, n its place among "
        "the rows of its annex)");
    list_.notes.push_back("startDate shapes read: D.M.YYYY, DD.MM.YYYY, D Month YYYY, D Mon. YYYY, YYYY-MM-DD");
  }

 private:
  std::string field(const io::CsvRecord& rec, int i) const {
    if (i < 0) return "";
    return std::string(detail::trim(rec.fields[static_cast<std::size_t>(i)]));
  }

  void add_ids(Entry& e, const std::string& text, const std::string& kind, const std::string& default_country) {
    if (text.empty()) return;
    for (const auto& piece : split_enumeration(text, false)) {
      std::string k = kind, country = default_country;
      std::string note = piece.annotation;
      if (!note.empty()) {
        if (note.find("INN") != std::string::npos) {
          k = "tax_id";
          country = "RUS";
        } else if (note.find("OGRN") != std::string::npos) {
          k = "ogrn";
          country = "RUS";
        } else if (note.find("KPP") != std::string::npos) {
          continue;
        } else if (note.find("USCC") != std::string::npos) {
          country = "CHN";
        } else if (note.size() <= 3) {
          // "(ID)", "(CRI)", "(BRN)": the register's abbreviation, not a country
        } else if (auto iso3 = country_iso3(note); !iso3.empty()) {
          country = iso3;
        } else if (auto sp = note.find(' '); sp != std::string::npos) {
          if (auto iso = country_iso3(note.substr(0, sp)); !iso.empty())
            country = iso;  // "Moroccan passport issued ..."
        }
      }
      if (auto id = make_identifier(k, number_in_text(piece.text), country,
                                    piece.text + (note.empty() ? "" : " (" + note + ")"), false))
        e.ids.push_back(std::move(*id));
    }
  }

  void read_row(const std::string& display, const io::CsvRecord& rec, const Columns& c,
                std::map<std::string, int>& ordinal) {
    Entry e;
    std::string celex = field(rec, c.celex), annex = field(rec, c.annex), record = field(rec, c.record);
    if (celex.empty())
      throw InputError(display, rec.line, rec.columns[static_cast<std::size_t>(c.celex)], "field 'celex': empty");
    std::string scope = celex + ":" + annex;
    int n = ++ordinal[scope];
    e.key = scope + "/" + (record.empty() ? "#" + std::to_string(n) : record);
    std::string schema = field(rec, c.schema);
    try {
      e.type = schema_type(schema);
    } catch (const std::invalid_argument&) {
      throw InputError(display, rec.line, rec.columns[static_cast<std::size_t>(c.schema)],
                       "field 'schema': unknown schema '" + schema + "'");
    }
    std::string name = strip_quotes(field(rec, c.name));
    if (name.empty())
      throw InputError(display, rec.line, rec.columns[static_cast<std::size_t>(c.name)], "field 'name': empty");
    // "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL); GREAT LAKES BUSINESS COMPANY (GLBC)":
    // one entry under two names; the first is primary.
    auto name_parts = split_aliases(name);
    if (name_parts.empty()) name_parts.push_back(name);
    e.names.push_back(Name{NameKind::primary, name_parts.front(), ""});
    for (std::size_t i = 1; i < name_parts.size(); ++i) e.names.push_back(Name{NameKind::aka, name_parts[i], ""});
    for (const auto& a : split_aliases(field(rec, c.alias))) e.names.push_back(Name{NameKind::aka, a, ""});
    for (const auto& a : split_aliases(field(rec, c.weak))) e.names.push_back(Name{NameKind::weak, a, ""});
    for (const auto& a : split_aliases(field(rec, c.previous))) e.names.push_back(Name{NameKind::fka, a, ""});
    if (auto p = field(rec, c.programme); !p.empty()) e.programmes.push_back(p);
    std::string start = field(rec, c.start);
    if (start.empty()) {
      ++no_start_;
    } else if (auto d = parse_day(start)) {
      e.events.push_back(Event{EventKind::listed, *d, *d, "startDate " + start});
    } else {
      unparsed_start_.push_back(display + ":" + std::to_string(rec.line) + " '" + start + "'");
    }
    for (const auto& label : split_nationalities(strip_quotes(field(rec, c.nationality)))) {
      std::string iso3 = country_iso3(label);
      if (iso3.empty())
        list_.warnings.add("nationality not mapped (not used)", label);
      else
        e.ids.push_back(Identifier{"nationality", iso3, "", label, false});
    }
    const std::string countries = field(rec, c.country);
    for (auto part : split_outside_parentheses(countries, ',')) {
      std::string label(detail::trim(part));
      if (label.empty()) continue;
      std::string iso3 = country_iso3(label);
      if (iso3.empty()) list_.warnings.add("country not mapped", label);
      e.address_countries.push_back(iso3);
    }
    // Addresses are free text; the country is the last part when it names one
    // ("19 Vavilova St., Moscow 117997, Russia"). Several addresses are separated by ';'.
    const std::string addresses = strip_quotes(field(rec, c.address));
    for (auto one : split_outside_parentheses(addresses, ';')) {
      auto parts = split_outside_parentheses(one, ',');
      std::string last(detail::trim(parts.back()));
      if (last.empty()) continue;
      if (std::string iso3 = country_iso3(last); !iso3.empty()) e.address_countries.push_back(iso3);
    }
    for (const auto& piece : split_enumeration(field(rec, c.birth), true)) {
      if (piece.annotation.find("Hijri") != std::string::npos) {
        list_.warnings.add("birthDate in the Hijri calendar (not used)", piece.text);
        continue;
      }
      // "1959/1960": alternatives, each a date of birth of its own.
      for (auto alt : split_outside_parentheses(piece.text, '/')) {
        std::string text(detail::trim(alt));
        if (text.empty()) continue;
        if (auto dob = parse_dob(text))
          e.ids.push_back(Identifier{"dob", *dob, "", piece.text, false});
        else
          list_.warnings.add("birthDate not understood (not used)", piece.text);
      }
    }
    add_ids(e, field(rec, c.passport), "passport", "");
    add_ids(e, field(rec, c.id), "national_id", "");
    add_ids(e, field(rec, c.tax), "tax_id", "");
    add_ids(e, field(rec, c.inn), "tax_id", "RUS");
    add_ids(e, field(rec, c.ogrn), "ogrn", "RUS");
    add_ids(e, field(rec, c.okpo), "okpo", "RUS");
    add_ids(e, field(rec, c.registration), "registration", "");
    add_ids(e, field(rec, c.lei), "lei", "");
    add_ids(e, field(rec, c.swift), "swift", "");
    add_ids(e, field(rec, c.imo), "imo", "");
    add_ids(e, field(rec, c.mmsi), "mmsi", "");
    e.remarks = field(rec, c.reason);
    std::string detail = "annex " + annex + "; " + field(rec, c.measure);
    for (auto [label, col] :
         {std::pair{"legal form", c.legal_form}, std::pair{"sector", c.sector}, std::pair{"flag", c.flag}})
      if (auto v = field(rec, col); !v.empty()) detail += "; " + std::string(label) + ": " + v;
    e.detail = detail;
    e.origin = display + ":" + std::to_string(rec.line);
    if (!keys_.emplace(e.key, rec.line).second)
      throw InputError(display, rec.line, rec.columns[static_cast<std::size_t>(c.record)],
                       "field 'recordId': " + e.key + " appears twice");
    list_.entries.push_back(std::move(e));
  }

  SanctionsList& list_;
  std::unordered_map<std::string, std::uint64_t> keys_;
  std::vector<std::string> unparsed_start_;
  std::int64_t no_start_ = 0;
};

// "eu.tar.gz:32014R0269.csv": how messages name a member of the archive.
std::string member_path(const std::string& archive, const std::string& member) {
  std::string out = archive;
  out.append(":").append(member);
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

SanctionsList read_eu_journal(const std::string& path) {
  SanctionsList list;
  list.issuer = "EU";
  list.key = "eu-journal";
  list.name = "EU sanctions by regulation (Official Journal)";
  list.format = "eu-journal";
  list.paths.push_back(path);
  EuReader reader(list);
  std::string bytes = io::read_file(path);  // gunzips a .tar.gz to the tar stream
  bool is_tar = bytes.size() > 262 && bytes.compare(257, 5, "ustar") == 0;
  if (!is_tar) {
    reader.read_csv(path, bytes);
  } else {
    std::unique_ptr<archive, int (*)(archive*)> a(archive_read_new(), archive_read_free);
    archive_read_support_format_tar(a.get());
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
      throw InputError(path, 0, 0, std::string("archive: ") + archive_error_string(a.get()));
    // Members in name order, so that entry order does not depend on how the archive was packed.
    std::map<std::string, std::string> members;
    archive_entry* entry = nullptr;
    int rc;
    while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
      std::string name = archive_entry_pathname(entry);
      if (archive_entry_filetype(entry) != AE_IFREG) continue;
      std::string content;
      auto size = archive_entry_size(entry);
      if (size > 0) content.resize(static_cast<std::size_t>(size));
      la_ssize_t got = size > 0 ? archive_read_data(a.get(), content.data(), content.size()) : 0;
      if (got < 0 || got != size) throw InputError(member_path(path, name), 0, 0, "archive: member cannot be read");
      if (!ends_with(name, ".csv")) {
        list.warnings.add("archive member that is not a CSV (ignored)", name);
        continue;
      }
      members.emplace(name, std::move(content));
    }
    if (rc != ARCHIVE_EOF) throw InputError(path, 0, 0, std::string("archive: ") + archive_error_string(a.get()));
    if (members.empty()) throw InputError(path, 0, 0, "archive: no CSV member");
    for (const auto& [name, content] : members) reader.read_csv(member_path(path, name), content);
  }
  reader.finish();
  Date latest = 0;
  for (const auto& e : list.entries)
    for (const auto& ev : e.events) latest = std::max(latest, ev.date);
  list.as_of = latest;
  list.as_of_basis = latest ? "latest-listing" : "";
  return list;
}

}  // namespace rostrum::sanctions
