// Formal alliance commitments: ATOP directed dyad-years and treaty files, stored
// in their own tables and read back as one dated set of commitments.
//
// A tie is one state's obligations toward another in one year (ATOP's directed
// dyad-year: "a has pledged to b"). States are registry ids read by date: ATOP's
// COW codes through registry::find_cow (365 is SUN in 1980 and RUS in 1992), a
// treaty's parties through registry::line_holder. Sources are either complete
// for the years they cover (ATOP: every commitment of every state, 1815-2018) or
// partial (a treaty file lists some treaties); a year no complete source covers
// is known only where a treaty says something, and unknown elsewhere.
// Formats and tables: docs/alliances.md, docs/store.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "io/import_batch.hpp"

namespace rostrum::store {
class Store;
}

namespace rostrum::alliances {

// ATOP's five obligation types (Leeds et al. 2002, "Alliance Treaty Obligations
// and Provisions, 1815-1944", International Interactions 28: 237-60; ATOP
// codebook v5.1), as bits.
enum Obligation : std::uint8_t {
  kDefense = 1 << 0,  // active military support if the partner is attacked
  kOffense = 1 << 1,  // active military support in circumstances other than defence
  kNeutral = 1 << 2,  // not to aid an attacker of the partner
  kNonagg = 1 << 3,   // not to attack the partner
  kConsul = 1 << 4,   // to consult in a crisis
};
inline constexpr std::array<std::string_view, 5> kObligationNames = {"defense", "offense", "neutral", "nonagg",
                                                                     "consul"};
// "defense;consul", or "none" for 0.
std::string obligation_list(std::uint8_t mask);

struct Tie {
  int year = 0;
  int a = 0, b = 0;  // indices into registry::countries(): a's obligations toward b
  std::uint8_t obligations = 0;
  int treaty = -1;  // index into the batch's (or the data's) treaties; -1 for ATOP rows
};

struct Treaty {
  std::string name;
  std::string parties;                          // as written: "RUS;PRK", "NATO"
  Date signed_on = 0, in_force = 0, ended = 0;  // 0 = none / unknown / still in force
  std::uint8_t obligations = 0;
  std::string source;  // citation: where the text and dates come from
  std::string notes;
  std::uint64_t line = 0;  // line in the file it was read from
};

struct AllianceBatch {
  std::string source_name;  // "atop_dyad_year", "treaties", or --name
  std::string format;       // "atop" or "treaties"
  std::vector<std::string> paths;
  int first_year = 0, last_year = 0;  // years the source speaks for
  bool complete = false;              // true when it holds every commitment of those years
  Date as_of = 0;                     // treaty files: open-ended treaties run to this date's year
  std::vector<Tie> ties;
  std::vector<Treaty> treaties;
  io::WarningList warnings;
  std::vector<std::string> notes;
};

// ATOP directed dyad-years (ATOP 5.1 ddyr as distributed by peacesciencer:
// ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral, atop_nonagg,
// atop_consul; ATOP's own names stateA, stateB, defense, ... are accepted). COW
// codes the registry cannot place (Bavaria, Austria-Hungary, ...) are skipped and
// reported in notes, never guessed. Throws InputError naming file, line, column.
AllianceBatch import_atop(const std::string& path);

// A treaty file: CSV with header name, parties, signed, in_force, ended,
// obligations, source (and optional notes). parties: ';'-separated countries
// (ISO3, names, COW numbers) or group names (NATO: its dated membership);
// obligations: ';'-separated defense/offense/neutral/nonagg/consul, or none;
// dates YYYY-MM-DD, ended empty = still in force (until `as_of`). Every row must
// cite its source. Throws InputError naming file, line, column.
AllianceBatch import_treaties(const std::string& path, Date as_of);

// "atop" or "treaties" from the header row; InputError when neither.
std::string detect_alliance_format(const std::string& path);
AllianceBatch import_alliance_file(const std::string& path, const std::string& source_name, Date as_of);

struct WriteResult {
  bool replaced = false;
  std::int64_t ties = 0, treaties = 0;
};
// Writes a batch in one transaction (creating the alliance tables if needed),
// replacing a source of the same name. Nothing is written on error.
WriteResult write_alliances(store::Store& store, const AllianceBatch& batch);
// Several batches in one transaction (all or nothing).
std::vector<WriteResult> write_alliances(store::Store& store, const std::vector<AllianceBatch>& batches);

struct Coverage {
  std::string source, format;
  int first_year = 0, last_year = 0;
  bool complete = false;
  std::string imported_at;
};

// Every alliance source of a store, merged: the union of their ties.
class AllianceData {
 public:
  AllianceData() = default;
  // Builds the index; ties need not be sorted.
  AllianceData(std::vector<Tie> ties, std::vector<Treaty> treaties, std::vector<Coverage> coverage);

  const std::vector<Coverage>& coverage() const { return coverage_; }
  const std::vector<Treaty>& treaties() const { return treaties_; }
  // Whether some complete source covers the year (then "no tie" means none).
  bool complete(int year) const;
  // The last year any source speaks for (complete last year or a treaty file's as-of year).
  int last_year() const { return last_year_; }
  int first_year() const { return first_year_; }

  // a's obligations toward b in `year` (union over sources); 0 when none recorded.
  std::uint8_t directed(int a, int b, int year) const;
  // Either direction.
  std::uint8_t between(int a, int b, int year) const { return directed(a, b, year) | directed(b, a, year); }
  // Whether any source records a tie (in either direction) between a and b in `year`.
  bool any_tie(int a, int b, int year) const;
  // Treaties (indices into treaties()) giving a tie between a and b in `year`.
  std::vector<int> treaties_between(int a, int b, int year) const;

  struct Partner {
    int state = 0;
    std::uint8_t obligations = 0;  // either direction
  };
  // Every state tied to `state` in `year`, with the union of obligations in either
  // direction; sorted by state. O(ties of the state in that year).
  std::vector<Partner> partners(int state, int year) const;

 private:
  std::vector<Tie> ties_;  // sorted by (year, a, b)
  std::vector<Treaty> treaties_;
  std::vector<Coverage> coverage_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_state_;  // (year, state) key -> first adjacency entry
  std::vector<Partner> adjacency_;
  int first_year_ = 0, last_year_ = 0;
  std::vector<std::pair<int, int>> complete_years_;
};

// Every alliance source in the store. Throws UsageError when none was imported.
// `involving` (registry ids, optional) loads only the ties of those states --
// enough for their pair timelines and their portfolios, reading only their rows.
AllianceData load_alliances(store::Store& store, const std::vector<std::string>& involving = {});
bool has_alliances(store::Store& store);

}  // namespace rostrum::alliances
