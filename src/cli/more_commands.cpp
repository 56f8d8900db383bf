#include "cli/commands.hpp"

namespace rostrum::cli {
void register_more_commands(CLI::App&, Globals&) {}
}  // namespace rostrum::cli
