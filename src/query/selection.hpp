// Turning the shared selector parameters (source, body, session, year, from, to,
// issue, important, amendments, by) into a roll-call mask and periods.
#pragma once

#include <string>
#include <vector>

#include "matrix/vote_matrix.hpp"
#include "query/query.hpp"
#include "registry/groups.hpp"

namespace rostrum::query {

struct Selection {
  std::string source;  // "" = default
  std::string body = "ga";
  RollCallFilter filter;
  PeriodKind by = PeriodKind::all;
  std::string label;  // label of the single period when by = all ("74", "2019", "1990-2000", "all")
};

Selection parse_selection(const Params& p);
// Countries: "all", or a comma list of codes/names (ISO3, ISO2, COW, names) or
// group names; each must be in the matrix. Throws UsageError naming `param`.
std::vector<int> parse_countries(const VoteMatrix& m, const Params& p, const std::string& param, bool allow_all,
                                 const std::vector<registry::Group>& user_groups = {});

std::string get(const Params& p, std::string_view key, std::string fallback = "");
int get_int(const Params& p, std::string_view key, int fallback, int lo, int hi);
double get_double(const Params& p, std::string_view key, double fallback, double lo, double hi);
bool get_bool(const Params& p, std::string_view key, bool fallback);

}  // namespace rostrum::query
