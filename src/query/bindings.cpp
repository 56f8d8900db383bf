#include "query/bindings.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "io/import.hpp"
#include "query/catalogue.hpp"
#include "registry/groups.hpp"
#include "store/store.hpp"

namespace rostrum::query {

std::shared_ptr<Context> open_store(const std::string& path, bool write, const std::string& groups_file) {
  // Fails now, not at the first query, when a read-only store is not there.
  if (!write || std::filesystem::exists(path)) store::Store::open(path, false, !write);
  auto ctx = std::make_shared<Context>(path);
  ctx->set_read_only(!write);
  if (!groups_file.empty()) ctx->set_user_groups(registry::load_groups_file(groups_file));
  return ctx;
}

Table import_paths(Context& ctx, const std::vector<std::string>& paths, const std::string& format,
                   const std::string& name) {
  if (ctx.read_only())
    throw UsageError("the store '" + ctx.db_path() + "' is open read-only: open it for writing to import");
  if (paths.empty()) throw ParameterError("path", "give a file or directory to import");
  if (!name.empty() && paths.size() > 1) throw ParameterError("name", "give one path when naming the source");
  std::vector<io::ImportBatch> batches;
  batches.reserve(paths.size());
  for (const auto& path : paths) batches.push_back(io::import_path(path, format, name));
  auto store = store::Store::open(ctx.db_path(), true);
  Table t;
  t.columns = {"source", "format", "replaced", "rollcalls", "votes", "yes", "no", "abstain", "nonvoting"};
  nlohmann::json notes = nlohmann::json::object();
  for (const auto& b : batches) {
    const auto r = store.write_source(b);
    std::int64_t counts[5] = {0, 0, 0, 0, 0};
    for (const auto& v : b.votes) counts[static_cast<int>(v.vote)]++;
    t.add_row({b.source_name, b.format, std::int64_t{r.replaced ? 1 : 0}, r.rollcalls, r.votes,
               counts[static_cast<int>(Vote::Yes)], counts[static_cast<int>(Vote::No)],
               counts[static_cast<int>(Vote::Abstain)], counts[static_cast<int>(Vote::NonVoting)]});
    notes[b.source_name] = b.notes;
  }
  t.meta = {{"notes", notes}};
  return t;
}

Columns run_for_bindings(Context& ctx, std::string_view name, const Params& params) {
  const AnalysisSpec* spec = find_analysis(name);
  if (spec && !(spec->surfaces & kBindings))
    throw UsageError("'" + std::string(name) + "' is not offered in the bindings (see the catalogue)");
  return run_columns(ctx, name, params);
}

}  // namespace rostrum::query
