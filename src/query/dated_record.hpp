// A vote record read through the dates of UN seats and state lines.
//
// Some records write one label for a seat across its holders: unvotes calls the
// Soviet seat "Russia" in every year and the China seat "China" before 1971, and
// keeps "Yugoslavia" for Serbia. Alliance data and vetoes are dated (SUN in 1980,
// TWN for the China seat in 1960), so the channels that compare them read the
// votes the same way: each vote moves to the state holding its label's seat or
// line on the roll call's date (vetoes::un_holder). On a record that is already
// dated nothing moves.
#pragma once

#include <cstdint>

#include "matrix/vote_matrix.hpp"

namespace rostrum::query {

struct DatedRecord {
  VoteMatrix matrix;
  std::int64_t moved = 0;      // votes that changed label
  std::int64_t conflicts = 0;  // votes dropped because the holder's own row had a vote on the same roll call
};

// O(countries x roll calls).
DatedRecord dated_by_seat(const VoteMatrix& m);

}  // namespace rostrum::query
