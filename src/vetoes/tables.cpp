// Veto counts by pair, by member and one row per veto; vetoed drafts joined to a
// Security Council matrix as failed roll calls.
#include <algorithm>
#include <map>
#include <tuple>

#include "core/error.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::vetoes {

PeriodKind parse_period(const std::string& text) {
  if (text.empty() || text == "all") return PeriodKind::all;
  if (text == "decade") return PeriodKind::decade;
  if (text == "year") return PeriodKind::year;
  throw ParameterError("period", "expected all, decade or year, got '" + text + "'");
}

namespace {

std::string join(const std::vector<std::string>& items, char sep = ';') {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// The vetoes in [from, to] and the label of each one's period. With period
// "all" the label spans the years of the selected vetoes ("1946-2022").
std::vector<std::pair<const Veto*, std::string>> in_periods(const std::vector<Veto>& vetoes, const CovetoRequest& r) {
  if (r.from && r.to && r.from > r.to)
    throw ParameterError("from", std::to_string(r.from) + " is after 'to' " + std::to_string(r.to));
  std::vector<const Veto*> chosen;
  for (const Veto& v : vetoes) {
    const int y = date_year(v.date);
    if ((r.from && y < r.from) || (r.to && y > r.to)) continue;
    chosen.push_back(&v);
  }
  std::vector<std::pair<const Veto*, std::string>> out;
  if (chosen.empty()) return out;
  const int first = r.from ? r.from : date_year(chosen.front()->date);
  const int last = r.to ? r.to : date_year(chosen.back()->date);
  for (const Veto* v : chosen) {
    const int y = date_year(v->date);
    std::string label;
    switch (r.period) {
      case PeriodKind::all:
        label = std::to_string(first) + "-" + std::to_string(last);
        break;
      case PeriodKind::year:
        label = std::to_string(y);
        break;
      case PeriodKind::decade: {
        const int d = y / 10 * 10;
        label = std::to_string(std::max(d, first)) + "-" + std::to_string(std::min(d + 9, last));
        break;
      }
    }
    out.emplace_back(v, std::move(label));
  }
  return out;
}

}  // namespace

Table covetoes_by_pair(const std::vector<Veto>& vetoes, const CovetoRequest& request) {
  // (period, a, b) -> count, periods kept in date order.
  std::vector<std::string> periods;
  std::map<std::tuple<std::size_t, std::string, std::string>, std::int64_t> counts;
  for (const auto& [v, label] : in_periods(vetoes, request)) {
    if (periods.empty() || periods.back() != label) periods.push_back(label);
    const std::size_t p = periods.size() - 1;
    for (std::size_t i = 0; i < v->vetoers.size(); ++i)
      for (std::size_t j = i + 1; j < v->vetoers.size(); ++j) ++counts[{p, v->vetoers[i], v->vetoers[j]}];
  }
  Table t;
  t.columns = {"a", "b", "period", "covetoes"};
  for (const auto& [key, n] : counts) t.add_row({std::get<1>(key), std::get<2>(key), periods[std::get<0>(key)], n});
  return t;
}

Table vetoes_by_member(const std::vector<Veto>& vetoes, const CovetoRequest& request) {
  std::vector<std::string> periods;
  struct Count {
    std::int64_t all = 0, alone = 0;
  };
  std::map<std::pair<std::size_t, std::string>, Count> counts;
  for (const auto& [v, label] : in_periods(vetoes, request)) {
    if (periods.empty() || periods.back() != label) periods.push_back(label);
    for (const auto& who : v->vetoers) {
      Count& c = counts[{periods.size() - 1, who}];
      ++c.all;
      if (v->vetoers.size() == 1) ++c.alone;
    }
  }
  Table t;
  t.columns = {"member", "period", "vetoes", "alone", "with_others"};
  for (const auto& [key, c] : counts) t.add_row({key.second, periods[key.first], c.all, c.alone, c.all - c.alone});
  return t;
}

Table veto_list(const std::vector<Veto>& vetoes, const CovetoRequest& request) {
  Table t;
  t.columns = {"date",    "draft",  "meeting",  "agenda_item",   "topic",
               "vetoers", "labels", "subjects", "subject_basis", "source"};
  CovetoRequest all = request;
  all.period = PeriodKind::all;
  for (const auto& [v, label] : in_periods(vetoes, all))
    t.add_row({format_date(v->date), v->draft, v->meeting, v->agenda_item, v->topic, join(v->vetoers), join(v->labels),
               join(v->subjects), v->subject_basis, v->source});
  return t;
}

VoteMatrix with_vetoed_drafts(const VoteMatrix& sc, const std::vector<Veto>& vetoes) {
  VoteMatrix out;
  for (int c = 0; c < sc.countries(); ++c) out.add_country(sc.iso3(c));
  auto country = [&](const std::string& iso3) {
    int c = out.country_index(iso3);
    return c >= 0 ? c : out.add_country(iso3);
  };
  for (int r = 0; r < sc.rollcalls(); ++r) out.add_rollcall(sc.rollcall(r));
  std::vector<std::pair<int, const Veto*>> added;
  std::int64_t next_id = -1;
  for (const Veto& v : vetoes) {
    RollCallInfo info;
    info.id = next_id--;
    info.key = "veto:" + v.draft;
    info.body = Body::SecurityCouncil;
    info.session_label = std::to_string(date_year(v.date));
    info.date = v.date;
    info.symbol = v.draft;
    info.title = "vetoed draft: " + v.agenda_item;
    added.emplace_back(out.add_rollcall(std::move(info)), &v);
  }
  for (const auto& [r, v] : added)
    for (const auto& who : v->vetoers) country(who);
  for (int c = 0; c < sc.countries(); ++c)
    for (int r = 0; r < sc.rollcalls(); ++r) {
      Vote vote = sc.vote(c, r);
      if (vote != Vote::Missing) out.set_vote(c, r, vote);
    }
  for (const auto& [r, v] : added)
    for (const auto& who : v->vetoers) out.set_vote(out.country_index(who), r, Vote::No);
  out.finish();
  return out;
}

}  // namespace rostrum::vetoes
