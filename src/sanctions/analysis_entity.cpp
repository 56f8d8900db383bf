#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/analysis_common.hpp"
#include "sanctions/names.hpp"

namespace rostrum::sanctions {
namespace {

// Does the record have a name holding every word of the query (legal forms aside)?
// Otherwise the best Jaro-Winkler agreement word by word (every query word must
// find a word of one name above 0.9).
double name_match(const Record& r, const std::vector<std::string>& query) {
  double best = 0;
  for (const auto& n : r.names) {
    auto words = names::tokens(n.folded, r.type);
    double total = 0;
    bool all = true;
    for (const auto& q : query) {
      double w = 0;
      for (const auto& x : words) w = std::max(w, x == q ? 1.0 : names::jaro_winkler(q, x));
      if (w <= 0.9) {
        all = false;
        break;
      }
      total += w;
    }
    if (all) best = std::max(best, total / static_cast<double>(query.size()));
  }
  return best;
}

}  // namespace

Table entity_table(const Universe& u, const EntityRequest& req) {
  std::string folded = names::fold(req.name);
  auto query = names::tokens(folded, EntryType::organisation);
  if (query.empty()) throw ParameterError("name", "give a name with at least one letter or digit");
  if (req.limit <= 0) throw ParameterError("limit", "must be > 0");
  const auto& recs = u.records();
  const auto& data = u.data();
  std::vector<std::pair<double, int>> found;
  for (std::size_t r = 0; r < recs.size(); ++r)
    if (double s = name_match(recs[r], query); s > 0) found.emplace_back(s, static_cast<int>(r));
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

  // Group into entities: each found record with the designations it matches.
  std::vector<int> seeds;
  seeds.reserve(found.size());
  for (const auto& f : found) seeds.push_back(f.second);
  std::vector<int> all(recs.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  std::map<int, std::vector<std::pair<int, MatchResult>>> neighbours;
  if (!seeds.empty()) {
    for (auto& m : u.matcher().match(seeds, all, kMatchThreshold)) neighbours[m.a].emplace_back(m.b, m);
  }
  std::set<int> shown;
  Table t;
  t.columns = {"entity",      "issuer", "list",     "id",         "type",    "name",        "names",
               "identifiers", "listed", "delisted", "programmes", "targets", "match_score", "match_evidence"};
  nlohmann::json entries = nlohmann::json::array();
  std::int64_t entity = 0;
  auto emit = [&](int r, std::int64_t ent, const MatchResult* m, int via) {
    const Record& rec = recs[static_cast<std::size_t>(r)];
    std::string lists, names, programmes, targets;
    nlohmann::json jlists = nlohmann::json::array(), jnames = nlohmann::json::array(), jids = nlohmann::json::array(),
                   jevents = nlohmann::json::array();
    for (int e : rec.entries) {
      const auto& l = data.list_of(static_cast<std::size_t>(e));
      lists += (lists.empty() ? "" : ",") + l.key;
      jlists.push_back({{"key", l.key},
                        {"name", l.name},
                        {"as_of", l.as_of ? nlohmann::json(format_date(l.as_of)) : nlohmann::json(nullptr)}});
      for (const auto& ev : data.entries[static_cast<std::size_t>(e)].events)
        jevents.push_back({{"list", l.key},
                           {"kind", std::string(to_string(ev.kind))},
                           {"date", ev.date ? nlohmann::json(format_date(ev.date)) : nlohmann::json(nullptr)},
                           {"earliest", ev.date_lo ? nlohmann::json(format_date(ev.date_lo)) : nlohmann::json(nullptr)},
                           {"detail", ev.detail}});
    }
    for (const auto& n : rec.names) {
      names += (names.empty() ? "" : " | ") + n.text;
      jnames.push_back({{"kind", std::string(to_string(n.kind))}, {"name", n.text}});
    }
    for (const auto& id : rec.ids)
      jids.push_back({{"kind", id.kind},
                      {"value", id.value},
                      {"country", id.country.empty() ? nlohmann::json(nullptr) : nlohmann::json(id.country)}});
    for (const auto& p : rec.programmes) programmes += (programmes.empty() ? "" : ",") + p;
    for (const auto& x : rec.targets) targets += (targets.empty() ? "" : ",") + x;
    t.add_row({ent, rec.issuer, lists, rec.key, std::string(to_string(rec.type)), rec.name(), names,
               detail::identifiers_text(rec), rec.listed ? Cell{format_date(rec.listed)} : Cell{},
               rec.delisted ? Cell{format_date(rec.delisted)} : Cell{}, programmes, targets,
               m ? Cell{m->score} : Cell{}, m ? Cell{m->evidence} : Cell{std::string("name matches the query")}});
    nlohmann::json j = {
        {"entity", ent},
        {"issuer", rec.issuer},
        {"id", rec.key},
        {"type", std::string(to_string(rec.type))},
        {"name", rec.name()},
        {"lists", jlists},
        {"names", jnames},
        {"identifiers", jids},
        {"events", jevents},
        {"programmes", rec.programmes},
        {"targets", rec.targets},
        {"listed", rec.listed ? nlohmann::json(format_date(rec.listed)) : nlohmann::json(nullptr)},
        {"listed_exact", rec.listed_lo != 0},
        {"delisted", rec.delisted ? nlohmann::json(format_date(rec.delisted)) : nlohmann::json(nullptr)}};
    if (m)
      j["match"] = {
          {"with", recs[static_cast<std::size_t>(via)].issuer + " " + recs[static_cast<std::size_t>(via)].key},
          {"score", m->score},
          {"evidence", m->evidence}};
    entries.push_back(std::move(j));
  };
  for (int seed : seeds) {
    if (shown.count(seed)) continue;
    if (entity >= req.limit) break;
    ++entity;
    shown.insert(seed);
    emit(seed, entity, nullptr, -1);
    for (const auto& [other, m] : neighbours[seed]) {
      if (shown.count(other)) continue;
      shown.insert(other);
      emit(other, entity, &m, seed);
    }
  }
  t.meta["query"] = req.name;
  t.meta["entities"] = entity;
  t.meta["entries"] = std::move(entries);
  return t;
}

}  // namespace rostrum::sanctions
