// The stitched record: one General Assembly history and one Security Council
// history composed from every imported source, each adopted resolution counted
// once. This header is the algorithm on plain data (no SQLite); store.cpp feeds
// it the sources' roll calls and writes what it returns (docs/store.md, "The
// record").
//
// Precedence. Sources are taken in order of rank, then newest import first:
//   0  unvotes, voeten  (Voeten's data: alone has amendment and paragraph votes
//                        and issue codes, 1946-2019)
//   1  undl             (the UN Library's bulk file)
//   2  wide             (scrapes of the UN Library's pages)
// A roll call of a later source that matches one already in the record adds no
// roll call; the earlier source's votes stand and every state on which the two
// disagree is a conflict.
//
// Matching, in this order, each roll call of the later source against the record
// roll calls of earlier sources that no other roll call of the same source has
// matched yet:
//   1. symbol: the same resolution symbol after normalisation (symbol_key), e.g.
//      unvotes' "R/26/2758" and the UN Library's "A/RES/2758(XXVI)"; several
//      candidates: a final vote before an amendment or paragraph vote, then the
//      highest agreement, then the nearest date. Rejected when both sides have 10
//      or more common cast votes and agree on fewer than half (a symbol error in
//      one source, not the same vote);
//   2. date + title: the same date and the same title after normalisation
//      (title_key, 12 letters or more), one candidate only;
//   3. votes: for the rest, record roll calls within 45 days (unvotes' dates are
//      off by up to a month), not amendment or paragraph votes, with 10 or more
//      common cast votes, agreeing on at least 90% of them and covering at least
//      90% of the smaller side's cast votes; pairs are taken best first
//      (agreement, coverage, then nearest date). Adopted-without-vote records
//      (no cast vote) can only match by symbol or by date and title.
// A roll call left unmatched joins the record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/vote.hpp"

namespace rostrum::store::record {

// Rank of a source format in the precedence (lower first); 3 for others.
int precedence_rank(std::string_view format);
// Whether a format's dates are the day of the vote (the UN Library's) rather than
// approximate (unvotes' and Voeten's are off by up to a month).
bool has_exact_dates(std::string_view format);
// Whether a format carries Voeten's issue codes.
bool has_issue_codes(std::string_view format);

// "A/RES/2758(XXVI)" and "R/26/2758" -> "26/2758"; "A/RES/34/93R" -> "34/93R";
// "A/RES/50/38[B-XI]" -> "50/38B/XI"; "A/RES/ES-11/1" -> "ES-11/1";
// "A/DEC/80/506" -> "DEC/80/506"; "S/RES/2334(2016)" -> "S/2334". "" when the
// symbol has none of these shapes. O(length).
std::string symbol_key(std::string_view symbol);
// Letters only, lower case, single spaces, without the UN Library's trailing
// " : resolution / adopted by the General Assembly"; "" when under 12 letters.
std::string title_key(std::string_view title);

// One roll call of one source, as the stitcher sees it. Votes are bit sets over
// country indices (registry order), `words` words each.
struct Item {
  std::int64_t id = 0;  // rollcalls.id
  Date date = 0;
  std::string symbol, title;
  bool amendment = false, paragraph = false;
  std::vector<std::uint64_t> yes, abstain, no, nonvoting;
};

struct Source {
  std::string format;       // decides the rank
  std::vector<Item> items;  // one body
};

struct Match {
  std::int64_t rollcall = 0;  // the later source's roll call
  std::int64_t record = 0;    // the record roll call it duplicates
  std::string method;         // "symbol", "date+title", "votes"
  double agreement = -1;      // share of common cast votes that agree; -1 with under 10 in common
};

struct Conflict {
  std::int64_t record = 0, other = 0;
  int country = 0;            // index into the vote bit sets
  Vote kept = Vote::Missing;  // the record's vote
  Vote other_vote = Vote::Missing;
};

struct Result {
  std::vector<std::int64_t> record;  // roll-call ids that make the record
  std::vector<Match> matches;
  std::vector<Conflict> conflicts;  // a state cast a vote in one and not the same in the other
};

// Sources in precedence order (see order_sources). O(items log items + symbol
// candidates + (unmatched items x record items within 45 days) x words).
Result stitch(const std::vector<Source>& sources);

// Indices of `formats` in precedence order: by rank, ties by the later position
// (the newer import) first.
std::vector<std::size_t> order_sources(const std::vector<std::string>& formats);

// Vote of country c in an item.
Vote vote_of(const Item& item, int c);

}  // namespace rostrum::store::record
