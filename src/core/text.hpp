// Small text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rostrum {

// Splits a comma-separated list, trimming spaces around items and dropping empty
// ones: " USA, GBR,,FRA " -> {"USA", "GBR", "FRA"}.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

}  // namespace rostrum
