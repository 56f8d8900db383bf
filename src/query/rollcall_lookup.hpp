// Looking up one roll call: matching a symbol as users type it, matching words of
// a title, each state's part in the vote (including absence and non-membership)
// and the roll call's page in the UN Digital Library. The `rollcall` analysis
// (query/catalogue/votes/rollcall.cpp) is built on these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/rollcall.hpp"
#include "matrix/vote_matrix.hpp"

namespace rostrum::query {

// Whether `symbol` (a roll call's) is the resolution `wanted` names, as a user
// types it: case and spaces do not matter ("a/res/es-11/1" = "A/RES/ES-11/1"),
// and two spellings of one resolution match through store::record::symbol_key
// ("A/RES/2758(XXVI)" = unvotes' "R/26/2758"); a bare "ES-11/1" or "74/10" is
// read as a General Assembly resolution. O(length).
bool symbol_matches(std::string_view wanted, std::string_view symbol);
// The looser match used when no symbol matches exactly: `symbol` is a part of the
// resolution `wanted` names, i.e. its key is wanted's followed by part letters
// (unvotes' "R/26/2758G" for "A/RES/2758(XXVI)"; "R/50/38B" for "A/RES/50/38").
bool symbol_part_of(std::string_view wanted, std::string_view symbol);
// Whether a symbol names a Security Council resolution ("S/RES/2334(2016)").
bool is_council_symbol(std::string_view symbol);

// The words of a search ("Aggression against Ukraine" -> {"aggression",
// "against", "ukraine"}): letters and digits, lower case.
std::vector<std::string> search_words(std::string_view text);
// Whether every word occurs in the roll call's title, the UN Library's title or
// its description (as a word prefix: "ukrain" finds "Ukraine"). O(text length x words).
bool has_words(const RollCallInfo& rc, const std::vector<std::string>& words);

// A state's part in one roll call.
enum class StateVote { yes, no, abstain, absent, non_member };
std::string_view state_vote_name(StateVote v);  // "yes", "no", "abstain", "absent", "non-member"

// The span of dates on which each row of a matrix holds any record (a vote or a
// recorded non-vote): the state's membership as the record sees it.
struct RecordSpans {
  std::vector<Date> first, last;  // per country; 0 when the row holds nothing
};
// O(countries x words).
RecordSpans record_spans(const VoteMatrix& m);

// Whether a source format records a member's absence (Vote::NonVoting) and so
// leaves only non-members without a record. unvotes does not: an absent member
// has no row there, as a non-member has none.
bool records_absences(std::string_view format);

// State c's part in roll call r (its date d). A recorded non-vote is an absence.
// No record at all:
//  - Security Council: not on the council (seats rotate);
//  - General Assembly: non-member when the state does not hold its own seat on d
//    (registry::holder_on: SUN after 1991-12-23, TWN after 1971-10-25) or has no
//    record before d (not admitted yet); when it has records before and after d,
//    non-member if the source records absences (it says so) and absent if the
//    source does not (unvotes); when it has records before d only, absent (a
//    state still holding its seat; the 2025 scrape has no column for two members).
StateVote state_vote(const VoteMatrix& m, int c, int r, bool source_records_absences, const RecordSpans& spans);

// The state a matrix row (a series, query::Store::load_matrix) stood for on a
// date: "SUN" for the RUS row before 1991-12-24 (registry::continuations).
std::string state_on(std::string_view series, Date date);

// Percent-encoding of a URL query value (RFC 3986 unreserved characters kept).
std::string url_encode(std::string_view text);

// The roll call's page: the UN Digital Library record
// https://digitallibrary.un.org/record/<key> when the source is one of the UN
// Library's files whose key is the record id (format "undl": undl_id; "wide": the
// scrapes' token, the id in their Link column), else the Library's search for the
// symbol https://digitallibrary.un.org/search?p=<symbol>; "" when
// the roll call has neither. `kind` is set to "record", "search" or "".
std::string rollcall_link(const RollCallInfo& rc, std::string_view format, std::string* kind = nullptr);

}  // namespace rostrum::query
