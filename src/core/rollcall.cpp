#include "core/rollcall.hpp"

#include "core/text.hpp"

namespace rostrum {

std::string_view body_code(Body b) { return b == Body::SecurityCouncil ? "sc" : "ga"; }

const std::array<IssueCode, 6>& issue_code_table() {
  static const std::array<IssueCode, 6> table = {{
      {"me", kIssueMe, "Palestinian conflict"},
      {"nu", kIssueNu, "nuclear weapons and material"},
      {"di", kIssueDi, "arms control and disarmament"},
      {"hr", kIssueHr, "human rights"},
      {"co", kIssueCo, "colonialism"},
      {"ec", kIssueEc, "economic development"},
  }};
  return table;
}

std::uint8_t parse_issue_code(std::string_view code) {
  std::uint8_t mask = 0;
  const auto items = split_list(code);
  if (items.empty()) return 0;
  for (const std::string& one : items) {
    const std::string lower = ascii_lower(one);
    bool found = false;
    for (const auto& issue : issue_code_table())
      if (lower == issue.code) {
        mask |= issue.bit;
        found = true;
      }
    if (!found) return 0;
  }
  return mask;
}

std::string issue_codes(std::uint8_t mask) {
  std::string out;
  for (const auto& issue : issue_code_table())
    if (mask & issue.bit) {
      if (!out.empty()) out += ',';
      out += issue.code;
    }
  return out;
}

}  // namespace rostrum
