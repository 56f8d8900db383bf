// The multiplex view of a dyad or a group: for every year, every channel rostrum
// has, each on its own scale with its own uncertainty, null where a channel has
// no data that year (never 0), and no composite index.
//
// A channel is a small pluggable piece: a name, its columns, what its scale and
// uncertainty are, and a function that fills its columns for every (pair, year)
// of the view (dyad_channels() lists them in order). Adding a channel -- the
// sanctions stance, when that stage lands -- is one more entry: write its fill
// function in its own file and append it to the list in dyad.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alliances/timeline.hpp"
#include "core/table.hpp"
#include "query/catalogue.hpp"
#include "query/query.hpp"

namespace rostrum::query {

struct DyadRequest {
  std::string a, b;       // one pair
  std::string group;      // or every pair of a group (name or comma list)
  int from = 0, to = 0;   // years; 0 = from 1946 (or later, when a state enters the state system) / to the newest data
  std::string source;     // GA source ("" = the default record)
  std::string sc_source;  // SC source ("" = the default)
  double ci = 0.95;       // bootstrap interval level for GA agreement (0 = none)
  int boot = 1000;
  std::uint64_t seed = 1;
};

// What every channel is given: the pairs and years of the view and the store.
struct DyadScope {
  DyadScope(Context& c, const DyadRequest& r, std::vector<std::pair<alliances::StateLine, alliances::StateLine>> p,
            int first, int last)
      : ctx(c), request(r), pairs(std::move(p)), from(first), to(last) {}
  Context& ctx;
  const DyadRequest& request;
  std::vector<std::pair<alliances::StateLine, alliances::StateLine>> pairs;
  int from = 0, to = 0;
  int years() const { return to - from + 1; }
  // The alliance ties of the view's states, loaded once for the channels that
  // need them; nullptr when the store holds no alliance data.
  const alliances::AllianceData* alliance_data() const;

 private:
  mutable bool alliances_loaded_ = false;
  mutable std::optional<alliances::AllianceData> alliances_;
};

// The cells of one channel: cell(pair, year, column), all null to start with.
class ChannelCells {
 public:
  ChannelCells(std::size_t pairs, int years, std::size_t columns);
  Cell& at(std::size_t pair, int year_offset, std::size_t column);
  const Cell& at(std::size_t pair, int year_offset, std::size_t column) const;
  bool any() const;                // whether any cell holds a value
  std::vector<std::string> notes;  // shown in the view's meta (e.g. "no SC source in this store")

 private:
  std::size_t years_, columns_;
  std::vector<Cell> cells_;
};

struct DyadChannel {
  std::string name;
  std::string scale;                // what the values are and how they are bounded
  std::string uncertainty;          // what says how sure a value is (n, interval, sd, coverage)
  std::vector<ColumnSpec> columns;  // every one nullable
  std::function<void(const DyadScope&, ChannelCells&)> fill;
  // The newest year the channel has data for in this store (0 = none); the
  // view's default range ends at the newest of all channels.
  std::function<int(Context&, const DyadRequest&)> last_year;
};

// The registered channels, in the view's column order: ga, ideal, sc, vetoes,
// alliance, portfolio (sanctions: see the comment above).
const std::vector<DyadChannel>& dyad_channels();

// One row per (pair, year): year, a, b, a_id, b_id (the ids holding each line
// that year), then every channel's columns. meta: the channels with their scale,
// uncertainty and notes.
Table dyad_view(Context& ctx, const DyadRequest& request);

}  // namespace rostrum::query
