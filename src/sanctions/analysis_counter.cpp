#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "registry/groups.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/analysis_common.hpp"

namespace rostrum::sanctions {
namespace {

const std::vector<std::string>& sectors() {
  static const std::vector<std::string> s = {
      "defence industry", "politics and government", "civil society, media and research",
      "business",         "other persons",           "other organisations"};
  return s;
}

// The sanctions issuer whose list would hold a state's own designations: the US
// for the United States, the EU for a member state on `day` (registry group EU,
// dated membership); "" otherwise.
std::string issuer_of(const std::string& iso3, Date day) {
  if (iso3 == "USA") return "US";
  if (const auto* eu = registry::find_group("EU"); eu && eu->is_member(iso3, day)) return "EU";
  return "";
}

}  // namespace

Table counter_table(const Universe& u, const CounterRequest& req) {
  detail::check_issuers(u, {"CN"}, "issuer");
  const auto& recs = u.records();
  const auto& data = u.data();
  Date as_of = 0;
  for (const auto& l : data.lists)
    if (l.issuer == "CN") as_of = std::max(as_of, l.as_of);

  struct Row {
    std::int64_t entries = 0, persons = 0, organisations = 0;
    Date first = 0, last = 0;
    std::vector<std::int64_t> by_sector = std::vector<std::int64_t>(sectors().size(), 0);
  };
  std::map<std::string, Row> rows;
  std::map<std::string, std::int64_t> instruments;
  std::int64_t total = 0;
  for (const auto& r : recs) {
    if (r.issuer != "CN") continue;
    if ((req.from && r.listed && r.listed < req.from) || (req.to && r.listed && r.listed > req.to)) continue;
    if ((req.from || req.to) && r.listed == 0) continue;
    std::string country = r.targets.empty() ? "" : r.targets.front();
    Row& row = rows[country];
    ++row.entries;
    ++total;
    (r.type == EntryType::person ? row.persons : row.organisations)++;
    if (r.listed) {
      if (row.first == 0 || r.listed < row.first) row.first = r.listed;
      row.last = std::max(row.last, r.listed);
    }
    const Entry& e = data.entries[static_cast<std::size_t>(r.entries.front())];
    auto it = std::find(sectors().begin(), sectors().end(), e.sector);
    if (it != sectors().end()) ++row.by_sector[static_cast<std::size_t>(it - sectors().begin())];
    for (const auto& p : r.programmes) ++instruments[p];
  }
  // What each issuer lists among China's partners and China itself (designations
  // listed now, by target).
  std::map<std::string, std::map<std::string, std::int64_t>> partner_counts;
  for (const auto& r : recs) {
    if (r.issuer == "CN" || r.delisted != 0) continue;
    for (const auto& x : r.targets)
      if (x == "RUS" || x == "PRK" || x == "IRN" || x == "CHN") ++partner_counts[r.issuer][x];
  }
  auto issuers = u.issuers();
  Table t;
  t.columns = {"country", "country_name", "entries", "persons", "organisations", "first_listed", "last_listed"};
  for (const char* c : {"defence", "politics", "civil_society", "business", "other_persons", "other_organisations"})
    t.columns.push_back(c);
  for (const char* c : {"issuer", "issuer_lists_RUS", "issuer_lists_PRK", "issuer_lists_IRN", "issuer_lists_CHN"})
    t.columns.push_back(c);
  std::vector<std::pair<std::string, Row>> sorted(rows.begin(), rows.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.entries > b.second.entries; });
  for (const auto& [country, row] : sorted) {
    std::vector<Cell> cells = {
        country.empty() ? Cell{} : Cell{country},
        country.empty() ? Cell{std::string("(not stated)")} : Cell{detail::country_name(country)},
        row.entries,
        row.persons,
        row.organisations,
        row.first ? Cell{format_date(row.first)} : Cell{},
        row.last ? Cell{format_date(row.last)} : Cell{}};
    for (auto n : row.by_sector) cells.push_back(n);
    std::string issuer = country.empty() ? "" : issuer_of(country, as_of ? as_of : row.last);
    if (issuer.empty() || !detail::has(issuers, issuer)) {
      cells.push_back(issuer.empty() ? Cell{} : Cell{issuer});
      for (int i = 0; i < 4; ++i) cells.push_back(Cell{});
    } else {
      cells.push_back(issuer);
      for (const char* x : {"RUS", "PRK", "IRN", "CHN"}) cells.push_back(partner_counts[issuer][x]);
    }
    t.add_row(std::move(cells));
  }
  t.meta["entries"] = total;
  t.meta["instruments"] = instruments;
  t.meta["sectors"] = sectors();
  t.meta["partners"] = {"RUS", "PRK", "IRN"};
  return t;
}

}  // namespace rostrum::sanctions
