#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/analysis_common.hpp"

namespace rostrum::sanctions {
namespace {

using detail::has;

// Entities of one group (a target, a target in a year, a programme): per issuer
// of the set those it lists and those only it lists, and those all / any list.
struct Counts {
  std::vector<std::int64_t> per_issuer, only;
  std::int64_t shared = 0, any = 0;
};

}  // namespace

Table coverage_table(const Universe& u, const CoverageRequest& req) {
  if (req.issuers.empty()) throw ParameterError("issuers", "give at least one issuer");
  detail::check_issuers(u, req.issuers, "issuers");
  if (req.by != "target" && req.by != "programme" && req.by != "year")
    throw ParameterError("by", "'" + req.by + "' is not target, programme or year");
  const auto& recs = u.records();
  auto members = detail::entity_members(u);
  const std::size_t k = req.issuers.size();
  Table t;
  t.columns = {"group", "group_name", "period", "issuer", "entities", "only", "shared", "union", "jaccard"};

  auto fresh = [&] {
    Counts c;
    c.per_issuer.assign(k, 0);
    c.only.assign(k, 0);
    return c;
  };
  auto tally = [&](Counts& c, const std::vector<bool>& listed) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < k; ++i)
      if (listed[i]) {
        ++c.per_issuer[i];
        ++n;
      }
    if (n == 1)
      for (std::size_t i = 0; i < k; ++i)
        if (listed[i]) ++c.only[i];
    if (n == k) ++c.shared;
    if (n > 0) ++c.any;
  };
  auto emit = [&](const std::string& group, const std::string& name, const Cell& period, const Counts& c) {
    for (std::size_t i = 0; i < k; ++i)
      t.add_row({group, name, period, req.issuers[i], c.per_issuer[i], c.only[i], c.shared, c.any,
                 c.any > 0 ? Cell{static_cast<double>(c.shared) / static_cast<double>(c.any)} : Cell{}});
  };
  // The targets of an entity: those of its designations by the issuers in the set.
  auto entity_targets = [&](const std::vector<int>& m) {
    std::vector<std::string> out;
    for (int r : m) {
      const auto& rec = recs[static_cast<std::size_t>(r)];
      if (!has(req.issuers, rec.issuer)) continue;
      for (const auto& x : rec.targets)
        if (!has(out, x)) out.push_back(x);
    }
    return out;
  };
  auto wanted = [&](const std::vector<std::string>& targets) {
    if (req.targets.empty()) return true;
    for (const auto& x : targets)
      if (has(req.targets, x)) return true;
    return false;
  };

  if (req.by == "target") {
    Counts total = fresh();
    std::map<std::string, Counts> by_target;
    for (const auto& m : members) {
      std::vector<bool> listed(k);
      bool any = false;
      for (std::size_t i = 0; i < k; ++i) any |= (listed[i] = detail::listed_now(u, m, req.issuers[i]));
      if (!any) continue;
      auto targets = entity_targets(m);
      if (!wanted(targets)) continue;
      tally(total, listed);
      for (const auto& x : targets) {
        if (!req.targets.empty() && !has(req.targets, x)) continue;
        tally(by_target.try_emplace(x, fresh()).first->second, listed);
      }
    }
    emit("(all)", "every target", Cell{}, total);
    std::vector<std::pair<std::string, Counts>> rows(by_target.begin(), by_target.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.any > b.second.any; });
    for (const auto& [x, c] : rows) emit(x, detail::country_name(x), Cell{}, c);
  } else if (req.by == "year") {
    // Counts on 31 December of each year, from the listing and delisting dates;
    // designations without any date cannot be placed in time and are left out.
    int lo = req.from_year, hi = req.to_year;
    if (lo == 0 || hi == 0) {
      int first = 9999, last = 0;
      for (const auto& r : recs) {
        if (!has(req.issuers, r.issuer) || r.listed == 0) continue;
        first = std::min(first, date_year(r.listed));
        last = std::max(last, date_year(r.listed));
      }
      for (const auto& l : u.data().lists)
        if (has(req.issuers, l.issuer) && l.as_of) last = std::max(last, date_year(l.as_of));
      if (lo == 0) lo = first;
      if (hi == 0) hi = last;
    }
    if (lo > hi) throw ParameterError("from", "the first year is after the last");
    if (hi - lo > 200) throw ParameterError("from", "at most 200 years");
    std::vector<std::string> groups = req.targets.empty() ? std::vector<std::string>{"(all)"} : req.targets;
    std::map<std::pair<std::string, int>, Counts> cells;
    for (const auto& m : members) {
      auto targets = entity_targets(m);
      if (!wanted(targets)) continue;
      for (int y = lo; y <= hi; ++y) {
        Date day = make_date(y, 12, 31);
        std::vector<bool> listed(k, false);
        bool any = false;
        for (int r : m) {
          const auto& rec = recs[static_cast<std::size_t>(r)];
          auto pos = std::find(req.issuers.begin(), req.issuers.end(), rec.issuer);
          if (pos == req.issuers.end() || rec.listed == 0 || !listed_on(rec, day)) continue;
          listed[static_cast<std::size_t>(pos - req.issuers.begin())] = true;
          any = true;
        }
        if (!any) continue;
        for (const auto& g : groups) {
          if (g != "(all)" && !has(targets, g)) continue;
          tally(cells.try_emplace({g, y}, fresh()).first->second, listed);
        }
      }
    }
    std::map<std::string, std::int64_t> undated;
    for (const auto& r : recs)
      if (has(req.issuers, r.issuer) && r.listed == 0 && r.delisted == 0) ++undated[r.issuer];
    for (const auto& g : groups)
      for (int y = lo; y <= hi; ++y) {
        auto it = cells.find({g, y});
        emit(g, g == "(all)" ? "every target" : detail::country_name(g), Cell{std::to_string(y)},
             it == cells.end() ? fresh() : it->second);
      }
    t.meta["undated_designations_left_out"] = undated;
  } else {
    // by programme: the entities each issuer lists under a programme, and how
    // many of them each other issuer of the set lists.
    std::map<std::pair<std::string, std::string>, Counts> groups;
    std::map<std::pair<std::string, std::string>, std::set<std::string>> group_targets;
    for (const auto& m : members) {
      std::vector<bool> listed(k);
      for (std::size_t i = 0; i < k; ++i) listed[i] = detail::listed_now(u, m, req.issuers[i]);
      // Each (issuer, programme) counts an entity once, however many of its
      // designations carry the programme.
      std::set<std::pair<std::string, std::string>> seen;
      for (int r : m) {
        const auto& rec = recs[static_cast<std::size_t>(r)];
        if (!has(req.issuers, rec.issuer) || rec.delisted != 0) continue;
        if (!req.targets.empty()) {
          bool any = false;
          for (const auto& x : rec.targets) any |= has(req.targets, x);
          if (!any) continue;
        }
        for (const auto& p : rec.programmes) {
          auto key = std::make_pair(rec.issuer, p);
          for (const auto& x : rec.targets) group_targets[key].insert(x);
          if (!seen.insert(key).second) continue;
          tally(groups.try_emplace(key, fresh()).first->second, listed);
        }
      }
    }
    std::vector<std::pair<std::pair<std::string, std::string>, Counts>> rows(groups.begin(), groups.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.any > b.second.any; });
    for (const auto& [key, c] : rows) {
      std::string targets;
      for (const auto& x : group_targets[key]) targets += (targets.empty() ? "" : ",") + x;
      emit(key.second, key.first + " programme" + (targets.empty() ? "" : " (" + targets + ")"), Cell{}, c);
    }
  }
  t.meta["issuers"] = req.issuers;
  t.meta["by"] = req.by;
  t.meta["entities"] = "designations joined when they match at the threshold (docs/sanctions.md)";
  t.meta["threshold"] = kMatchThreshold;
  return t;
}

}  // namespace rostrum::sanctions
