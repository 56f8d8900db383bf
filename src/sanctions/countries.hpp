// Country labels of the sanctions lists mapped to registry states, and each
// issuer's programme codes mapped to the state the programme targets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rostrum::sanctions {

// ISO3 for a country label as the lists write it: anything the registry knows
// (names, ISO2/ISO3 codes), OFAC's inverted names ("Korea, North", "Man, Isle of"),
// the few territories the lists name ("West Bank", "Gaza Strip"), and nationality
// adjectives ("Pakistani", "North Korean"). "" when unknown: the caller reports it.
// Qualifiers that make a label uncertain ("possibly", "presumed", "allegedly",
// "assumed") leave it unmapped: a guessed nationality is not evidence.
std::string country_iso3(std::string_view label);

// Splits a free-text nationality field ("(a) Algerian, (b) German", "Russian and
// Belarusian", "Syrian/Lebanese") into its labels.
std::vector<std::string> split_nationalities(std::string_view text);

// The state a programme targets: "RUS" for OFAC RUSSIA-EO14024 or EU-RUS, "" for
// thematic programmes (terrorism, narcotics, cyber, human rights, proliferation).
// known = false when the code is not in rostrum's table (the importer reports it).
struct ProgrammeTarget {
  std::string iso3;
  bool known = false;
};
ProgrammeTarget programme_target(std::string_view issuer, std::string_view code);

}  // namespace rostrum::sanctions
