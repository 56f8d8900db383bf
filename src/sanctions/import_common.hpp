// Shared by the sanctions importers: finishing an entry (folded names, target
// state, de-duplicated identifiers) and small field helpers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/csv.hpp"
#include "sanctions/model.hpp"

namespace rostrum::sanctions::detail {

// Folds every name, drops empty and repeated ones (a repeat keeps the strongest
// kind), removes repeated identifiers, and sets the target: the first programme
// that targets a state, else the first nationality, else the first address
// country. Programme codes missing from rostrum's table are reported in `list`.
void finish_entry(Entry& e, SanctionsList& list);

// "" for OFAC's "-0-" (with or without trailing spaces); the trimmed text otherwise.
std::string ofac_field(std::string_view field);

std::string_view trim(std::string_view s);

// Throws InputError naming file, line, column and field when `text` is not valid UTF-8.
void check_utf8(std::string_view text, const std::string& file, std::uint64_t line, std::uint64_t column,
                std::string_view field);
void check_utf8(const io::CsvRecord& rec, const std::string& file);

std::string origin(const std::string& file, std::uint64_t line);

// The file's name without directories ("sdn.csv.gz").
std::string base_name(const std::string& path);

}  // namespace rostrum::sanctions::detail
