// What every stage knows about a roll call: the body that voted, the issue codes
// of the literature, and the descriptive record of one roll call. Importers fill
// RollCallInfo, the store keeps it, VoteMatrix carries it beside the votes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace rostrum {

enum class Body : std::uint8_t { GeneralAssembly = 0, SecurityCouncil = 1 };
std::string_view body_code(Body b);  // "ga" / "sc"

// The six issue codes of Voeten's data (and the R package unvotes), as bits of
// RollCallInfo::issues.
enum IssueBit : std::uint8_t {
  kIssueMe = 1 << 0,  // Palestinian conflict
  kIssueNu = 1 << 1,  // nuclear weapons and material
  kIssueDi = 1 << 2,  // arms control and disarmament
  kIssueHr = 1 << 3,  // human rights
  kIssueCo = 1 << 4,  // colonialism
  kIssueEc = 1 << 5,  // economic development
};

struct IssueCode {
  std::string_view code;  // "me"
  IssueBit bit;
  std::string_view label;  // "Palestinian conflict"
};
// The six codes in the order of the literature (me, nu, di, hr, co, ec): the one
// list the store, the query layer, the API, the brief and the dashboard use.
const std::array<IssueCode, 6>& issue_code_table();

// Parses "me", "nu", ... (or a comma list) into a mask; 0 for an unknown code.
std::uint8_t parse_issue_code(std::string_view code);
std::string issue_codes(std::uint8_t mask);  // "me,hr"

// What selection, periods and dating read of a roll call: everything but its
// text. A VoteMatrix keeps these apart from the text, which most analyses never
// read (VoteMatrix::rollcall_head).
struct RollCallHead {
  std::int64_t id = 0;  // store id (unique in the store)
  Body body = Body::GeneralAssembly;
  int session = 0;            // regular session number; emergency sessions: 0 (see session_label)
  std::string session_label;  // "74", "ES-11"
  Date date = 0;
  bool important = false;
  bool amendment = false;
  bool paragraph = false;
  std::uint8_t issues = 0;        // IssueBit mask
  bool issues_predicted = false;  // issues come from the title classifier, not the source
  int year() const { return date_year(date); }
};

// Every field of a roll call: its head and its text.
struct RollCallInfo : RollCallHead {
  std::string key;            // the source's own id (unvotes rcid, UNDL record id, symbol)
  std::string symbol;         // "A/RES/74/10", "R/1/66", "S/RES/2323(2016)"
  std::string title;          // short title
  std::string description;    // longer text when the source has one
  std::string subjects;       // UNBIS subjects, '|' separated, when present
  std::string library_title;  // the UN Library's title of the resolution when a source
                              // of the record has it (for roll calls of other sources)
  std::string source;         // name of the source whose votes these are
};

}  // namespace rostrum
