// The store: one SQLite file holding every imported source, the country registry
// and groups (as tables, for users who query the file directly), and the runs of
// estimators with their results. Schema in docs/store.md.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/vote.hpp"
#include "io/import_batch.hpp"
#include "matrix/vote_matrix.hpp"

namespace SQLite {
class Database;
}

namespace rostrum::store {

struct SourceSummary {
  std::int64_t id = 0;
  std::string name;
  std::string format;
  std::string body;  // "ga" / "sc": one summary per source and body
  std::string imported_at;
  std::int64_t rollcalls = 0;
  std::int64_t yes = 0, no = 0, abstain = 0, nonvoting = 0;
  std::string first_date, last_date;
};

// The stitched record's name in `sources` and for `--source`; no import may take it.
inline constexpr std::string_view kRecordName = "record";

// One state on which two sources disagree about one roll call of the record.
struct ConflictRow {
  std::string body, date, symbol;  // the record roll call (date: the record's)
  std::string kept_source, other_source, other_symbol, method;
  std::string country;  // ISO3 as stored (the state that cast the vote)
  Vote kept = Vote::Missing, other = Vote::Missing;
};
struct ConflictFilter {
  std::string body;              // "" = both
  std::string country;           // ISO3, "" = all
  Date from = 0, to = 99991231;  // the record's date
  std::string source;            // either side's source name, "" = all
  std::int64_t limit = -1;       // -1 = all
};

// Accuracy of the issue-code classifier on held-out sessions, per code.
struct IssueModelScore {
  std::string code, train_years, test_years;
  std::int64_t n = 0, tp = 0, fp = 0, fn = 0, tn = 0;
  double accuracy = 0, always_no = 0, precision = 0, recall = 0, f1 = 0, threshold = 0;
};

struct ImportResult {
  std::int64_t source_id = 0;
  bool replaced = false;  // a source of the same name existed and was replaced
  std::int64_t rollcalls = 0, votes = 0;
};

class Store {
 public:
  // Opens the store. With create = false a missing file is a StoreError telling
  // the user to import data first; with create = true it is created with the schema.
  // read_only opens the file without write access (the server's mode).
  static Store open(const std::string& path, bool create, bool read_only = false);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const { return path_; }

  // Writes a whole source in one transaction, replacing a source of the same name,
  // and re-stitches the record in the same transaction. On any error nothing is
  // written (the transaction rolls back). The name "record" is refused.
  ImportResult write_source(const io::ImportBatch& batch);
  // Several sources in one transaction and one stitch (what an import of several
  // files should call: the record is built once).
  std::vector<ImportResult> write_sources(const std::vector<io::ImportBatch>& batches);

  // Imported sources (not the record), one summary per source and body.
  std::vector<SourceSummary> sources() const;
  // The record, one summary per body it holds (empty before any import).
  std::vector<SourceSummary> record() const;
  // Record roll calls per year and body: {year, body, rollcalls, sources joined by ","}.
  struct YearCoverage {
    int year = 0;
    std::string body;
    std::int64_t rollcalls = 0;
    std::string sources;
  };
  std::vector<YearCoverage> record_coverage() const;
  // How the record was composed: matches by method and source pair, conflicts.
  nlohmann::json record_stitch_summary() const;
  std::vector<ConflictRow> conflicts(const ConflictFilter& filter) const;
  std::vector<IssueModelScore> issue_model_scores() const;
  std::int64_t country_count() const;  // countries in the registry table

  // The source to analyse: the record by default ("" or "record"), else the named
  // source. A usage error names what is missing (an unknown source lists those
  // the store has; a body no source holds says so).
  SourceSummary resolve_source(const std::string& name, const std::string& body) const;
  // A source's or the record's roll calls of one body. Rows are series: a state
  // whose membership another continues (registry::continuations) is carried in
  // that state's row and named by it as an alias (SUN's votes in RUS's row).
  //
  // Read from the query-ready snapshot (matrix_snapshots: one image per source and
  // body) when it is current; otherwise from the rows, and then, on a store opened
  // for writing, the snapshot is (re)written. A read-only store never writes.
  // `origin`, when given, tells which path was taken.
  enum class MatrixOrigin { snapshot, rows };
  VoteMatrix load_matrix(std::int64_t source_id, Body body, MatrixOrigin* origin = nullptr);
  // The matrix read from the vote rows, bypassing the snapshot.
  VoteMatrix load_matrix_rows(std::int64_t source_id, Body body) const;

  // The snapshot of a source's (or the record's) matrix of one body: current
  // (same data version, image format, series rules and checksum), missing (none
  // stored, or a store without the table), stale (another data version, format or
  // registry) or corrupt (checksum or image does not hold).
  enum class SnapshotState { current, missing, stale, corrupt };
  SnapshotState snapshot_state(std::int64_t source_id, Body body) const;
  // Writes the snapshot of `m` (what load_matrix_rows gave) for the source's data
  // version `data_version` in its own transaction; does nothing and returns false
  // when the source's version is no longer `data_version` (an import came between).
  bool save_snapshot(std::int64_t source_id, Body body, const std::string& data_version, const VoteMatrix& m);
  // The data version a source's snapshot is tied to (sources.imported_at; the
  // record's changes on every import); "" for an unknown id.
  std::string data_version(std::int64_t source_id) const;
  bool read_only() const { return read_only_; }

  // Estimation runs: parameters and data version recorded with the results.
  std::int64_t begin_run(const std::string& kind, std::int64_t source_id, const nlohmann::json& params);

  struct IdealPoint {
    std::string iso3, session;
    int year = 0;
    double ideal = 0, sd = 0, lo = 0, hi = 0;
    int nvotes = 0;
  };
  struct RunInfo {
    std::int64_t id = 0;
    std::string kind, params, data_version, created_at, summary;
    std::int64_t source_id = 0;
  };
  // Saves an ideal-point run (parameters, summary and estimates) in one transaction.
  std::int64_t save_ideal_run(std::int64_t source_id, const nlohmann::json& params, const nlohmann::json& summary,
                              const std::vector<IdealPoint>& points);
  // The newest run of `kind` on the source whose data version is the source's
  // current import; nullopt when none.
  std::optional<RunInfo> latest_run(const std::string& kind, std::int64_t source_id) const;
  std::vector<IdealPoint> load_ideal_points(std::int64_t run_id) const;
  SQLite::Database& db() { return *db_; }

 private:
  Store() = default;
  std::vector<ImportResult> write_batches(std::span<const io::ImportBatch> batches);
  void restitch();
  VoteMatrix load_record_matrix(Body body) const;
  // The current snapshot's matrix, or nullopt with the reason in `state`.
  std::optional<VoteMatrix> read_snapshot(std::int64_t source_id, Body body, SnapshotState& state) const;
  std::string path_;
  bool read_only_ = false;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace rostrum::store
