// Shared by the alliance, veto and dyad queries: the vote records read by seat
// dates and split by year, pair agreement summed over the ids of two state
// lines, and the latest ideal-point run indexed by state and year.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alliances/timeline.hpp"
#include "measures/dyads.hpp"
#include "query/catalogue.hpp"
#include "query/dated_record.hpp"
#include "query/query.hpp"
#include "store/store.hpp"

namespace rostrum::query::support {

// One body's record of one source, dated by seat (dated_record.hpp), with its
// roll calls split by calendar year.
struct Record {
  store::SourceSummary source;
  DatedRecord dated;
  std::vector<Word> mask;         // roll calls analysed (all, or those not unanimous)
  std::map<int, Period> by_year;  // year -> its roll calls under `mask`
  int first_year = 0, last_year = 0;
  int row(std::string_view iso3) const { return dated.matrix.country_index(iso3); }
};
// `drop_unanimous`: Voeten's filter for agree (roll calls on which every voting
// state voted alike are left out). nullopt when the store has no source for the
// body and `required` is false; UsageError otherwise.
std::optional<Record> load_record(Context& ctx, const std::string& source, Body body, bool drop_unanimous,
                                  bool required);

// The joint-vote table of two state lines over a year: the sum over every pair
// of their ids' rows (a roll call carries a vote under at most one id of a line).
measures::JointCounts joint_counts(const Record& r, const alliances::StateLine& a, const alliances::StateLine& b,
                                   const Period& period);

// Type 7 quantile (R's default).
double quantile(std::vector<double> values, double q);
// Mid-rank of x among sorted values: (count below + count equal / 2) / size.
double mid_rank(const std::vector<double>& sorted, double x);

// The newest ideal-point run of a GA source, indexed by the state holding each
// label's seat on 1 December of the session's year (the autumn, when a session
// casts most of its votes).
struct IdealIndex {
  std::int64_t run = 0;  // 0 = no run saved for this source's current import
  std::map<std::pair<std::string, int>, std::pair<double, double>> by_state_year;  // (iso3, year) -> (ideal, sd)
  const std::pair<double, double>* find(const alliances::StateLine& s, int year) const;
};
IdealIndex load_ideal(store::Store& store, const store::SourceSummary& ga);

std::string registry_iso3(int index);

// A date parameter (YYYY or YYYY-MM-DD) as a year; 0 when absent.
int year_param(const Request& r, std::string_view name);
// from / to parameters shared by the channel analyses.
std::vector<ParamSpec> year_range_params(const std::string& what = "");
// The vote source a channel analysis reads ("source" for the General Assembly,
// "sc-source" for the Security Council): the record unless named.
ParamSpec vote_source_param(const std::string& name = "source", const std::string& body = "GA");
// "min-n": joint votes a dyad needs in a year (default 10).
ParamSpec min_joint_votes_param();
// A threshold on a dyad's agreement quantile among the year's dyads (0..1).
ParamSpec agreement_quantile_param(std::string name, std::string help, double fallback);

// The JSON of a year-by-year view: {"columns", "years": [{column: value}], ...meta}.
nlohmann::json years_document(const Table& t);

// Registry ids (ISO3) of the lines of the given states, for loading only their
// alliance ties (alliances::load_alliances(store, involving)).
std::vector<std::string> line_ids(const std::vector<const alliances::StateLine*>& lines);

}  // namespace rostrum::query::support
