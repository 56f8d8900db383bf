// What the language bindings (python/, r/) share beyond run_columns(): opening
// a store as a binding's Store object does, and importing files into it as
// `rostrum import` does. Kept here so that the two bindings stay thin shells.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"
#include "query/columns.hpp"
#include "query/query.hpp"

namespace rostrum::query {

// A Context on the store at `path`. Read-only (write = false): the store must
// exist and be a rostrum store now (StoreError otherwise), and analyses that
// would write to it refuse (Context::read_only). Writable: it may not exist yet
// (import_paths creates it). `groups_file` ("" = none): user groups, JSON or TOML.
std::shared_ptr<Context> open_store(const std::string& path, bool write, const std::string& groups_file);

// Imports `paths` into the store of `ctx` as the CLI's import does: every file
// parsed and checked before the store is opened (a bad file raises InputError and
// changes nothing), then one transaction per source. One row per source: source,
// format, replaced (0/1), rollcalls, votes, yes, no, abstain, nonvoting; meta
// {"notes": {source: [how its conventions were mapped]}}. UsageError when the
// Context is read-only.
Table import_paths(Context& ctx, const std::vector<std::string>& paths, const std::string& format,
                   const std::string& name);

// run_columns() for an analysis offered to the bindings (kBindings); UsageError
// for the others.
Columns run_for_bindings(Context& ctx, std::string_view name, const Params& params);

}  // namespace rostrum::query
