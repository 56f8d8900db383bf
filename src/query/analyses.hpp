// Queries of the blocs / poles / shifts stage (issue 6), dispatched from
// extensions.cpp. Parameters and result shapes: docs/methods-blocs-shifts.md
// (section "Queries") and `rostrum blocs|poles|shifts --help`.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/table.hpp"
#include "query/query.hpp"

namespace rostrum::query {

// "blocs": communities of the agreement graph per period (tracked over periods),
// or with scan=1 the stable ranges of the resolution gamma.
Table run_blocs(Context& ctx, const Params& params);
// "poles": every state's agreement with pole A and pole B per period, and the nearer pole.
Table run_poles(Context& ctx, const Params& params);
// "shifts": change points in a dyad's (or a pooled set of dyads', or a group's
// cohesion) yearly series.
Table run_shifts(Context& ctx, const Params& params);

namespace detail {
inline void check_allowed(const Params& p, std::initializer_list<std::string_view> allowed, std::string_view command) {
  for (const auto& [key, value] : p)
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      throw UsageError("parameter '" + key + "': not a parameter of " + std::string(command));
}
}  // namespace detail

#define ROSTRUM_ANALYSIS_SELECTORS \
  "source", "body", "session", "year", "from", "to", "issue", "important", "no-amendments", "no-paragraphs", "by"

}  // namespace rostrum::query
