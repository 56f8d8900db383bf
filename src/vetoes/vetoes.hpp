// Security Council vetoes as first-class records: who vetoed which draft, when,
// on which agenda item; stored in their own tables, merged across files, and
// joined to the Security Council record as failed roll calls.
//
// Vetoing members are seats mapped to states by date (seats.hpp): the Soviet
// seat is SUN until 1991-12-24 and RUS from 1991-12-25; the China seat TWN until
// 1971-10-25 and CHN from 1971-10-26. Formats, rules and tables:
// docs/vetoes.md, docs/store.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/table.hpp"
#include "io/import_batch.hpp"
#include "matrix/vote_matrix.hpp"

namespace rostrum::store {
class Store;
}

namespace rostrum::vetoes {

struct Veto {
  Date date = 0;
  std::string draft;    // draft symbol as the source writes it ("S/2022/431"; early rows: the meeting record)
  std::string meeting;  // meeting record ("S/PV.9048")
  std::string agenda_item;
  std::string topic;  // the source's crisis_topic ("Syria", "Israel-Palestine", "Admission")
  std::string region;
  std::vector<std::string> labels;    // vetoing members as written ("USSR", "China")
  std::vector<std::string> vetoers;   // ISO3 by date, sorted ("CHN", "RUS")
  std::vector<std::string> subjects;  // ISO3 of the states the agenda item concerns (see subject_basis)
  std::string subject_basis;          // "target column", "topic", or "none"
  std::uint64_t line = 0;
  std::string source;  // source name (set when loaded from the store)
  bool vetoed_by(std::string_view iso3) const;
};

struct VetoBatch {
  std::string source_name;
  std::vector<std::string> paths;
  std::vector<Veto> vetoes;
  io::WarningList warnings;
  std::vector<std::string> notes;
};

// The veto CSV of world-politics-datalab (year, date M/D/YYYY, month, draft,
// meeting_record, agenda_item, crisis_topic, region, member_veto1..3, indicator
// columns) and files in the same layout (dates may also be YYYY-MM-DD; an optional
// `target` column names the states a draft concerns, ';'-separated). Validates
// every row; InputError names file, line and column.
VetoBatch import_vetoes(const std::string& path, const std::string& source_name = "");

struct WriteResult {
  bool replaced = false;
  std::int64_t vetoes = 0;
};
// One transaction for all batches; a source of the same name is replaced.
std::vector<WriteResult> write_vetoes(store::Store& store, const std::vector<VetoBatch>& batches);
bool has_vetoes(store::Store& store);

// Every veto in the store, merged across sources: a veto listed by several
// files (same date, draft, agenda item and vetoers) counts as often as the file
// listing it most often, so a copy of the base file extended with later vetoes
// adds only the new rows. Sorted by date. `conflicts` (optional) receives one
// line per (date, draft) two sources give different vetoers for.
// UsageError when no veto file was imported.
std::vector<Veto> load_vetoes(store::Store& store, std::vector<std::string>* conflicts = nullptr);

enum class PeriodKind { all, decade, year };
PeriodKind parse_period(const std::string& text);  // "all", "decade", "year"; UsageError naming 'period'

struct CovetoRequest {
  PeriodKind period = PeriodKind::all;
  int from = 0, to = 0;  // years, inclusive; 0 = open
};
// Co-vetoes by pair and period: a, b, period, covetoes -- drafts both states
// vetoed (a < b by id; pairs with at least one co-veto). O(vetoes).
Table covetoes_by_pair(const std::vector<Veto>& vetoes, const CovetoRequest& request);
// Vetoes by member and period: member, period, vetoes, alone (sole vetoer), with_others.
Table vetoes_by_member(const std::vector<Veto>& vetoes, const CovetoRequest& request);
// One row per veto: date, draft, meeting, agenda_item, topic, vetoers, labels,
// subjects, subject_basis, source.
Table veto_list(const std::vector<Veto>& vetoes, const CovetoRequest& request);

// A copy of a Security Council matrix with every veto in it (`vetoes` in the
// matrix's date range or not) added as a failed roll call: the vetoing states
// vote No; every other state's vote is unknown (Missing), since the veto files
// record only who vetoed. Vetoed drafts get negative ids and keys "veto:DRAFT".
// O(countries x roll calls).
VoteMatrix with_vetoed_drafts(const VoteMatrix& sc, const std::vector<Veto>& vetoes);

}  // namespace rostrum::vetoes
