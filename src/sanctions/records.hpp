// Designations: what the analyses count. An issuer's entries with the same id in
// several of its lists (an OFAC ent_num in the 2019 SDN list, the SDN history and
// the consolidated list) are one designation; its names, identifiers and events
// are the union of those entries'.
#pragma once

#include <string>
#include <vector>

#include "sanctions/dates.hpp"
#include "sanctions/store.hpp"

namespace rostrum::sanctions {

struct Record {
  std::string issuer, key;
  EntryType type = EntryType::unknown;
  std::vector<int> entries;  // indices into Dataset::entries
  std::vector<Name> names;   // unique by folded text, strongest kind kept
  std::vector<Identifier> ids;
  std::vector<std::string> programmes, targets, nationalities, links;
  std::vector<std::string> countries;  // ISO3 of addresses and places of registration
  std::vector<DayRange> dobs;
  std::vector<int> dob_precisions;  // parallel to dobs (dates::dob_precision)
  // First listing: `listed` is the latest day it can have happened and `listed_lo`
  // the earliest; listed_lo == 0 means only "on or before `listed`" is known (the
  // entry was already in a list on that day); listed == 0: no date at all.
  Date listed = 0, listed_lo = 0;
  // The designation's last state: delisted on `delisted` (0 = still listed in the
  // newest list that holds it).
  Date delisted = 0;
  const std::string& name() const;
};

// O(entries + names + identifiers). Entries of lists with a snapshot date count as
// listed on or before that date.
std::vector<Record> build_records(const Dataset& d);

// Is the record listed on day `day`? Undated records count as listed on any day
// after nothing and before their delisting (their presence is all that is known).
bool listed_on(const Record& r, Date day);

}  // namespace rostrum::sanctions
