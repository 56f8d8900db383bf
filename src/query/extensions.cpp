#include "query/commands.hpp"
#include "query/ideal_queries.hpp"
#include "query/analyses.hpp"

namespace rostrum::query {

std::optional<Table> run_extension(Context& ctx, std::string_view command, const Params& params) {
  if (command == "blocs") return run_blocs(ctx, params);
  if (command == "poles") return run_poles(ctx, params);
  if (command == "shifts") return run_shifts(ctx, params);
  if (command == "ideal") return run_ideal(ctx, params);
  return std::nullopt;
}

}  // namespace rostrum::query
