#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"

namespace rostrum::sanctions {

Table match_table(const Universe& u, const MatchRequest& req) {
  if (req.issuers.size() < 2) throw ParameterError("issuers", "give at least two issuers (e.g. US,EU)");
  if (req.min_score < 0 || req.min_score > 1) throw ParameterError("min-score", "must be in [0, 1]");
  Table t;
  t.columns = {"a_issuer", "a_id", "a_name", "b_issuer", "b_id", "b_name", "score", "evidence"};
  const auto& recs = u.records();
  auto targets = [&](int r, const std::string& iso3) {
    const auto& ts = recs[static_cast<std::size_t>(r)].targets;
    return std::find(ts.begin(), ts.end(), iso3) != ts.end();
  };
  std::int64_t pairs = 0;
  for (std::size_t i = 0; i < req.issuers.size(); ++i) {
    for (std::size_t j = i + 1; j < req.issuers.size(); ++j) {
      if (req.issuers[i] == req.issuers[j]) throw ParameterError("issuers", "'" + req.issuers[i] + "' given twice");
      auto as = u.records_of(req.issuers[i]);
      auto bs = u.records_of(req.issuers[j]);
      if (as.empty()) throw ParameterError("issuers", "no list of '" + req.issuers[i] + "' in the store");
      if (bs.empty()) throw ParameterError("issuers", "no list of '" + req.issuers[j] + "' in the store");
      for (const auto& m : u.matcher().match(as, bs, req.min_score)) {
        if (!req.target.empty() && !targets(m.a, req.target) && !targets(m.b, req.target)) continue;
        const Record& a = recs[static_cast<std::size_t>(m.a)];
        const Record& b = recs[static_cast<std::size_t>(m.b)];
        t.add_row({a.issuer, a.key, a.name(), b.issuer, b.key, b.name(), m.score, m.evidence});
        ++pairs;
      }
    }
  }
  // Best first; ties in id order so that output is stable.
  std::stable_sort(t.rows.begin(), t.rows.end(),
                   [](const auto& x, const auto& y) { return std::get<double>(x[6]) > std::get<double>(y[6]); });
  if (req.limit > 0 && static_cast<std::int64_t>(t.rows.size()) > req.limit)
    t.rows.resize(static_cast<std::size_t>(req.limit));
  t.meta["pairs"] = pairs;
  t.meta["threshold"] = req.min_score;
  return t;
}

}  // namespace rostrum::sanctions
