#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/analysis_common.hpp"

namespace rostrum::sanctions {
namespace {

using detail::has;

struct Counts {
  std::vector<std::int64_t> per_issuer;
  std::int64_t shared = 0, any = 0;
};

void add_counts(Table& t, std::vector<Cell> head, const Counts& c) {
  for (auto n : c.per_issuer) head.push_back(n);
  head.push_back(c.shared);
  head.push_back(c.any);
  head.push_back(c.any > 0 ? Cell{static_cast<double>(c.shared) / static_cast<double>(c.any)} : Cell{});
  t.add_row(std::move(head));
}

}  // namespace

Table coverage_table(const Universe& u, const CoverageRequest& req) {
  if (req.issuers.empty()) throw UsageError("parameter 'issuers': give at least one issuer");
  detail::check_issuers(u, req.issuers, "issuers");
  if (req.by != "target" && req.by != "programme" && req.by != "year")
    throw UsageError("parameter 'by': '" + req.by + "' is not target, programme or year");
  const auto& recs = u.records();
  auto members = detail::entity_members(u);
  const std::size_t k = req.issuers.size();
  Table t;

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
  auto tally = [&](Counts& c, const std::vector<bool>& listed) {
    bool all = true, any = false;
    for (std::size_t i = 0; i < k; ++i) {
      if (listed[i]) {
        ++c.per_issuer[i];
        any = true;
      } else {
        all = false;
      }
    }
    if (all) ++c.shared;
    if (any) ++c.any;
  };
  auto fresh = [&] {
    Counts c;
    c.per_issuer.assign(k, 0);
    return c;
  };

  if (req.by == "target") {
    t.columns = {"target", "target_name"};
    for (const auto& i : req.issuers) t.columns.push_back(i);
    for (const char* c : {"shared", "union", "jaccard"}) t.columns.push_back(c);
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
        auto it = by_target.try_emplace(x, fresh()).first;
        tally(it->second, listed);
      }
    }
    add_counts(t, {std::string("(all)"), std::string("entities of every target")}, total);
    std::vector<std::pair<std::string, Counts>> rows(by_target.begin(), by_target.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.any > b.second.any; });
    for (const auto& [x, c] : rows) add_counts(t, {x, detail::country_name(x)}, c);
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
    if (lo > hi) throw UsageError("parameter 'from': the first year is after the last");
    if (hi - lo > 200) throw UsageError("parameter 'from': at most 200 years");
    t.columns = {"target", "year"};
    for (const auto& i : req.issuers) t.columns.push_back(i);
    for (const char* c : {"shared", "union", "jaccard"}) t.columns.push_back(c);
    std::vector<std::string> target_rows = req.targets.empty() ? std::vector<std::string>{"(all)"} : req.targets;
    std::map<std::pair<std::string, int>, Counts> cells;
    std::map<std::string, std::int64_t> undated;
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
          if (pos == req.issuers.end() || rec.listed == 0) continue;
          if (listed_on(rec, day)) {
            listed[static_cast<std::size_t>(pos - req.issuers.begin())] = true;
            any = true;
          }
        }
        if (!any) continue;
        for (const auto& row : target_rows) {
          if (row != "(all)" && !has(targets, row)) continue;
          auto it = cells.try_emplace({row, y}, fresh()).first;
          tally(it->second, listed);
        }
      }
    }
    for (const auto& r : recs)
      if (has(req.issuers, r.issuer) && r.listed == 0 && r.delisted == 0) ++undated[r.issuer];
    for (const auto& row : target_rows)
      for (int y = lo; y <= hi; ++y) {
        auto it = cells.find({row, y});
        add_counts(t, {row, static_cast<std::int64_t>(y)}, it == cells.end() ? fresh() : it->second);
      }
    t.meta["undated_designations_left_out"] = undated;
  } else {
    // by programme: each issuer's programmes, and how many of their entities each
    // other issuer of the set also lists.
    t.columns = {"issuer", "programme", "targets", "entities"};
    for (const auto& i : req.issuers) t.columns.push_back("also_" + i);
    std::map<std::pair<std::string, std::string>, std::pair<std::set<std::string>, std::vector<std::int64_t>>> rows;
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
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
          auto& row = rows[key];
          if (row.second.empty()) row.second.assign(k, 0);
          for (const auto& x : rec.targets) row.first.insert(x);
          if (!seen.insert(key).second) continue;
          ++counts[key];
          for (std::size_t i = 0; i < k; ++i)
            if (listed[i]) ++row.second[i];
        }
      }
    }
    for (const auto& [key, row] : rows) {
      std::string targets;
      for (const auto& x : row.first) targets += (targets.empty() ? "" : ",") + x;
      std::vector<Cell> cells = {key.first, key.second, targets, counts[key]};
      for (std::size_t i = 0; i < k; ++i) cells.push_back(req.issuers[i] == key.first ? Cell{} : Cell{row.second[i]});
      t.add_row(std::move(cells));
    }
    std::stable_sort(t.rows.begin(), t.rows.end(),
                     [](const auto& a, const auto& b) { return std::get<std::int64_t>(a[3]) > std::get<std::int64_t>(b[3]); });
  }
  t.meta["issuers"] = req.issuers;
  t.meta["entities"] = "designations joined when they match at the threshold (docs/sanctions.md)";
  t.meta["threshold"] = kMatchThreshold;
  return t;
}

}  // namespace rostrum::sanctions
