// The query layer: the one entry point the CLI, the HTTP server, the brief and
// the language bindings call. Shells turn their input (flags, URL parameters,
// keyword arguments) into Params and call run(); every parameter is validated
// once, against the analysis's spec in the catalogue (query/catalogue.hpp), and
// a bad one raises ParameterError naming it.
#pragma once

#include <functional>
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

// Progress of a long computation: (step, a figure to show such as the
// log-likelihood); return false to stop. Shells install one on a terminal.
using Progress = std::function<bool(int step, double figure)>;

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
  // Progress display for long analyses (the CLI sets one on a terminal).
  void set_progress(Progress progress) { progress_ = std::move(progress); }
  const Progress& progress() const { return progress_; }
  // A store opened for reading only (the language bindings' default): an analysis
  // that would write to it (ideal saves its run) refuses with a UsageError.
  void set_read_only(bool read_only) { read_only_ = read_only; }
  bool read_only() const { return read_only_; }

 private:
  std::string db_path_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const VoteMatrix>, std::less<>> cache_;
  std::vector<registry::Group> user_groups_;
  Progress progress_;
  bool read_only_ = false;
};

// Runs the analysis `name` of the catalogue (src/query/catalogue.hpp) on
// `params`: validates them against its spec, then computes. Throws
// ParameterError for a bad parameter, UsageError for an unknown analysis.
//
// A result may carry, in its meta: "notice" (a line the CLI prints on stderr),
// and, when it has no rows, "reason" (why: what was selected and why nothing
// remains) -- an empty answer always says why; "seat_notes" when a state asked
// for crosses a change of seat (add_seat_notes).
Table run(Context& ctx, std::string_view name, const Params& params);

class Request;
// Adds meta.seat_notes for the states a request names whose series carries
// another's votes (RUS: SUN's before 1991-12-24) or whose name labelled another
// government's votes (CHN: TWN's until 1971-10-25). registry/seats.hpp.
void add_seat_notes(const Request& request, nlohmann::json& meta);

}  // namespace rostrum::query
