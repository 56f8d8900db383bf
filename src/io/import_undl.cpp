// The UN Digital Library bulk voting CSV: one row per member state per adopted
// resolution, GA or SC. Columns are read by name; both the singular names of the
// current file (ms_code, ms_name, ms_vote, resolution) and the plural names of the
// 2024 data dictionary (ms_codes, ms_names, ms_votes, resolutions) are accepted.
// Totals are floats ("120.0"); session may be a number or "ES-11"; subjects are
// UNBIS terms separated by '|' or '--'. An empty ms_vote means the state was not a
// member: missing, not a vote. Codes are read by the resolution's date through the
// registry's seat rules (a CHN row before 1971-10-26 is TWN, ...).
#include <unordered_map>

#include "io/file.hpp"
#include "io/import.hpp"
#include "io/import_common.hpp"
#include "registry/registry.hpp"

namespace rostrum::io {

using namespace detail;

ImportBatch import_undl(const std::string& path, const ProgressFn& progress) {
  ImportBatch batch;
  batch.format = "undl";
  batch.source_name = source_stem(path);
  batch.paths = {path};
  std::string data = read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const int c_id = require_column(reader, rec, {"undl_id"});
  const int c_code = require_column(reader, rec, {"ms_code", "ms_codes"});
  const int c_name = optional_column(rec, {"ms_name", "ms_names"});
  const int c_vote = require_column(reader, rec, {"ms_vote", "ms_votes"});
  const int c_date = require_column(reader, rec, {"date"});
  const int c_session = require_column(reader, rec, {"session"});
  const int c_res = require_column(reader, rec, {"resolution", "resolutions"});
  const int c_title = optional_column(rec, {"title"});
  const int c_agenda = optional_column(rec, {"agenda_title"});
  const int c_subjects = optional_column(rec, {"subjects"});
  const int c_ty = optional_column(rec, {"total_yes"});
  const int c_tn = optional_column(rec, {"total_no"});
  const int c_ta = optional_column(rec, {"total_abstentions"});
  const int c_tx = optional_column(rec, {"total_non_voting"});
  const int c_link = optional_column(rec, {"undl_link"});

  std::unordered_map<std::string, int> by_id;
  std::unordered_map<std::string, int> country_cache;
  SeatMapper seats;
  std::vector<std::vector<std::pair<int, Vote>>> seen;  // per roll call, for duplicate checks
  std::size_t next_report = 0;
  while (reader.next(rec)) {
    std::string id(trim(field(reader, rec, c_id)));
    if (id.empty()) fail(reader, rec, c_id, "empty undl_id");
    auto it = by_id.find(id);
    int index;
    if (it == by_id.end()) {
      ImportedRollCall rc;
      rc.info.key = id;
      rc.info.symbol = std::string(trim(field(reader, rec, c_res)));
      rc.info.date = parse_date_field(reader, rec, c_date);
      rc.info.body = rc.info.symbol.rfind("S/", 0) == 0 ? Body::SecurityCouncil : Body::GeneralAssembly;
      std::string_view session = trim(field(reader, rec, c_session));
      if (rc.info.body == Body::SecurityCouncil) {
        rc.info.session_label = std::to_string(date_year(rc.info.date));
      } else if (session.rfind("ES-", 0) == 0 || session.rfind("S-", 0) == 0) {
        rc.info.session_label = std::string(session);
      } else {
        // "74", also "74.0" in some exports.
        auto count = parse_optional_count(reader, rec, c_session, "session");
        if (!count || *count <= 0 || *count > 300)
          fail(reader, rec, c_session, "expected a session number or ES-N, got '" + std::string(session) + "'");
        rc.info.session = static_cast<int>(*count);
        rc.info.session_label = std::to_string(rc.info.session);
      }
      if (c_title >= 0) rc.info.title = std::string(trim(field(reader, rec, c_title)));
      if (c_agenda >= 0) rc.info.description = std::string(trim(field(reader, rec, c_agenda)));
      if (c_subjects >= 0) {
        std::string s(trim(field(reader, rec, c_subjects)));
        for (std::size_t p; (p = s.find("--")) != std::string::npos;) s.replace(p, 2, "|");
        rc.info.subjects = s;
      }
      if (c_ty >= 0 && c_tn >= 0 && c_ta >= 0 && c_tx >= 0) {
        auto y = parse_optional_count(reader, rec, c_ty, "total_yes");
        auto n = parse_optional_count(reader, rec, c_tn, "total_no");
        auto a = parse_optional_count(reader, rec, c_ta, "total_abstentions");
        auto x = parse_optional_count(reader, rec, c_tx, "total_non_voting");
        if (y && n && a && x)
          rc.totals =
              OfficialTotals{static_cast<int>(*y), static_cast<int>(*n), static_cast<int>(*a), static_cast<int>(*x)};
      }
      if (c_link >= 0) rc.link = std::string(trim(field(reader, rec, c_link)));
      index = static_cast<int>(batch.rollcalls.size());
      by_id.emplace(id, index);
      batch.rollcalls.push_back(std::move(rc));
      seen.emplace_back();
    } else {
      index = it->second;
    }
    std::string_view code = trim(field(reader, rec, c_code));
    std::string_view name = c_name >= 0 ? trim(field(reader, rec, c_name)) : std::string_view{};
    std::string key = std::string(code) + '\x1f' + std::string(name);
    int country;
    auto cit = country_cache.find(key);
    if (cit != country_cache.end()) {
      country = cit->second;
    } else {
      country = code.empty() ? -1 : registry::find(code);
      if (country < 0 && !name.empty()) country = registry::find(name);
      if (country < 0)
        fail(reader, rec, code.empty() ? c_name : c_code,
             "unknown country '" + std::string(code) + "' ('" + std::string(name) + "')");
      country_cache.emplace(key, country);
      batch.name_map[std::string(code.empty() ? name : code)] = std::string(registry::countries()[country].iso3);
    }
    std::string_view v = trim(field(reader, rec, c_vote));
    Vote vote;
    if (v.empty()) continue;  // not a member on that date
    const int label = country;
    country = seats.holder(label, batch.rollcalls[index].info.date);
    if (country < 0) {
      batch.warnings.add("vote under a label with no seat on the resolution's date (skipped)",
                         std::string(code.empty() ? name : code) + " on " + batch.rollcalls[index].info.symbol);
      continue;
    }
    if (v == "Y")
      vote = Vote::Yes;
    else if (v == "N")
      vote = Vote::No;
    else if (v == "A")
      vote = Vote::Abstain;
    else if (v == "X")
      vote = Vote::NonVoting;
    else
      fail(reader, rec, c_vote, "unknown vote '" + std::string(v) + "' (expected Y, N, A, X or empty)");
    for (auto& [c, prev] : seen[index])
      if (c == country)
        fail(reader, rec, c_code,
             "duplicate vote of " + std::string(registry::countries()[country].iso3) + " on " +
                 batch.rollcalls[index].info.symbol);
    seen[index].emplace_back(country, vote);
    batch.votes.push_back({index, country, vote});
    if (progress && reader.offset() >= next_report) {
      progress(reader.offset(), reader.size());
      next_report = reader.offset() + reader.size() / 100;
    }
  }
  seats.add_notes(batch.notes);
  // Compare official totals with the counted votes.
  for (std::size_t r = 0; r < batch.rollcalls.size(); ++r) {
    const auto& rc = batch.rollcalls[r];
    if (!rc.totals) continue;
    int counts[5] = {0, 0, 0, 0, 0};
    for (auto& [c, v] : seen[r]) counts[static_cast<int>(v)]++;
    if (rc.totals->yes != counts[1] || rc.totals->no != counts[3] || rc.totals->abstain != counts[2] ||
        rc.totals->nonvoting != counts[4])
      batch.warnings.add("official totals differ from the counted votes", rc.info.symbol);
  }
  return batch;
}

}  // namespace rostrum::io
