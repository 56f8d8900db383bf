// Queries provided by later stages (ideal points, blocs, shifts) register here so
// that run() stays one entry point. Returns nullopt for an unknown command.
#pragma once

#include <optional>
#include <string_view>

#include "core/table.hpp"
#include "query/query.hpp"

namespace rostrum::query {
std::optional<Table> run_extension(Context& ctx, std::string_view command, const Params& params);

// Each later stage's queries live in their own file of src/query/ and are
// dispatched from extensions.cpp.
}
