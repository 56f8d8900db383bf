#include "query/query.hpp"

#include "core/error.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/catalogue.hpp"
#include "store/store.hpp"

namespace rostrum::query {

Context::Context(std::string db_path) : db_path_(std::move(db_path)) {}
Context::~Context() = default;

std::shared_ptr<const VoteMatrix> Context::matrix(std::string_view source, std::string_view body) {
  // Resolve the source name first (cheap) so the cache key is the concrete source.
  auto store = store::Store::open(db_path_, false, true);
  auto summary = store.resolve_source(std::string(source), std::string(body));
  std::string key = std::to_string(summary.id) + "/" + summary.body + "/" + summary.imported_at;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
  }
  const Body b = body == "sc" ? Body::SecurityCouncil : Body::GeneralAssembly;
  store::Store::MatrixOrigin origin{};
  auto m = std::make_shared<VoteMatrix>(store.load_matrix(summary.id, b, &origin));
  if (origin == store::Store::MatrixOrigin::rows && !read_only_) {
    // No current snapshot: written once through a writer, so the next process
    // reads one blob. Best effort: a store that cannot be written still answers.
    try {
      store::Store::open(db_path_, false, false).save_snapshot(summary.id, b, summary.imported_at, *m);
    } catch (const std::exception&) {
    }
  }
  std::lock_guard lock(mutex_);
  return cache_.emplace(key, std::move(m)).first->second;
}

Table run(Context& ctx, std::string_view name, const Params& params) {
  const AnalysisSpec* spec = find_analysis(name);
  if (!spec) throw UsageError("unknown analysis '" + std::string(name) + "' (see rostrum --help or /api)");
  Request request = validate(*spec, params);
  return spec->run(ctx, request);
}

}  // namespace rostrum::query
