// The "wide" UN Digital Library scrapes: one row per adopted resolution, GA and SC
// together, one column per state. Two layouts, told apart by the header:
//
// 2022 scrape (`ABSENT COUNT` column): state headers are names, messy (historic
//   names, typos, junk prefixes); each is mapped through the registry's name
//   variants, never guessed; a header that maps to no state is reported by name
//   and its column skipped. Several headers of one state are merged (a state's
//   votes are split over its historic names); two different votes of one state on
//   one resolution are an error. Cells Y / N / A / X (X = non-voting), empty = not
//   a member. Counts, checked against the cells on every row of the file: YES
//   COUNT = Y, NO COUNT = N, ABSENT COUNT = A (abstentions, despite the name),
//   NO-VOTE COUNT = X, TOTAL VOTES = all four; a row that disagrees is a warning
//   naming the resolution (one in the 2022 file, whose vote sits under DONOTKNOW).
//
// 2025 scrape (`ABSTAIN COUNT` column): state headers are ISO 3166 alpha-3 codes;
//   the scraper's own columns (Scrape_Year, country, subregion, continent, tags)
//   are never states, nor is any header that is not an alpha-3 code. Cells YES /
//   NO / ABSTAIN or empty; counts may be zero-padded ("012"). Empty means "did not
//   vote": in a GA row every column is a member (the 2025 file holds the 191
//   members that voted in 2025), so an empty cell is non-voting; in an SC row the
//   178 non-members are empty too, so an empty cell is missing. Reconciled on
//   every row, else an input error naming the count column:
//     YES COUNT, NO COUNT, ABSTAIN COUNT = the row's YES, NO, ABSTAIN cells;
//     YES + NO + ABSTAIN + NO-VOTE = TOTAL VOTES;
//     GA: NO-VOTE = empty cells + the members that have no column, a number that
//         is the same on every GA row (2 in 2025: Afghanistan and Venezuela);
//     SC: NO-VOTE <= empty cells (a council member that did not vote is empty,
//         and the file does not say which).
//
// In both layouts a column's state is then read by the row's date through the
// registry's seat rules (a CHINA column before 1971-10-26 is TWN, USSR from
// 1991-12-24 is RUS, YEMEN before 1990-05-22 is YAR, ...).
#include <algorithm>
#include <unordered_map>

#include "io/file.hpp"
#include "io/import.hpp"
#include "io/import_common.hpp"
#include "registry/registry.hpp"

namespace rostrum::io {

using namespace detail;

namespace {

enum class Layout { scrape2022, scrape2025 };

// Column names of both layouts that are never states.
bool is_metadata_column(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "council",      "date",          "title",     "resolution", "total votes", "no-vote count",
      "absent count", "abstain count", "no count",  "yes count",  "link",        "token",
      "scrape_year",  "country",       "subregion", "continent",  "tags"};
  const std::string l = lower(trim(name));
  return std::find(std::begin(kNames), std::end(kNames), l) != std::end(kNames);
}

std::string count_text(std::int64_t n) { return std::to_string(n); }

}  // namespace

ImportBatch import_wide(const std::string& path, const ProgressFn& progress) {
  ImportBatch batch;
  batch.format = "wide";
  batch.source_name = source_stem(path);
  batch.paths = {path};
  std::string data = read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const Layout layout = optional_column(rec, {"ABSTAIN COUNT"}) >= 0 && optional_column(rec, {"ABSENT COUNT"}) < 0
                            ? Layout::scrape2025
                            : Layout::scrape2022;
  const int c_council = require_column(reader, rec, {"Council"});
  const int c_date = require_column(reader, rec, {"Date"});
  const int c_title = require_column(reader, rec, {"Title"});
  const int c_res = require_column(reader, rec, {"Resolution"});
  const int c_token = require_column(reader, rec, {"token"});
  const int c_link = optional_column(rec, {"Link"});
  int c_total, c_x, c_a, c_n, c_y;
  if (layout == Layout::scrape2025) {
    c_total = require_column(reader, rec, {"TOTAL VOTES"});
    c_x = require_column(reader, rec, {"NO-VOTE COUNT"});
    c_a = require_column(reader, rec, {"ABSTAIN COUNT"});
    c_n = require_column(reader, rec, {"NO COUNT"});
    c_y = require_column(reader, rec, {"YES COUNT"});
  } else {
    c_total = optional_column(rec, {"TOTAL VOTES"});
    c_x = optional_column(rec, {"NO-VOTE COUNT"});
    c_a = optional_column(rec, {"ABSENT COUNT"});
    c_n = optional_column(rec, {"NO COUNT"});
    c_y = optional_column(rec, {"YES COUNT"});
  }
  const std::size_t header_size = rec.size();

  // Map each state header once; metadata columns are never states.
  std::vector<int> column_country(header_size, -1);
  std::vector<bool> is_state(header_size, false);
  std::vector<std::string> headers(header_size);
  int state_columns = 0;
  for (std::size_t i = 0; i < header_size; ++i) {
    headers[i] = std::string(rec.fields[i]);
    if (is_metadata_column(rec.fields[i])) continue;
    is_state[i] = true;
    const std::string_view h = trim(rec.fields[i]);
    // The 2025 layout names states by alpha-3 code only: a header that is not one
    // is some other column of the scraper's, whatever its name resembles.
    int c = layout == Layout::scrape2025 ? registry::index_of_iso3(h) : registry::find(rec.fields[i]);
    column_country[i] = c;
    if (c < 0) {
      batch.warnings.add(layout == Layout::scrape2025 ? "column that is not an ISO 3166 alpha-3 code (skipped)"
                                                      : "unmapped country header (column skipped)",
                         "'" + headers[i] + "' (column " + std::to_string(i + 1) + ")");
      batch.name_map[headers[i]] = "";
    } else {
      ++state_columns;
      batch.name_map[headers[i]] = std::string(registry::countries()[c].iso3);
    }
  }
  if (layout == Layout::scrape2025) {
    batch.notes.push_back(
        "2025 layout: an empty cell in a General Assembly row is a member that did not vote (non-voting); in a "
        "Security Council row it is a non-member (not stored), and a council member that did not vote cannot be "
        "told from them.");
  }

  SeatMapper seats;
  std::vector<std::pair<int, Vote>> row_votes;
  int without_vote_ga = 0, without_vote_sc = 0;
  std::optional<std::int64_t> members_without_column;  // 2025 layout, GA rows
  std::size_t next_report = 0;
  while (reader.next(rec)) {
    if (rec.size() != header_size)
      fail(reader, rec, static_cast<int>(std::min(rec.size(), header_size)) - 1,
           "row has " + std::to_string(rec.size()) + " fields, the header has " + std::to_string(header_size));
    ImportedRollCall rc;
    std::string_view council = trim(rec.fields[c_council]);
    if (council == "General Assembly")
      rc.info.body = Body::GeneralAssembly;
    else if (council == "Security Council")
      rc.info.body = Body::SecurityCouncil;
    else
      fail(reader, rec, c_council,
           "expected 'General Assembly' or 'Security Council', got '" + std::string(council) + "'");
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
    std::optional<std::int64_t> total;
    if (c_y >= 0 && c_n >= 0 && c_a >= 0 && c_x >= 0) {
      auto y = parse_optional_count(reader, rec, c_y, "YES COUNT");
      auto n = parse_optional_count(reader, rec, c_n, "NO COUNT");
      auto a = parse_optional_count(reader, rec, c_a, layout == Layout::scrape2025 ? "ABSTAIN COUNT" : "ABSENT COUNT");
      auto x = parse_optional_count(reader, rec, c_x, "NO-VOTE COUNT");
      if (y && n && a && x)
        rc.totals =
            OfficialTotals{static_cast<int>(*y), static_cast<int>(*n), static_cast<int>(*a), static_cast<int>(*x)};
      if (c_total >= 0) total = parse_optional_count(reader, rec, c_total, "TOTAL VOTES");
      if (layout == Layout::scrape2025 && !(rc.totals && total))
        fail(reader, rec, c_y,
             "a count column is empty; the 2025 layout gives YES, NO, ABSTAIN, NO-VOTE and TOTAL on every row");
    }

    row_votes.clear();
    int empty_cells = 0;
    for (std::size_t i = 0; i < header_size; ++i) {
      if (!is_state[i]) continue;
      std::string_view cell = trim(rec.fields[i]);
      if (cell.empty()) {
        if (column_country[i] >= 0) ++empty_cells;
        continue;
      }
      Vote v;
      if (layout == Layout::scrape2022) {
        if (cell == "Y")
          v = Vote::Yes;
        else if (cell == "N")
          v = Vote::No;
        else if (cell == "A")
          v = Vote::Abstain;
        else if (cell == "X")
          v = Vote::NonVoting;
        else
          fail(reader, rec, static_cast<int>(i),
               "unknown vote '" + std::string(cell) + "' for " + headers[i] + " (expected Y, N, A, X or empty)");
      } else {
        if (cell == "YES")
          v = Vote::Yes;
        else if (cell == "NO")
          v = Vote::No;
        else if (cell == "ABSTAIN")
          v = Vote::Abstain;
        else
          fail(reader, rec, static_cast<int>(i),
               "unknown vote '" + std::string(cell) + "' for " + headers[i] + " (expected YES, NO, ABSTAIN or empty)");
      }
      if (column_country[i] < 0) {
        batch.warnings.add("vote under an unmapped header (skipped)", "'" + headers[i] + "' on " + rc.info.symbol);
        continue;
      }
      const int holder = seats.holder(column_country[i], rc.info.date);
      if (holder < 0) {
        batch.warnings.add("vote under a label with no seat on the record's date (skipped)",
                           "'" + headers[i] + "' on " + rc.info.symbol);
        continue;
      }
      row_votes.emplace_back(holder, v);
    }
    if (layout == Layout::scrape2025 && rc.info.body == Body::GeneralAssembly) {
      for (int c = 0; c < static_cast<int>(header_size); ++c) {
        // Every state column is a member in a GA row: an empty cell did not vote.
        if (!is_state[c] || column_country[c] < 0 || !trim(rec.fields[c]).empty()) continue;
        const int holder = seats.holder(column_country[c], rc.info.date);
        if (holder >= 0) row_votes.emplace_back(holder, Vote::NonVoting);
      }
    }
    std::sort(row_votes.begin(), row_votes.end(), [](auto& a, auto& b) { return a.first < b.first; });
    const int index = static_cast<int>(batch.rollcalls.size());
    int counts[5] = {0, 0, 0, 0, 0};
    bool any_cast = false;
    for (std::size_t k = 0; k < row_votes.size(); ++k) {
      if (k > 0 && row_votes[k].first == row_votes[k - 1].first) {
        if (row_votes[k].second != row_votes[k - 1].second)
          fail(reader, rec, c_res,
               "two different votes of " + std::string(registry::countries()[row_votes[k].first].iso3) + " on " +
                   rc.info.symbol + " (split over two headers)");
        batch.warnings.add("vote repeated under two headers of one state (merged)",
                           std::string(registry::countries()[row_votes[k].first].iso3) + " on " + rc.info.symbol);
        continue;
      }
      counts[static_cast<int>(row_votes[k].second)]++;
      any_cast = any_cast || is_cast(row_votes[k].second);
    }

    if (layout == Layout::scrape2025) {
      // Strict reconciliation (see the header comment): a disagreement is an error.
      const OfficialTotals& t = *rc.totals;
      auto mismatch = [&](int column, const char* what, std::int64_t said, std::int64_t found) {
        fail(reader, rec, column,
             std::string(what) + " is " + count_text(said) + " but the row's cells hold " + count_text(found) + " on " +
                 rc.info.symbol);
      };
      if (t.yes != counts[1]) mismatch(c_y, "YES COUNT", t.yes, counts[1]);
      if (t.no != counts[3]) mismatch(c_n, "NO COUNT", t.no, counts[3]);
      if (t.abstain != counts[2]) mismatch(c_a, "ABSTAIN COUNT", t.abstain, counts[2]);
      if (static_cast<std::int64_t>(t.yes) + t.no + t.abstain + t.nonvoting != *total)
        fail(reader, rec, c_total,
             "TOTAL VOTES is " + count_text(*total) + " but YES + NO + ABSTAIN + NO-VOTE is " +
                 count_text(static_cast<std::int64_t>(t.yes) + t.no + t.abstain + t.nonvoting) + " on " +
                 rc.info.symbol);
      if (rc.info.body == Body::GeneralAssembly) {
        const std::int64_t without_column = static_cast<std::int64_t>(t.nonvoting) - empty_cells;
        if (without_column < 0 || (members_without_column && *members_without_column != without_column))
          fail(reader, rec, c_x,
               "NO-VOTE COUNT is " + count_text(t.nonvoting) + " with " + count_text(empty_cells) +
                   " empty member cells on " + rc.info.symbol + ": " +
                   (without_column < 0
                        ? std::string("fewer than the empty cells")
                        : "implies " + count_text(without_column) + " members without a column, other GA rows imply " +
                              count_text(*members_without_column)));
        members_without_column = without_column;
      } else if (t.nonvoting > empty_cells) {
        mismatch(c_x, "NO-VOTE COUNT", t.nonvoting, empty_cells);
      }
    }

    if (!any_cast) {
      // Every cell is X (or empty): adopted without a recorded vote. Kept as a
      // record with its official totals; the placeholder X cells are not votes.
      (rc.info.body == Body::GeneralAssembly ? without_vote_ga : without_vote_sc)++;
    } else {
      for (std::size_t k = 0; k < row_votes.size(); ++k) {
        if (k > 0 && row_votes[k].first == row_votes[k - 1].first) continue;
        batch.votes.push_back({index, row_votes[k].first, row_votes[k].second});
      }
      if (layout == Layout::scrape2022 && rc.totals &&
          (rc.totals->yes != counts[1] || rc.totals->no != counts[3] || rc.totals->abstain != counts[2] ||
           rc.totals->nonvoting != counts[4]))
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
  if (members_without_column && *members_without_column > 0)
    batch.notes.push_back(std::to_string(*members_without_column) + " General Assembly members have no column (" +
                          std::to_string(state_columns) +
                          " state columns); NO-VOTE COUNT counts them as not voting "
                          "on every GA row, and they have no votes in this source.");
  seats.add_notes(batch.notes);
  return batch;
}

}  // namespace rostrum::io
