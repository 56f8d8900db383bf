// The unvotes layout (R package unvotes 0.3.0, derived from Voeten's data).
//
// Conventions of this source, and how rostrum maps them:
// - absences and non-membership are not rows: a missing row is Vote::Missing,
//   never an invented "absent";
// - the Soviet seat is recorded as "Russia" (RU) for every year, and
//   "Yugoslavia" (YU) continues through Serbia's membership: like every label,
//   these go through the registry's seat rules by the roll call's date (Russia
//   before 1991-12-24 is SUN; Yugoslavia is YUG, then SCG from 1992-04-27, SRB
//   from 2006-06-03; Yemen Arab Republic after 1990-05-21 is YEM);
// - empty country codes (Federal Republic of Germany, Yemen Arab Republic,
//   Zanzibar) are resolved by name.
#include <charconv>
#include <unordered_map>
#include <vector>

#include "io/file.hpp"
#include "io/import.hpp"
#include "io/import_common.hpp"
#include "registry/registry.hpp"

namespace rostrum::io {

using namespace detail;

namespace {

std::string require_file(const std::string& dir, const std::string& stem) {
  std::string p = find_plain_or_gz(dir + "/" + stem);
  if (p.empty()) throw InputError(dir + "/" + stem, 0, 0, "missing file (expected " + stem + " or " + stem + ".gz)");
  return p;
}

}  // namespace

ImportBatch import_unvotes(const std::string& dir, const ProgressFn& progress) {
  ImportBatch batch;
  batch.format = "unvotes";
  batch.source_name = source_stem(dir);
  const std::string rc_path = require_file(dir, "un_roll_calls.csv");
  const std::string votes_path = require_file(dir, "un_votes.csv");
  const std::string issues_path = find_plain_or_gz(dir + "/un_roll_call_issues.csv");
  batch.paths = {rc_path, votes_path};
  if (!issues_path.empty()) batch.paths.push_back(issues_path);
  batch.notes.push_back(
      "unvotes records the Soviet seat as 'Russia' (RU) in every year and Serbia as 'Yugoslavia' (YU) after "
      "1992; rostrum reads every label by the roll call's date (registry seat rules), so these are SUN before "
      "1991-12-24 and SCG/SRB after 1992-04-27; analyses carry SUN's votes in RUS's series and SCG's in SRB's.");
  batch.notes.push_back("absences and non-membership are not rows in unvotes: they are missing, not 'non-voting'.");

  // Roll calls.
  std::unordered_map<std::int64_t, int> by_rcid;
  {
    std::string data = read_file(rc_path);
    CsvReader reader(rc_path, data);
    CsvRecord rec;
    if (!reader.next(rec)) throw InputError(rc_path, 1, 1, "empty file, expected a header row");
    const int c_rcid = require_column(reader, rec, {"rcid"});
    const VoetenRollCallColumns columns = voeten_rollcall_columns(reader, rec);
    while (reader.next(rec)) {
      ImportedRollCall rc;
      std::int64_t rcid = parse_int(reader, rec, c_rcid, "rcid");
      rc.info.key = std::to_string(rcid);
      parse_voeten_rollcall(reader, rec, columns, rc.info);
      if (!by_rcid.emplace(rcid, static_cast<int>(batch.rollcalls.size())).second)
        fail(reader, rec, c_rcid, "duplicate roll call id " + std::to_string(rcid));
      batch.rollcalls.push_back(std::move(rc));
    }
  }

  // Issues (optional file).
  if (!issues_path.empty()) {
    std::string data = read_file(issues_path);
    CsvReader reader(issues_path, data);
    CsvRecord rec;
    if (reader.next(rec)) {
      const int c_rcid = require_column(reader, rec, {"rcid"});
      const int c_code = require_column(reader, rec, {"short_name"});
      while (reader.next(rec)) {
        std::int64_t rcid = parse_int(reader, rec, c_rcid, "rcid");
        auto it = by_rcid.find(rcid);
        if (it == by_rcid.end()) fail(reader, rec, c_rcid, "issue for unknown roll call " + std::to_string(rcid));
        std::string_view code = trim(field(reader, rec, c_code));
        std::uint8_t bit = parse_issue_code(code);
        if (!bit)
          fail(reader, rec, c_code,
               "unknown issue code '" + std::string(code) + "' (expected me, nu, di, hr, co or ec)");
        batch.rollcalls[it->second].info.issues |= bit;
      }
    }
  }

  // Votes.
  {
    std::string data = read_file(votes_path);
    CsvReader reader(votes_path, data);
    CsvRecord rec;
    if (!reader.next(rec)) throw InputError(votes_path, 1, 1, "empty file, expected a header row");
    const int c_rcid = require_column(reader, rec, {"rcid"});
    const int c_country = require_column(reader, rec, {"country"});
    const int c_code = optional_column(rec, {"country_code"});
    const int c_vote = require_column(reader, rec, {"vote"});
    std::unordered_map<std::string, int> country_cache;
    SeatMapper seats;
    // (roll call, state) pairs already voted: one bit each (a hash set of 870k
    // keys was a tenth of the import).
    const std::size_t n_states = registry::countries().size();
    std::vector<std::uint64_t> seen((batch.rollcalls.size() * n_states + 63) / 64, 0);
    batch.votes.reserve(data.size() / 28);
    std::size_t next_report = 0;
    std::string key;
    // The file lists a roll call's votes together: the last lookup usually answers.
    std::int64_t last_rcid = -1;
    int last_index = -1;
    while (reader.next(rec)) {
      std::int64_t rcid = parse_int(reader, rec, c_rcid, "rcid");
      if (rcid != last_rcid) {
        auto it = by_rcid.find(rcid);
        if (it == by_rcid.end()) fail(reader, rec, c_rcid, "vote on unknown roll call " + std::to_string(rcid));
        last_rcid = rcid;
        last_index = it->second;
      }
      const int rollcall = last_index;
      std::string_view name = trim(field(reader, rec, c_country));
      std::string_view code = c_code >= 0 ? trim(field(reader, rec, c_code)) : std::string_view{};
      key.assign(name);
      key += '\x1f';
      key += code;
      auto cit = country_cache.find(key);
      int country;
      if (cit != country_cache.end()) {
        country = cit->second;
      } else {
        country = registry::find(name);
        if (country < 0 && !code.empty()) country = registry::find(code);
        if (country < 0)
          fail(reader, rec, c_country,
               "unknown country '" + std::string(name) + "' (code '" + std::string(code) + "')");
        country_cache.emplace(key, country);
        batch.name_map[std::string(name)] = std::string(registry::countries()[country].iso3);
      }
      std::string_view v = trim(field(reader, rec, c_vote));
      Vote vote;
      if (v == "yes")
        vote = Vote::Yes;
      else if (v == "no")
        vote = Vote::No;
      else if (v == "abstain")
        vote = Vote::Abstain;
      else {
        std::string lv = lower(v);
        if (lv == "yes")
          vote = Vote::Yes;
        else if (lv == "no")
          vote = Vote::No;
        else if (lv == "abstain")
          vote = Vote::Abstain;
        else
          fail(reader, rec, c_vote, "unknown vote '" + std::string(v) + "' (expected yes, no or abstain)");
      }
      const int label = country;
      country = seats.holder(label, batch.rollcalls[static_cast<std::size_t>(rollcall)].info.date);
      if (country < 0) {
        batch.warnings.add("vote under a label with no seat on the roll call's date (skipped)",
                           std::string(name) + " on roll call " + std::to_string(rcid));
        continue;
      }
      const std::size_t cell = static_cast<std::size_t>(rollcall) * n_states + static_cast<std::size_t>(country);
      const std::uint64_t bit = std::uint64_t{1} << (cell % 64);
      if (seen[cell / 64] & bit)
        fail(reader, rec, c_country,
             "duplicate vote of " + std::string(name) + " on roll call " + std::to_string(rcid));
      seen[cell / 64] |= bit;
      batch.votes.push_back({rollcall, country, vote});
      if (progress && reader.offset() >= next_report) {
        progress(reader.offset(), reader.size());
        next_report = reader.offset() + reader.size() / 100;
      }
    }
    seats.add_notes(batch.notes);
  }
  return batch;
}

}  // namespace rostrum::io
