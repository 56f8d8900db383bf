// Adapter from the store's VoteMatrix to the engine's Data.
#pragma once

#include <vector>

#include "ideal/ideal.hpp"
#include "matrix/vote_matrix.hpp"

namespace rostrum::ideal {

// Builds the estimation input from the roll calls selected by `mask` (words()
// words; empty = all): Yes / Abstain / No votes only (non-voting and missing are
// not votes). Sessions are the regular sessions present, labelled by
// session_label, placed on the time axis by their number (so a session without
// votes, such as 19, is a gap); an emergency or special session's roll call
// (session 0) joins the regular session in progress on its date (session N runs
// from mid-September of 1945 + N), which is added when the selection has no
// other roll call of it.
// Bridging text: the UN Library's title when the roll call has one (a record roll
// call of unvotes matched to a Library record), else the title; and the
// description. Sessions keep their numbers on the time axis across sources, so
// years no source covers (2022-2024 in the shared files) widen the random walk as
// session 19 does. O(countries * roll calls).
Data from_matrix(const VoteMatrix& m, const std::vector<Word>& mask);

}  // namespace rostrum::ideal
