// China's counter-sanctions and export-control listings (OpenSanctions'
// extraction of MFA, MOFCOM and Taiwan Affairs Office announcements), one CSV row
// per listing: Type, QID, Name, Alias, Chinese name, Country, Topics, Summary,
// Chinese summary, Body, List, Date, End date, Source URL, Address.
#include <algorithm>
#include <cctype>
#include <optional>

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "registry/registry.hpp"
#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/import.hpp"
#include "sanctions/import_common.hpp"

namespace rostrum::sanctions {
namespace {

bool has_word(const std::string& folded, std::initializer_list<const char*> words) {
  std::string_view text(folded);
  for (const char* w : words) {
    std::string_view word(w);
    for (std::size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
      bool start = p == 0 || text[p - 1] == ' ';
      bool end = p + word.size() == text.size() || text[p + word.size()] == ' ';
      if (start && end) return true;
    }
  }
  return false;
}

// "DD.MM.YY" with a valid day, read as 20YY.
std::optional<Date> two_digit_year_date(std::string_view s) {
  if (s.size() != 8 || s[2] != '.' || s[5] != '.') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u, 6u, 7u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  std::string full = std::string(s.substr(0, 6)) + "20" + std::string(s.substr(6));
  return parse_day(full);
}

// The year of the announcement in its URL ("/202007/t20200713_...", "/2021/04/15/"),
// 0 when the URL carries none.
int url_year(std::string_view url) {
  for (std::size_t i = 0; i + 6 < url.size(); ++i) {
    bool slash = url[i] == '/' || url[i] == 't';
    if (!slash || url[i + 1] != '2' || url[i + 2] != '0') continue;
    std::size_t n = 0;
    while (i + 1 + n < url.size() && std::isdigit(static_cast<unsigned char>(url[i + 1 + n]))) ++n;
    if (n == 6 || n == 8 || (n == 4 && i + 5 < url.size() && url[i + 5] == '/')) {
      int year = (url[i + 1] - '0') * 1000 + (url[i + 2] - '0') * 100 + (url[i + 3] - '0') * 10 + (url[i + 4] - '0');
      if (year >= 2000 && year <= 2099) return year;
    }
  }
  return 0;
}

}  // namespace

// The sector of a Chinese listing, from the instrument and the words of the name
// and summary (docs/sanctions.md, "Counter-sanctions"). The first rule that holds wins.
std::string cn_sector(std::string_view type, std::string_view list_name, std::string_view topics, std::string_view name,
                      std::string_view summary) {
  std::string lists = registry::fold_name(list_name);
  std::string text = registry::fold_name(std::string(name) + " " + std::string(summary));
  if (topics == "export.control" || lists.find("export control") != std::string::npos || lists == "uel" ||
      lists.find("military") != std::string::npos ||
      has_word(text,
               {"defense",  "defence",   "aerospace", "missile",      "missiles", "weapons",   "military", "arms",
                "armament", "munitions", "drone",     "drones",       "unmanned", "tactical",  "lockheed", "raytheon",
                "northrop", "dynamics",  "boeing",    "shipbuilding", "avionics", "ballistic", "radar"}))
    return "defence industry";
  if (lists.find("taiwan independence") != std::string::npos ||
      has_word(text, {"senator",    "congressman",  "congresswoman", "congress", "representative", "mp",
                      "parliament", "minister",     "official",      "lawmaker", "legislator",     "legislative",
                      "politician", "commissioner", "mayor",         "governor", "secretary",      "ambassador",
                      "speaker",    "government",   "party",         "uscirf"}))
    return "politics and government";
  if (has_word(text, {"democracy", "democratic", "rights",     "freedom",    "watch",    "advocacy",
                      "ngo",       "media",      "news",       "journalist", "research", "researcher",
                      "institute", "foundation", "university", "think",      "tank",     "project",
                      "council",   "committee",  "center",     "centre",     "lawyer",   "counsel"}))
    return "civil society, media and research";
  if (type == "Company") return "business";
  return type == "Person" ? "other persons" : "other organisations";
}

SanctionsList read_cn_csv(const std::string& path) {
  SanctionsList list;
  list.issuer = "CN";
  list.key = "cn-counter";
  list.name = "China's counter-sanctions and export-control listings";
  list.format = "cn-csv";
  list.paths.push_back(path);
  std::string data = io::read_file(path);
  io::CsvReader reader(path, data);
  io::CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "header: empty file");
  detail::check_utf8(rec, path);
  auto need = [&](const char* name) {
    int i = io::find_column(rec, name);
    if (i < 0) throw InputError(path, rec.line, 1, "header: column '" + std::string(name) + "' missing");
    return static_cast<std::size_t>(i);
  };
  auto opt = [&](const char* name) { return io::find_column(rec, name); };
  std::size_t c_type = need("Type"), c_name = need("Name"), c_country = need("Country"), c_date = need("Date");
  int c_alias = opt("Alias"), c_chinese = opt("Chinese name"), c_topics = opt("Topics"), c_summary = opt("Summary"),
      c_body = opt("Body"), c_list = opt("List"), c_end = opt("End date"), c_url = opt("Source URL");
  std::size_t width = rec.size();
  auto get = [&](int i) {
    return i < 0 ? std::string() : std::string(detail::trim(rec.fields[static_cast<std::size_t>(i)]));
  };
  int row = 0;
  std::vector<std::string> unparsed;
  std::int64_t short_years = 0, short_corroborated = 0;
  // Two-digit years ("13.07.20") are 20YY: the file's four-digit dates run from
  // 2019, and each is checked against the year in the announcement's URL where
  // it has one; a disagreement is reported and the date not used.
  // `after`: for the end date, the listing date it must not precede (the URL dates
  // the listing, not its end).
  auto read_date = [&](const std::string& text, const char* field_name, Date after) -> std::optional<Date> {
    if (text.empty()) return std::nullopt;
    if (auto d = parse_day(text)) return d;
    if (auto d = two_digit_year_date(text)) {
      if (after != 0) {
        if (*d < after) {
          unparsed.push_back(path + ":" + std::to_string(rec.line) + " " + field_name + " '" + text +
                             "' (two-digit year; would precede the listing)");
          return std::nullopt;
        }
        ++short_years;
        return d;
      }
      int y = url_year(get(c_url));
      if (y != 0 && y != date_year(*d)) {
        unparsed.push_back(path + ":" + std::to_string(rec.line) + " " + field_name + " '" + text +
                           "' (two-digit year; the announcement URL is dated " + std::to_string(y) + ")");
        return std::nullopt;
      }
      ++short_years;
      if (y != 0) ++short_corroborated;
      return d;
    }
    unparsed.push_back(path + ":" + std::to_string(rec.line) + " " + field_name + " '" + text + "'");
    return std::nullopt;
  };
  Date latest = 0;
  while (reader.next(rec)) {
    if (rec.size() != width)
      throw InputError(
          path, rec.line, 1,
          "expected " + std::to_string(width) + " fields (as in the header), found " + std::to_string(rec.size()));
    detail::check_utf8(rec, path);
    ++row;
    Entry e;
    e.key = std::to_string(row);
    std::string type = get(static_cast<int>(c_type));
    if (type == "Person")
      e.type = EntryType::person;
    else if (type == "Company" || type == "Organization")
      e.type = EntryType::organisation;
    else
      throw InputError(path, rec.line, rec.columns[c_type], "field 'Type': unknown type '" + type + "'");
    std::string name = get(static_cast<int>(c_name));
    if (name.empty()) throw InputError(path, rec.line, rec.columns[c_name], "field 'Name': empty");
    e.names.push_back(Name{NameKind::primary, name, ""});
    const std::string aliases = get(c_alias);
    for (std::size_t start = 0; start <= aliases.size();) {
      auto p = aliases.find(';', start);
      std::string a(detail::trim(
          std::string_view(aliases).substr(start, p == std::string::npos ? std::string::npos : p - start)));
      if (!a.empty()) e.names.push_back(Name{NameKind::aka, a, ""});
      if (p == std::string::npos) break;
      start = p + 1;
    }
    if (auto zh = get(c_chinese); !zh.empty()) e.names.push_back(Name{NameKind::aka, zh, ""});
    std::string country = get(static_cast<int>(c_country));
    if (!country.empty()) {
      std::string iso3 = country_iso3(country);
      if (iso3.empty())
        list.warnings.add("country not mapped", country);
      else {
        e.target = iso3;
        e.target_basis = "country";
        e.address_countries.push_back(iso3);
      }
    }
    std::string body = get(c_body), list_name = get(c_list), topics = get(c_topics), summary = get(c_summary);
    e.programmes.push_back(list_name.empty() ? (body.empty() ? "unnamed" : body) : list_name);
    e.sector = cn_sector(type, list_name, topics, name, summary);
    Date listed = 0;
    if (auto d = read_date(get(static_cast<int>(c_date)), "Date", 0)) {
      e.events.push_back(Event{EventKind::listed, *d, *d, body});
      latest = std::max(latest, *d);
      listed = *d;
    }
    if (auto d = read_date(get(c_end), "End date", listed ? listed : 1))
      e.events.push_back(Event{EventKind::delisted, *d, *d, "End date"});
    e.remarks = summary;
    e.detail = body;
    if (!list_name.empty()) e.detail.append("; ").append(list_name);
    if (const std::string url = get(c_url); !url.empty()) e.detail.append("; ").append(url);
    e.origin = detail::origin(detail::base_name(path), rec.line);
    detail::finish_entry(e, list);
    list.entries.push_back(std::move(e));
  }
  for (const auto& u : unparsed) list.notes.push_back("date not understood (not used): " + u);
  if (short_years > 0)
    list.notes.push_back(std::to_string(short_years) + " dates written DD.MM.YY read as 20YY (" +
                         std::to_string(short_corroborated) +
                         " listing dates agree with the year of the announcement's URL; the others have no dated URL "
                         "or are end dates, checked to follow the listing)");
  list.notes.push_back(
      "entry id = the row number; target = the listed party's Country; sector by the rules of docs/sanctions.md");
  list.as_of = latest;
  list.as_of_basis = latest ? "latest-listing" : "";
  return list;
}

}  // namespace rostrum::sanctions
