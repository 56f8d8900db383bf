// The rules every vote analysis shares, written once: which roll calls a request
// selects (selectors and the measure's own rule), how they are cut into periods,
// and how countries, groups and ad-hoc groups are named.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matrix/vote_matrix.hpp"
#include "measures/dyads.hpp"
#include "query/catalogue.hpp"
#include "query/query.hpp"
#include "registry/groups.hpp"

namespace rostrum::query {

struct Selection {
  std::string source;  // "" = the stitched record
  std::string body = "ga";
  RollCallFilter filter;
  PeriodKind by = PeriodKind::all;
  std::string label;             // label of the single period when by = all ("74", "2019", "1990-2000", "all")
  std::string describe() const;  // "session 74, issue hr" for messages about empty answers
};

// "74", "70-74", "ES-11", "ES-10-ES-11" (or "ES-10-11"), "S-26", comma lists.
// A reversed range or an unknown form throws ParameterError naming `param`.
std::vector<SessionSpan> parse_session_list(std::string_view text, const std::string& param);
// "2019", "1990-1999", "1989-1993,2005-2012" -> inclusive date spans.
std::vector<std::pair<Date, Date>> parse_year_list(std::string_view text, const std::string& param);

// The selectors of selector_params() (those the spec declares).
Selection parse_selection(const Request& r);

// The roll calls an agreement measure uses: the selection, minus amendment and
// paragraph votes for coincidence (the State Department counts final votes on
// whole resolutions only), minus unanimous roll calls for agree unless
// keep_unanimous (Voeten's procedure). Adjusts sel.filter accordingly.
std::vector<Word> measure_mask(const VoteMatrix& m, Selection& sel, measures::Measure measure, bool keep_unanimous);
// Why a selection holds no roll call, in a sentence for a user: which filter
// removed them all (the period beyond the record, an issue code the source does
// not carry, ...), with the counts. "" when the selection is not empty.
std::string explain_empty(const VoteMatrix& m, const Selection& sel);

// The periods of a selection; a single period carries the selection's label.
std::vector<Period> selected_periods(const VoteMatrix& m, const Selection& sel, const std::vector<Word>& mask);

// Countries: "all", or a comma list of codes/names (ISO3, ISO2, COW, names),
// group names, or ad-hoc groups X+Y+Z; each must have votes in the matrix.
std::vector<int> parse_countries(const VoteMatrix& m, std::string_view value, const std::string& param, bool allow_all,
                                 const std::vector<registry::Group>& user_groups = {});

// A group of states: a named group (dated membership) or an ad-hoc list
// ("CHN,RUS,PRK" or "CHN+RUS+PRK"). One syntax wherever a group is taken.
struct GroupSpec {
  std::string name;
  const registry::Group* group = nullptr;  // named group
  std::vector<std::string> members;        // ad-hoc list (ISO3)
  bool is_member(std::string_view iso3, Date on) const;
  std::vector<std::string> ever_members() const;
};
GroupSpec parse_group(std::string_view value, const std::string& param, const std::vector<registry::Group>& user_groups,
                      std::size_t min_members = 2);
// A pole of the poles and drift analyses: a country, a group (its members ever) or
// an ad-hoc list X+Y+Z, pooled over its members.
struct Pole {
  std::string label;
  std::vector<int> members;  // matrix indices
};
// "A,B": two poles. Throws ParameterError naming `param`.
std::pair<Pole, Pole> parse_poles(const VoteMatrix& m, std::string_view spec, const std::string& param,
                                  const std::vector<registry::Group>& user_groups);

// Membership by matrix index and date.
std::function<bool(int, Date)> membership(const VoteMatrix& m, const GroupSpec& spec);

}  // namespace rostrum::query
