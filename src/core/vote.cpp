#include "core/vote.hpp"

namespace rostrum {
std::string_view vote_name(Vote v) {
  switch (v) {
    case Vote::Yes:
      return "yes";
    case Vote::Abstain:
      return "abstain";
    case Vote::No:
      return "no";
    case Vote::NonVoting:
      return "nonvoting";
    case Vote::Missing:
      break;
  }
  return "missing";
}
}  // namespace rostrum
