#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/analysis_common.hpp"

namespace rostrum::sanctions {

Table gaps_table(const Universe& u, const GapsRequest& req) {
  if (req.issuer == req.ally) throw ParameterError("ally", "must differ from 'issuer'");
  detail::check_issuers(u, {req.issuer, req.ally}, "issuer");
  if (req.limit < 0) throw ParameterError("limit", "must be >= 0");
  const auto& recs = u.records();
  const auto& ent = u.entities();
  auto members = detail::entity_members(u);
  auto issuers = u.issuers();

  struct Gap {
    int entity, record, links = 0, type_rank = 0;
    Date listed = 0;
    std::vector<std::string> linked;
  };
  std::vector<Gap> gaps;
  for (std::size_t e = 0; e < members.size(); ++e) {
    const auto& m = members[e];
    if (!detail::listed_now(u, m, req.issuer) || detail::listed_now(u, m, req.ally)) continue;
    // The issuer's current designation (the earliest listed when several).
    int rec = -1;
    for (int r : m) {
      const auto& x = recs[static_cast<std::size_t>(r)];
      if (x.issuer != req.issuer || x.delisted != 0) continue;
      if (rec < 0 || (x.listed != 0 && x.listed < recs[static_cast<std::size_t>(rec)].listed)) rec = r;
    }
    const Record& r = recs[static_cast<std::size_t>(rec)];
    if (!req.target.empty() && !detail::has(r.targets, req.target)) continue;
    Gap g{static_cast<int>(e), rec};
    g.listed = r.listed;
    g.type_rank = r.type == EntryType::person ? 0 : 1;
    // Links to entities the ally lists: the case for the ally listing this one too.
    std::set<int> seen;
    for (int own : m) {
      if (recs[static_cast<std::size_t>(own)].issuer != req.issuer) continue;
      for (int other : u.linked(own)) {
        int oe = ent[static_cast<std::size_t>(other)];
        if (oe == static_cast<int>(e) || !seen.insert(oe).second) continue;
        const auto& om = members[static_cast<std::size_t>(oe)];
        if (!detail::listed_now(u, om, req.ally)) continue;
        ++g.links;
        for (int x : om) {
          const auto& xr = recs[static_cast<std::size_t>(x)];
          if (xr.issuer == req.ally && xr.delisted == 0) {
            g.linked.push_back(recs[static_cast<std::size_t>(other)].name() + " (" + req.ally + " " + xr.key + ")");
            break;
          }
        }
      }
    }
    gaps.push_back(std::move(g));
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& x, const Gap& y) {
    if (x.links != y.links) return x.links > y.links;
    if (x.type_rank != y.type_rank) return x.type_rank > y.type_rank;
    return x.listed > y.listed;
  });
  Table t;
  t.columns = {"rank",          "id",
               "name",          "type",
               "targets",       "programmes",
               "listed",        "links_to_ally_listed",
               "linked",        "also_listed_by",
               "ally_delisted", "identifiers"};
  std::int64_t rank = 0;
  for (const auto& g : gaps) {
    if (req.limit > 0 && rank >= req.limit) break;
    const Record& r = recs[static_cast<std::size_t>(g.record)];
    const auto& m = members[static_cast<std::size_t>(g.entity)];
    std::string also, ally_delisted;
    for (const auto& i : issuers)
      if (i != req.issuer && i != req.ally && detail::listed_now(u, m, i)) also += (also.empty() ? "" : ",") + i;
    for (int x : m) {
      const auto& xr = recs[static_cast<std::size_t>(x)];
      if (xr.issuer == req.ally && xr.delisted != 0) ally_delisted = xr.key + " on " + format_date(xr.delisted);
    }
    std::string targets, programmes, linked;
    for (const auto& x : r.targets) targets += (targets.empty() ? "" : ",") + x;
    for (const auto& x : r.programmes) programmes += (programmes.empty() ? "" : ",") + x;
    for (std::size_t i = 0; i < g.linked.size() && i < 5; ++i) linked += (i ? "; " : "") + g.linked[i];
    if (g.linked.size() > 5) linked += "; ...";
    t.add_row({++rank, r.key, r.name(), std::string(to_string(r.type)), targets, programmes,
               r.listed ? Cell{format_date(r.listed)} : Cell{}, static_cast<std::int64_t>(g.links), linked, also,
               ally_delisted.empty() ? Cell{} : Cell{ally_delisted}, detail::identifiers_text(r)});
  }
  t.meta["issuer"] = req.issuer;
  t.meta["ally"] = req.ally;
  t.meta["gaps"] = static_cast<std::int64_t>(gaps.size());
  if (gaps.empty()) {
    // An empty answer says why: nothing listed, or every listing shared.
    std::int64_t listed = 0;
    for (const auto& m : members) {
      if (!detail::listed_now(u, m, req.issuer)) continue;
      if (req.target.empty()) {
        ++listed;
        continue;
      }
      for (int x : m)
        if (const auto& xr = recs[static_cast<std::size_t>(x)];
            xr.issuer == req.issuer && xr.delisted == 0 && detail::has(xr.targets, req.target)) {
          ++listed;
          break;
        }
    }
    const std::string what = req.target.empty() ? "" : " with target " + req.target;
    t.meta["reason"] =
        listed == 0 ? req.issuer + " lists no entity" + what + " now"
                    : (listed == 1 ? std::string("the one entity ") : "all " + std::to_string(listed) + " entities ") +
                          req.issuer + " lists" + what + " now are listed by " + req.ally + " too";
  }
  t.meta["ranking"] =
      "links to entities the ally lists, then organisations, vessels and aircraft before persons, then the latest "
      "listing";
  return t;
}

}  // namespace rostrum::sanctions
