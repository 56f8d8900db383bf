// Small text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rostrum {

// Splits a comma-separated list, trimming spaces around items and dropping empty
// ones: " USA, GBR,,FRA " -> {"USA", "GBR", "FRA"}.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string ascii_lower(std::string_view s);
std::string join(const std::vector<std::string>& items, std::string_view separator = ",");
// A roman numeral of I, V, X, L and C (UN session numbers: "XXVI" -> 26); 0 when s is not one.
int roman_to_int(std::string_view s);

}  // namespace rostrum
