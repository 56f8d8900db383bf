// The query layer: one typed entry point per analysis, shared by the CLI, the
// HTTP server and the brief. Shells turn their input (flags, URL parameters) into
// Params, call run(), and render the returned Table. Every parameter is validated
// here, and a bad one raises UsageError naming it ("parameter 'a': unknown country
// 'Atlantis'").
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/table.hpp"
#include "registry/groups.hpp"

namespace rostrum {
class VoteMatrix;
}

namespace rostrum::query {

using Params = std::map<std::string, std::string, std::less<>>;

// Holds the store path and what was loaded from it, so that a server loads each
// source's VoteMatrix once. Thread-safe.
class Context {
 public:
  explicit Context(std::string db_path);
  ~Context();
  const std::string& db_path() const { return db_path_; }
  // The matrix of a source ("" = default source for the body "ga"/"sc").
  std::shared_ptr<const VoteMatrix> matrix(std::string_view source, std::string_view body);
  // User-defined groups (registry::load_groups_file), usable wherever a group name is.
  void set_user_groups(std::vector<registry::Group> groups) { user_groups_ = std::move(groups); }
  const std::vector<registry::Group>& user_groups() const { return user_groups_; }

 private:
  std::string db_path_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const VoteMatrix>, std::less<>> cache_;
  std::vector<registry::Group> user_groups_;
};

// Commands: "info", "countries", "groups", "agree", "cohesion", "ideal", "blocs",
// "shifts" (more as they land). Throws UsageError for unknown commands/parameters.
Table run(Context& ctx, std::string_view command, const Params& params);

}  // namespace rostrum::query
