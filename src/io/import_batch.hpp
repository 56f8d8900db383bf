// What an importer produces: a whole source, parsed, validated and mapped to
// canonical country ids, in memory. Nothing touches the store until a batch is
// complete, so a bad file can never half-write (see store::Store::write_source).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/rollcall.hpp"
#include "core/vote.hpp"

namespace rostrum::io {

struct OfficialTotals {
  int yes = 0, no = 0, abstain = 0, nonvoting = 0;
};

struct ImportedRollCall {
  RollCallInfo info;                     // id is assigned by the store
  std::optional<OfficialTotals> totals;  // when the source publishes them
  std::string link;                      // record URL when present
};

struct ImportedVote {
  std::int32_t rollcall;  // index into ImportBatch::rollcalls
  std::int32_t country;   // index in registry::countries()
  Vote vote;
};

// Warnings are grouped by kind with a count and a few examples, so a report of
// a million-row import stays short.
struct WarningList {
  struct Entry {
    std::int64_t count = 0;
    std::vector<std::string> examples;  // at most 5
  };
  std::map<std::string, Entry> by_kind;
  void add(const std::string& kind, const std::string& example);
  std::int64_t total() const;
};

struct ImportBatch {
  std::string source_name;  // e.g. "unvotes-0.3.0", "undl-wide-2022"
  std::string format;       // "unvotes", "undl", "wide", "voeten"
  std::vector<std::string> paths;
  std::vector<ImportedRollCall> rollcalls;
  std::vector<ImportedVote> votes;
  std::map<std::string, std::string> name_map;  // source's country label -> iso3 ("" when unmapped)
  WarningList warnings;
  std::vector<std::string> notes;  // how the source's conventions were mapped
};

// Progress: bytes done and total, for a progress bar. May be empty.
using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace rostrum::io
