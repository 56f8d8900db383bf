// The vote values every stage shares.
#pragma once

#include <cstdint>
#include <string_view>

namespace rostrum {

// Codes follow the literature's distance coding (Yes = 1, Abstain = 2, No = 3) so
// that |vi - vj| is the distance used by agree and S. NonVoting is a member present
// in the record who did not vote ("X" in the UN Digital Library); Missing is no
// record at all (not a member, or a source that drops absences).
enum class Vote : std::uint8_t { Missing = 0, Yes = 1, Abstain = 2, No = 3, NonVoting = 4 };

constexpr bool is_cast(Vote v) { return v == Vote::Yes || v == Vote::Abstain || v == Vote::No; }
std::string_view vote_name(Vote v);  // "yes", "abstain", "no", "nonvoting", "missing"

}  // namespace rostrum
