#include "query/commands.hpp"

namespace rostrum::query {

std::optional<Table> run_extension(Context&, std::string_view, const Params&) { return std::nullopt; }

}  // namespace rostrum::query
