// The country registry: every state that appears in a UN vote record, compiled
// into the library.
//
// Canonical id is ISO 3166-1 alpha-3 where one exists; historic states use their
// ISO 3166-3 code or a stable project code (SUN, YUG, SCG, CSK, DDR, YAR, YMD,
// EAZ, ...). Each country knows its ISO2, COW numeric code and abbreviation, UN M49
// region and sub-region, display name, every name variant met in the inputs, and
// its successor / predecessor links. See docs/registry.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace rostrum::registry {

struct Country {
  std::string_view iso3;        // canonical id, e.g. "RUS", "SUN"
  std::string_view iso2;        // "" when none (e.g. Zanzibar)
  int cow = 0;                  // Correlates of War numeric code, 0 when none
  std::string_view cow_abbr;    // COW abbreviation, "" when none
  int m49 = 0;                  // UN M49 numeric code, 0 when none
  std::string_view region;      // M49 region ("Europe", "Asia", ...), "" for some historic states
  std::string_view subregion;   // M49 sub-region
  std::string_view name;        // display name ("Russian Federation")
  std::string_view successors;  // comma-separated ISO3 ids, "" when none ("CZE,SVK" for CSK)
  bool historic = false;        // no longer exists as a state
};

// Every country, sorted by iso3. Indices into this span are stable within one build.
std::span<const Country> countries();

// Index of the country in countries(), or -1. Accepts ISO3, ISO2, COW numeric code
// ("365") or abbreviation ("RUS" is ISO3 first), and any name variant after folding
// ("Russia", "DPRK", "Côte d’Ivoire", "BOLIVIA (PLURINATIONAL STATE OF)").
int find(std::string_view code_or_name);
const Country* lookup(std::string_view code_or_name);  // nullptr when unknown
int index_of_iso3(std::string_view iso3);              // exact ISO3 only, -1 when unknown

// Folds a name for matching: Unicode NFKD, accents stripped, case folded,
// punctuation and "&" normalised ("&" == "and"), a leading "the" dropped, bracketed
// qualifiers kept as words (so "Iran (Islamic Republic of)" folds to
// "iran islamic republic of"), whitespace collapsed. Folding is idempotent.
std::string fold_name(std::string_view name);

struct NameVariant {
  std::string_view folded;  // already folded
  std::string_view iso3;
};
// Every name variant known (folded, unique), including the ISO 3166 names, the COW
// names, the unvotes names and every country header of the UN Digital Library files.
std::span<const NameVariant> name_variants();

// Predecessors of a country (inverse of successors), e.g. predecessors("RUS") = {"SUN"}.
std::vector<std::string_view> predecessors(std::string_view iso3);

}  // namespace rostrum::registry
