// The sanctions data model: a list (issuer, snapshot date) holds entries; an entry
// (person, organisation, vessel, aircraft) has names with a kind, identifiers,
// dated events (listed, amended, delisted) and links to other entries. Importers
// build whole lists in memory (a SanctionsList); the store writes them in one
// transaction. Conventions are in docs/sanctions.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "io/import_batch.hpp"

namespace rostrum::sanctions {

enum class EntryType { person, organisation, vessel, aircraft, unknown };
std::string_view to_string(EntryType t);
EntryType entry_type_from_string(std::string_view s);  // inverse of to_string; unknown otherwise

// primary: the list's own name for the entry; aka: also known as (a strong alias);
// fka: formerly known as (previous names, e.g. a renamed vessel); weak: an alias the
// issuer itself marks as low quality (OFAC "weak a.k.a.", UN "Low", EU weakAlias).
enum class NameKind { primary, aka, fka, weak };
std::string_view to_string(NameKind k);
NameKind name_kind_from_string(std::string_view s);

enum class EventKind { listed, amended, delisted };
std::string_view to_string(EventKind k);
EventKind event_kind_from_string(std::string_view s);

struct Name {
  NameKind kind = NameKind::primary;
  std::string text;    // as written in the list
  std::string folded;  // names::fold(text): ASCII, lower case, one space between words
};

// Identifier kinds (Identifier::kind): imo, mmsi, passport, national_id, tax_id,
// ogrn, okpo, registration, swift, lei, dob, nationality. Values are normalised
// (upper case, no spaces or punctuation; dob as "YYYY-MM-DD", "YYYY-MM", "YYYY",
// "YYYY..YYYY" or "~YYYY"; nationality as ISO3).
struct Identifier {
  std::string kind;
  std::string value;
  std::string country;        // ISO3 of the issuing country when stated, else ""
  std::string raw;            // the text it was read from
  bool from_remarks = false;  // parsed out of free text (OFAC remarks) rather than a field
};

// A dated event. `date` is the latest day it can have happened, `date_lo` the
// earliest (equal for an exact date). date_lo == 0: only an upper bound is known
// (e.g. "already listed when the history starts"); date == 0: no date at all.
struct Event {
  EventKind kind = EventKind::listed;
  Date date = 0;
  Date date_lo = 0;
  std::string detail;
};

struct Entry {
  std::string key;  // the issuer's id: OFAC ent_num, UN reference number, EU celex:annex/recordId, CN row
  EntryType type = EntryType::unknown;
  std::vector<std::string> programmes;  // issuer's programme codes (OFAC "RUSSIA-EO14024", EU "EU-RUS", UN "DPRK")
  std::string target;                   // ISO3 of the target state, "" when none
  std::string target_basis;             // "programme", "nationality", "country" or ""
  std::vector<Name> names;              // names[0] is the primary name
  std::vector<Identifier> ids;
  std::vector<Event> events;
  std::vector<std::string> links;              // names of linked entries (OFAC "Linked To:")
  std::vector<std::string> address_countries;  // ISO3 of addresses and places of registration
  std::string sector;                          // CN: derived sector (docs/sanctions.md)
  std::string remarks;                         // free text (OFAC remarks, EU reason, UN comments, CN summary)
  std::string detail;                          // list-specific detail (EU annex and measure, CN body and list)
  std::string origin;                          // "file:line" (or element) it was read from
  const std::string& primary_name() const;
};

struct SanctionsList {
  std::string key;     // "ofac-sdn", "ofac-sdn-history", "ofac-cons", "un-consolidated", "eu-journal", "cn-counter"
  std::string issuer;  // "US", "UN", "EU", "CN"
  std::string name;
  std::string format;       // "ofac-legacy", "ofac-history", "un-xml", "eu-journal", "cn-csv"
  Date as_of = 0;           // snapshot date
  std::string as_of_basis;  // "stated" (the file says), "latest-listing" (lower bound), "given" (--as-of), ""
  std::vector<std::string> paths;
  std::vector<Entry> entries;
  std::vector<std::string> notes;  // conventions and everything reported rather than guessed
  io::WarningList warnings;
};

}  // namespace rostrum::sanctions
