// Voeten's Dataverse layout (United Nations General Assembly Voting Data,
// hdl:1902.1/12379): one row per state per roll call with the roll call's
// metadata repeated. Vote codes: 1 yes, 2 abstain, 3 no, 8 absent (kept as
// non-voting), 9 not a member (missing, not stored). Countries by COW code, read by
// the roll call's date through the registry's seat rules (COW 365 before
// 1991-12-24 is SUN, 345 after 1992-04-26 is SCG then SRB, ...).
#include <unordered_map>

#include "io/file.hpp"
#include "io/import.hpp"
#include "io/import_common.hpp"
#include "registry/registry.hpp"

namespace rostrum::io {

using namespace detail;

ImportBatch import_voeten(const std::string& path, const ProgressFn& progress) {
  ImportBatch batch;
  batch.format = "voeten";
  batch.source_name = source_stem(path);
  batch.paths = {path};
  batch.notes.push_back("Voeten vote code 8 (absent) is stored as non-voting; code 9 (not a member) is not stored.");
  std::string data = read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const int c_rcid = require_column(reader, rec, {"rcid"});
  const int c_ccode = require_column(reader, rec, {"ccode"});
  const int c_vote = require_column(reader, rec, {"vote"});
  const VoetenRollCallColumns columns = voeten_rollcall_columns(reader, rec);
  const std::pair<const char*, std::uint8_t> issue_cols[] = {{"me", kIssueMe}, {"nu", kIssueNu}, {"di", kIssueDi},
                                                             {"hr", kIssueHr}, {"co", kIssueCo}, {"ec", kIssueEc}};
  std::vector<std::pair<int, std::uint8_t>> issues;
  for (auto [name, bit] : issue_cols) {
    int c = optional_column(rec, {name});
    if (c >= 0) issues.emplace_back(c, bit);
  }
  std::unordered_map<std::int64_t, int> by_rcid;
  std::unordered_map<std::int64_t, int> country_cache;
  SeatMapper seats;
  std::vector<std::vector<int>> seen;
  std::size_t next_report = 0;
  while (reader.next(rec)) {
    std::int64_t rcid = parse_int(reader, rec, c_rcid, "rcid");
    auto it = by_rcid.find(rcid);
    int index;
    if (it == by_rcid.end()) {
      ImportedRollCall rc;
      rc.info.key = std::to_string(rcid);
      parse_voeten_rollcall(reader, rec, columns, rc.info);
      for (auto [c, bit] : issues)
        if (parse_flag(reader, rec, c, "issue flag")) rc.info.issues |= bit;
      index = static_cast<int>(batch.rollcalls.size());
      by_rcid.emplace(rcid, index);
      batch.rollcalls.push_back(std::move(rc));
      seen.emplace_back();
    } else {
      index = it->second;
    }
    std::int64_t code = parse_int(reader, rec, c_vote, "vote code");
    Vote vote;
    switch (code) {
      case 1:
        vote = Vote::Yes;
        break;
      case 2:
        vote = Vote::Abstain;
        break;
      case 3:
        vote = Vote::No;
        break;
      case 8:
        vote = Vote::NonVoting;
        break;
      case 9:
        continue;
      default:
        fail(reader, rec, c_vote, "unknown vote code " + std::to_string(code) + " (expected 1, 2, 3, 8 or 9)");
    }
    std::int64_t ccode = parse_int(reader, rec, c_ccode, "COW country code");
    int country;
    auto cit = country_cache.find(ccode);
    if (cit != country_cache.end()) {
      country = cit->second;
    } else {
      country = registry::find(std::to_string(ccode));
      if (country < 0) fail(reader, rec, c_ccode, "unknown COW country code " + std::to_string(ccode));
      country_cache.emplace(ccode, country);
      batch.name_map[std::to_string(ccode)] = std::string(registry::countries()[country].iso3);
    }
    const int label = country;
    country = seats.holder(label, batch.rollcalls[index].info.date);
    if (country < 0) {
      batch.warnings.add("vote under a code with no seat on the roll call's date (skipped)",
                         "COW " + std::to_string(ccode) + " on roll call " + std::to_string(rcid));
      continue;
    }
    for (int c : seen[index])
      if (c == country)
        fail(reader, rec, c_ccode,
             "duplicate vote of COW " + std::to_string(ccode) + " on roll call " + std::to_string(rcid));
    seen[index].push_back(country);
    batch.votes.push_back({index, country, vote});
    if (progress && reader.offset() >= next_report) {
      progress(reader.offset(), reader.size());
      next_report = reader.offset() + reader.size() / 100;
    }
  }
  seats.add_notes(batch.notes);
  return batch;
}

}  // namespace rostrum::io
