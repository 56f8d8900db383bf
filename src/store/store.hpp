// The store: one SQLite file holding every imported source, the country registry
// and groups (as tables, for users who query the file directly), and the runs of
// estimators with their results. Schema in docs/store.md.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

  // Writes a whole source in one transaction, replacing a source of the same name.
  // On any error nothing is written (the transaction rolls back).
  ImportResult write_source(const io::ImportBatch& batch);

  std::vector<SourceSummary> sources() const;
  std::int64_t country_count() const;  // countries in the registry table

  // The source to analyse: `name` when given (error when unknown), else the only
  // source holding the body, else the newest such source.
  SourceSummary resolve_source(const std::string& name, const std::string& body) const;
  VoteMatrix load_matrix(std::int64_t source_id, Body body) const;

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
  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace rostrum::store
