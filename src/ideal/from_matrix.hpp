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
// votes, such as 19, is a gap); an emergency-session roll call (session 0) joins
// the latest regular session before it (the first one when none is earlier).
// Bridging text: title and description. O(countries * roll calls).
Data from_matrix(const VoteMatrix& m, const std::vector<Word>& mask);

}  // namespace rostrum::ideal
