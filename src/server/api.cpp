#include "server/api.hpp"

#include <omp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <span>

#include <fmt/format.h>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "query/catalogue.hpp"
#include "server/api_spec.hpp"
#include "server/compress.hpp"

namespace rostrum::server {

namespace {

constexpr const char* kJson = "application/json";

std::string json_text(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response json_response(int status, const nlohmann::json& j) {
  Response r;
  r.status = status;
  r.body = json_text(j);
  return r;
}

std::int64_t file_mtime(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::string seconds_text(double s) { return fmt::format("{:g}", s); }

Response cancelled_response(CancelReason reason, double timeout) {
  switch (reason) {
    case CancelReason::deadline: {
      Response r = error_response(504, "the request took longer than this server's limit of " + seconds_text(timeout) +
                                           " s; narrow it (fewer pairs, periods or replicates)");
      r.close = true;
      return r;
    }
    case CancelReason::disconnected:
      return error_response(499, "the client closed the connection; work abandoned");
    case CancelReason::shutdown:
    case CancelReason::none:
      break;
  }
  Response r = error_response(503, "the server is shutting down; try again");
  r.close = true;
  return r;
}

Response busy_response(const std::string& what) {
  Response r = error_response(503, what);
  r.headers.emplace_back("Retry-After", "2");
  return r;
}

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

Api::Api(const Options& options, Runner runner, Estimator estimator, std::shared_ptr<query::Context> context)
    : opts_(options),
      runner_(std::move(runner)),
      estimator_(std::move(estimator)),
      context_(std::move(context)),
      files_(options.web_root),
      cache_(options.cache_entries, options.cache_bytes),
      monitor_(options.db) {
  limits_.max_request_bytes = opts_.max_request_bytes;
  limits_.max_header_bytes = opts_.max_header_bytes;
  limits_.max_params = opts_.max_params;
  openapi_text_ = json_text(openapi_document());
  light_threads_ = opts_.threads ? opts_.threads : std::max(2u, cores());
  heavy_threads_ = opts_.heavy_threads ? opts_.heavy_threads : std::max(1u, cores() / 2);
}

Api::~Api() {
  shutdown();
  join();
}

void Api::start() {
  // Ordinary queries run one OpenMP thread each: they are small, the server gets
  // its parallelism from serving several at once, and waking a thread team costs
  // more than such a query (a pair over 74 years: 1 ms alone, 12 ms with a team of
  // two on a loaded two-core machine). Expensive queries keep the full team, at a
  // lower scheduling priority (nice +10, inherited by the OpenMP threads they
  // start): they use the cores the connection thread and cheap queries leave idle.
  light_ = std::make_unique<WorkerPool>(light_threads_, opts_.max_queued, [] { omp_set_num_threads(1); });
  heavy_ = std::make_unique<WorkerPool>(heavy_threads_, opts_.max_heavy_queued, [] {
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  });
  monitor_.start();
  if (context_) {
    // Loads the default vote matrices so the first queries are fast; queries wait
    // for it instead of each loading the same matrix in parallel.
    auto done = std::make_shared<std::promise<void>>();
    warm_ = done->get_future().share();
    warmup_ = std::thread([ctx = context_, done] {
      for (const char* body : {"ga", "sc"}) {
        try {
          ctx->matrix("", body);
        } catch (...) {
          // No source for this body (or no store yet): queries will say so.
        }
      }
      done->set_value();
    });
  }
}

void Api::shutdown() {
  if (stopping_.exchange(true)) return;
  {
    std::lock_guard lock(live_mutex_);
    for (auto& [raw, weak] : live_)
      if (auto ex = weak.lock()) ex->cancel.cancel(CancelReason::shutdown);
  }
  if (light_) light_->stop();
  if (heavy_) heavy_->stop();
}

void Api::join() {
  if (light_) light_->join();
  if (heavy_) heavy_->join();
  if (warmup_.joinable()) warmup_.join();
  monitor_.stop();
}

void Api::finish(const std::shared_ptr<Exchange>& ex, Response response) {
  {
    std::lock_guard lock(live_mutex_);
    live_.erase(ex.get());
  }
  ex->respond(std::move(response));
}

void Api::dispatch(WorkerPool& pool, const std::shared_ptr<Exchange>& ex, std::function<void()> job, bool heavy) {
  {
    std::lock_guard lock(live_mutex_);
    live_[ex.get()] = ex;
  }
  if (stopping_) return finish(ex, cancelled_response(CancelReason::shutdown, 0));
  const bool queued = pool.push([this, ex, job = std::move(job)](bool run) {
    if (!run) return finish(ex, cancelled_response(CancelReason::shutdown, 0));
    try {
      job();
    } catch (const std::exception& e) {
      finish(ex, error_response(500, std::string("internal error: ") + e.what()));
    } catch (...) {
      finish(ex, error_response(500, "internal error"));
    }
  });
  if (!queued) {
    finish(ex, busy_response(stopping_ ? std::string("the server is shutting down; try again")
                                       : std::string("the server is busy with ") + (heavy ? "expensive " : "") +
                                             "queries (" + std::to_string(pool.queued()) + " waiting); try again"));
  }
}

void Api::handle(const std::shared_ptr<Exchange>& ex) {
  Request& req = ex->request;
  if (auto refusal = prepare_request(req, limits_)) return (void)ex->respond(std::move(*refusal));
  const std::string& path = req.path;
  if (path == "/api" || path == "/api/") return index(ex);
  if (path.rfind("/api/", 0) == 0) {
    if (path == "/api/health") return health(ex);
    if (path == "/api/openapi.json") {
      Response r;
      r.body = openapi_text_;
      r.headers.emplace_back("Cache-Control", "no-cache");
      compress_for(r, req.accept_gzip);  // small enough to compress here
      return (void)ex->respond(std::move(r));
    }
    const EndpointSpec* e = find_endpoint(path);
    if (!e || e->command.empty())
      return (void)ex->respond(
          json_response(404, {{"error", "no such endpoint: " + path}, {"status", 404}, {"see", "/api"}}));
    return query(*e, ex);
  }
  static_file(ex);
}

void Api::index(const std::shared_ptr<Exchange>& ex) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : endpoints()) {
    nlohmann::json params = nlohmann::json::array();
    if (e.analysis)
      for (const auto& p : e.analysis->params)
        if (!p.cli_only) params.push_back(p.name);
    list.push_back({{"path", e.path}, {"summary", e.summary}, {"parameters", params}});
  }
  ex->respond(json_response(
      200, {{"name", "rostrum"}, {"version", api_version()}, {"endpoints", list}, {"openapi", "/api/openapi.json"}}));
}

void Api::health(const std::shared_ptr<Exchange>& ex) {
  const bool ok = monitor_.healthy() && !stopping_;
  nlohmann::json j = {{"status", ok ? "ok" : "degraded"},
                      {"version", api_version()},
                      {"db", opts_.db},
                      {"store", monitor_.report()},
                      {"dashboard", files_.available()},
                      {"threads", light_threads_},
                      {"heavy_threads", heavy_threads_},
                      {"queries",
                       {{"running", light_ ? light_->running() : 0u},
                        {"queued", light_ ? light_->queued() : 0u},
                        {"heavy_running", heavy_ ? heavy_->running() : 0u},
                        {"heavy_queued", heavy_ ? heavy_->queued() : 0u}}},
                      {"limits",
                       {{"max_work_s", opts_.max_work},
                        {"heavy_work_s", opts_.heavy_work},
                        {"request_timeout_s", opts_.request_timeout},
                        {"max_result_rows", opts_.max_result_rows}}},
                      {"uptime_s", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count()}};
  if (stopping_) j["stopping"] = true;
  if (connection_report) j["connections"] = connection_report();
  Response r = json_response(ok ? 200 : 503, j);
  r.headers.emplace_back("Cache-Control", "no-store");
  ex->respond(std::move(r));
}

std::string Api::cache_key_for(const std::string& command, const std::string& format, const query::Params& params) {
  // The store's version: its file and its write-ahead log.
  const auto version = static_cast<std::int64_t>(static_cast<std::uint64_t>(file_mtime(opts_.db)) * 31u +
                                                 static_cast<std::uint64_t>(file_mtime(opts_.db + "-wal")));
  if (store_version_.exchange(version) != version) cache_.clear();  // the store changed: forget old answers
  std::string key = command + "?format=" + format;
  for (const auto& [k, v] : params) key += "&" + k + "=" + v;
  return key;
}

void Api::query(const EndpointSpec& e, const std::shared_ptr<Exchange>& ex) {
  query::Params params;
  std::string format;
  if (auto refusal = query_params(ex->request, limits_, params, format)) return (void)ex->respond(std::move(*refusal));
  std::string key;
  if (cache_.enabled()) {
    key = cache_key_for(e.command, format, params);
    if (auto hit = cache_.get(key)) {
      Response r;
      r.content_type = hit->content_type;
      r.headers = {{"X-Cache", "hit"}, {"Cache-Control", "no-cache"}, {"Vary", "Accept-Encoding"}};
      if (ex->request.accept_gzip && !hit->gzipped.empty()) {
        r.body = hit->gzipped;
        r.gzipped = true;
      } else {
        r.body = hit->body;
      }
      return (void)ex->respond(std::move(r));
    }
  }
  const std::string command = e.command;
  dispatch(
      *light_, ex, [this, ex, command, params, format, key] { execute(ex, command, params, format, key, false); },
      false);
}

namespace {

// Thrown by BoundedTableSink at the first row over the server's limit.
struct ResultTooLarge {
  std::size_t expected = 0;  // the analysis's own upper bound (expect_rows), 0 when it gave none
};

// Collects a streamed answer and stops it at the first row over `limit`: a
// request for 826,000 rows answers 413 after computing limit + 1 rows, not all of
// them.
class BoundedTableSink : public TableSink {
 public:
  BoundedTableSink(Table& table, std::size_t limit) : TableSink(table), limit_(limit) {}
  void expect_rows(std::size_t at_most) override {
    expected_ = at_most;
    TableSink::expect_rows(std::min(at_most, limit_));
  }
  void add_row(std::span<Cell> row) override {
    if (row_count() >= limit_) throw ResultTooLarge{expected_};
    TableSink::add_row(row);
  }

 private:
  std::size_t limit_;
  std::size_t expected_ = 0;
};

nlohmann::json too_many_rows(const std::string& rows_text, std::size_t limit) {
  return {{"error", "the result has " + rows_text + " rows, more than the limit of " + std::to_string(limit) +
                        "; narrow the query (fewer countries, a shorter period, or by=all)"},
          {"status", 413},
          {"limit", limit}};
}

}  // namespace

void Api::execute(const std::shared_ptr<Exchange>& ex, const std::string& command, const query::Params& params,
                  const std::string& format, const std::string& key, bool heavy) {
  if (ex->cancel.requested()) return finish(ex, cancelled_response(ex->cancel.reason(), opts_.request_timeout));
  CancelScope scope(&ex->cancel);
  Table table;
  try {
    if (warm_.valid()) warm_.wait();
    if (!heavy && estimator_) {
      const query::WorkEstimate work = estimator_(command, params);
      if (opts_.max_work > 0 && work.seconds > opts_.max_work) {
        const std::string p = work.parameter.empty() ? std::string("the query") : "'" + work.parameter + "'";
        nlohmann::json j = {
            {"error", (work.parameter.empty() ? std::string() : "parameter '" + work.parameter + "': ") +
                          "this request would take about " + fmt::format("{:.3g}", work.seconds) + " core-seconds (" +
                          work.formula + "), more than this server's limit of " + seconds_text(opts_.max_work) +
                          "; lower " + p + ", or narrow the countries or the period"},
            {"status", 422},
            {"estimate_s", work.seconds},
            {"limit_s", opts_.max_work},
            {"work", work.formula}};
        if (!work.parameter.empty()) j["parameter"] = work.parameter;
        return finish(ex, json_response(422, j));
      }
      if (work.seconds > opts_.heavy_work) {
        // Hand over to the pool for expensive queries; this worker is free again.
        return dispatch(
            *heavy_, ex, [this, ex, command, params, format, key] { execute(ex, command, params, format, key, true); },
            true);
      }
    }
    const query::AnalysisSpec* spec = context_ ? query::find_analysis(command) : nullptr;
    if (spec && spec->stream) {
      // The row limit is enforced while the rows are produced.
      BoundedTableSink sink(table, opts_.max_result_rows);
      try {
        spec->stream(*context_, query::validate(*spec, params), sink);
      } catch (const ResultTooLarge& big) {
        nlohmann::json j =
            too_many_rows(big.expected > opts_.max_result_rows ? "up to " + std::to_string(big.expected) : "more",
                          opts_.max_result_rows);
        j["rows_at_least"] = opts_.max_result_rows + 1;
        monitor_.query_succeeded();
        return finish(ex, json_response(413, j));
      }
      table.meta = std::move(sink.meta);
    } else {
      table = runner_(command, params);
    }
    monitor_.query_succeeded();
  } catch (const Cancelled& c) {
    return finish(ex, cancelled_response(c.reason(), opts_.request_timeout));
  } catch (const NotAvailableError& err) {
    return finish(
        ex, json_response(404, {{"error", err.what()}, {"status", 404}, {"available", false}, {"command", command}}));
  } catch (const UsageError& err) {
    return finish(ex, error_response(400, err.what(), err.parameter()));
  } catch (const InputError& err) {
    return finish(ex, error_response(500, std::string("bad data in the store: ") + err.what()));
  } catch (const StoreError& err) {
    monitor_.query_failed(err.what());
    return finish(ex, error_response(503, std::string("store error: ") + err.what()));
  } catch (const Error& err) {
    return finish(ex, error_response(500, err.what()));
  } catch (const std::bad_alloc&) {
    return finish(ex, error_response(503, "out of memory for this query; narrow it"));
  } catch (const std::exception& err) {
    return finish(ex, error_response(500, std::string("internal error: ") + err.what()));
  }

  if (table.rows.size() > opts_.max_result_rows) {
    nlohmann::json j = too_many_rows(std::to_string(table.rows.size()), opts_.max_result_rows);
    j["rows"] = table.rows.size();
    return finish(ex, json_response(413, j));
  }
  Response r;
  if (format == "csv") {
    write_csv(table, r.body);
    r.content_type = "text/csv; charset=utf-8";
  } else {
    r.body = json_text(to_json(table));
    r.content_type = kJson;
  }
  table = {};
  r.headers = {{"Cache-Control", "no-cache"}, {"Vary", "Accept-Encoding"}};
  std::string gzipped = r.body.size() >= 1024 ? gzip(r.body) : std::string();
  if (cache_.enabled()) cache_.put(key, r.body, r.content_type, gzipped);
  if (ex->request.accept_gzip && !gzipped.empty()) {
    r.body = std::move(gzipped);
    r.gzipped = true;
  }
  finish(ex, std::move(r));
}

void Api::static_file(const std::shared_ptr<Exchange>& ex) {
  // Reading and compressing a file (the dashboard bundle is a megabyte) is work:
  // it runs on a worker, not on the connection thread.
  dispatch(
      *light_, ex,
      [this, ex] {
        Response r = files_.serve(ex->request.path);
        compress_for(r, ex->request.accept_gzip);
        finish(ex, std::move(r));
      },
      false);
}

}  // namespace rostrum::server
