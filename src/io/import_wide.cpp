// The "wide" UN Digital Library scrape (2022): one row per adopted resolution, GA
// and SC together, one column per country header. Headers are messy (historic
// names, typos, junk prefixes): each is mapped through the registry's name
// variants, never guessed; a header that maps to no state is reported by name and
// its column skipped. Several headers of one state are merged (a state's votes are
// split over its historic names); two different votes of one state on one
// resolution are an error.
//
// Column meanings, checked against the per-state cells on every row of the 2022
// file: YES COUNT = Y, NO COUNT = N, ABSENT COUNT = A (abstentions), NO-VOTE COUNT
// = X (non-voting), TOTAL VOTES = all four.
#include <algorithm>
#include <unordered_map>

#include "io/file.hpp"
#include "io/import.hpp"
#include "io/import_common.hpp"
#include "registry/registry.hpp"

namespace rostrum::io {

using namespace detail;

ImportBatch import_wide(const std::string& path, const ProgressFn& progress) {
  ImportBatch batch;
  batch.format = "wide";
  batch.source_name = source_stem(path);
  batch.paths = {path};
  std::string data = read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const int c_council = require_column(reader, rec, {"Council"});
  const int c_date = require_column(reader, rec, {"Date"});
  const int c_title = require_column(reader, rec, {"Title"});
  const int c_res = require_column(reader, rec, {"Resolution"});
  const int c_total = optional_column(rec, {"TOTAL VOTES"});
  const int c_x = optional_column(rec, {"NO-VOTE COUNT"});
  const int c_a = optional_column(rec, {"ABSENT COUNT"});
  const int c_n = optional_column(rec, {"NO COUNT"});
  const int c_y = optional_column(rec, {"YES COUNT"});
  const int c_link = optional_column(rec, {"Link"});
  const int c_token = require_column(reader, rec, {"token"});
  const int first_country = std::max({c_council, c_date, c_title, c_res, c_total, c_x, c_a, c_n, c_y, c_link, c_token}) + 1;
  const std::size_t header_size = rec.size();

  // Map each country header once.
  std::vector<int> column_country(header_size, -1);
  std::vector<std::string> headers(header_size);
  for (std::size_t i = first_country; i < header_size; ++i) {
    headers[i] = std::string(rec.fields[i]);
    int c = registry::find(rec.fields[i]);
    column_country[i] = c;
    if (c < 0) {
      batch.warnings.add("unmapped country header (column skipped)", "'" + headers[i] + "' (column " +
                                                                        std::to_string(i + 1) + ")");
      batch.name_map[headers[i]] = "";
    } else {
      batch.name_map[headers[i]] = std::string(registry::countries()[c].iso3);
    }
  }

  std::vector<std::pair<int, Vote>> row_votes;
  int without_vote_ga = 0, without_vote_sc = 0;
  std::size_t next_report = 0;
  while (reader.next(rec)) {
    if (rec.size() != header_size)
      fail(reader, rec, static_cast<int>(std::min(rec.size(), header_size)) - 1,
           "row has " + std::to_string(rec.size()) + " fields, the header has " + std::to_string(header_size));
    ImportedRollCall rc;
    std::string_view council = trim(rec.fields[c_council]);
    if (council == "General Assembly") rc.info.body = Body::GeneralAssembly;
    else if (council == "Security Council") rc.info.body = Body::SecurityCouncil;
    else fail(reader, rec, c_council, "expected 'General Assembly' or 'Security Council', got '" + std::string(council) + "'");
    {
      std::string_view d = trim(rec.fields[c_date]);
      // Checked as "YYYY-12-31" so that a year-only date obeys parse_date's range
      // (parse_date_bound takes any four digits, e.g. "1590", which the store
      // could not read back).
      const std::optional<Date> year_end = d.size() == 4 ? parse_date(std::string(d) + "-12-31") : std::nullopt;
      if (year_end) {
        // Two records of the 2022 scrape give only a year: placed on 31 December,
        // which keeps them inside their session's date range, and reported.
        rc.info.date = *year_end;
        batch.warnings.add("date given as a year only (placed on 31 December)",
                           std::string(trim(rec.fields[c_res])) + " (line " + std::to_string(rec.line) + ")");
      } else {
        rc.info.date = parse_date_field(reader, rec, c_date);
      }
    }
    rc.info.title = std::string(trim(rec.fields[c_title]));
    rc.info.symbol = std::string(trim(rec.fields[c_res]));
    rc.info.key = std::string(trim(rec.fields[c_token]));
    if (rc.info.key.empty()) rc.info.key = rc.info.symbol;
    if (c_link >= 0) rc.link = std::string(trim(rec.fields[c_link]));
    if (rc.info.body == Body::GeneralAssembly) {
      SessionOf s = session_from_symbol(rc.info.symbol);
      rc.info.session = s.session;
      rc.info.session_label = s.label;
      if (s.label.empty()) batch.warnings.add("GA symbol without a session", rc.info.symbol);
    } else {
      // The Security Council has no sessions: its resolutions are grouped by year.
      rc.info.session = 0;
      rc.info.session_label = std::to_string(date_year(rc.info.date));
    }
    if (c_y >= 0 && c_n >= 0 && c_a >= 0 && c_x >= 0) {
      auto y = parse_optional_count(reader, rec, c_y, "YES COUNT");
      auto n = parse_optional_count(reader, rec, c_n, "NO COUNT");
      auto a = parse_optional_count(reader, rec, c_a, "ABSENT COUNT");
      auto x = parse_optional_count(reader, rec, c_x, "NO-VOTE COUNT");
      if (y && n && a && x) rc.totals = OfficialTotals{static_cast<int>(*y), static_cast<int>(*n), static_cast<int>(*a), static_cast<int>(*x)};
    }

    row_votes.clear();
    for (std::size_t i = first_country; i < header_size; ++i) {
      std::string_view cell = trim(rec.fields[i]);
      if (cell.empty()) continue;
      Vote v;
      if (cell == "Y") v = Vote::Yes;
      else if (cell == "N") v = Vote::No;
      else if (cell == "A") v = Vote::Abstain;
      else if (cell == "X") v = Vote::NonVoting;
      else fail(reader, rec, static_cast<int>(i), "unknown vote '" + std::string(cell) + "' for " + headers[i] + " (expected Y, N, A, X or empty)");
      if (column_country[i] < 0) {
        batch.warnings.add("vote under an unmapped header (skipped)", "'" + headers[i] + "' on " + rc.info.symbol);
        continue;
      }
      row_votes.emplace_back(column_country[i], v);
    }
    std::sort(row_votes.begin(), row_votes.end(), [](auto& a, auto& b) { return a.first < b.first; });
    const int index = static_cast<int>(batch.rollcalls.size());
    int counts[5] = {0, 0, 0, 0, 0};
    bool any_cast = false;
    for (std::size_t k = 0; k < row_votes.size(); ++k) {
      if (k > 0 && row_votes[k].first == row_votes[k - 1].first) {
        if (row_votes[k].second != row_votes[k - 1].second)
          fail(reader, rec, c_res,
               "two different votes of " + std::string(registry::countries()[row_votes[k].first].iso3) +
                   " on " + rc.info.symbol + " (split over two headers)");
        batch.warnings.add("vote repeated under two headers of one state (merged)",
                           std::string(registry::countries()[row_votes[k].first].iso3) + " on " + rc.info.symbol);
        continue;
      }
      any_cast = any_cast || is_cast(row_votes[k].second);
    }
    if (!any_cast) {
      // Every cell is X (or empty): adopted without a recorded vote. Kept as a
      // record with its official totals; the placeholder X cells are not votes.
      (rc.info.body == Body::GeneralAssembly ? without_vote_ga : without_vote_sc)++;
    } else {
      for (std::size_t k = 0; k < row_votes.size(); ++k) {
        if (k > 0 && row_votes[k].first == row_votes[k - 1].first) continue;
        batch.votes.push_back({index, row_votes[k].first, row_votes[k].second});
        counts[static_cast<int>(row_votes[k].second)]++;
      }
      if (rc.totals && (rc.totals->yes != counts[1] || rc.totals->no != counts[3] ||
                        rc.totals->abstain != counts[2] || rc.totals->nonvoting != counts[4]))
        batch.warnings.add("official totals differ from the counted votes", rc.info.symbol);
    }
    batch.rollcalls.push_back(std::move(rc));
    if (progress && reader.offset() >= next_report) {
      progress(reader.offset(), reader.size());
      next_report = reader.offset() + reader.size() / 100;
    }
  }
  if (without_vote_ga + without_vote_sc > 0)
    batch.notes.push_back(std::to_string(without_vote_ga + without_vote_sc) + " records (" +
                          std::to_string(without_vote_ga) + " GA, " + std::to_string(without_vote_sc) +
                          " SC) have official totals but no Yes/No/Abstain vote (every member marked X: adopted "
                          "without a vote); they are kept as roll calls without votes, so no measure uses them.");
  return batch;
}

}  // namespace rostrum::io
