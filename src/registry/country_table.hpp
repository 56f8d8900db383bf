// The registry's raw tables, as compiled into the library. registry.cpp builds its
// lookup indexes from these; the tests read them directly to check the data itself
// (sorted ids, unique codes, no folded name claimed by two states).
#pragma once

#include <span>
#include <string_view>

#include "registry/registry.hpp"

namespace rostrum::registry::table {

// One name a state is known by, exactly as met in a source (unfolded). The display
// name and the ISO 3166 / COW names that fold to the same text are not repeated.
struct VariantRow {
  std::string_view iso3;
  std::string_view name;
};

// A code that is neither the state's ISO3, ISO2, nor its single COW code/abbreviation:
// a second COW code (West Germany's 260/GFR) or a withdrawn ISO code (ZAR for Zaire).
struct CodeAlias {
  std::string_view code;
  std::string_view iso3;
};

std::span<const Country> rows();         // sorted by iso3
std::span<const VariantRow> variants();  // grouped by state
std::span<const CodeAlias> code_aliases();

}  // namespace rostrum::registry::table
