// Name normalisation and comparison for matching entries across lists.
//
// fold(): ICU transliteration to Latin (Cyrillic by the BGN/PCGN romanisation the
// US and EU lists themselves use, "Russian-Latin/BGN"; every other script by ICU's
// "Any-Latin", Chinese as pinyin), then "Latin-ASCII" (accents off) and lower case;
// apostrophes vanish, other punctuation separates words. tokens() drops the words of
// legal forms (LLC, OOO, AO, JSC, PAO, GmbH, "joint stock company", ...) from names
// of organisations, so that "OOO Sovcomflot" and "SOVCOMFLOT LLC" agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sanctions/model.hpp"

namespace rostrum::sanctions::names {

// Thread-safe (one ICU transliterator per thread). Idempotent.
std::string fold(std::string_view utf8);

// The words of a folded name that identify it. For organisations, vessels and
// aircraft, runs of one-letter words are joined first ("s a" -> "sa", "l l c" ->
// "llc") and legal-form words and phrases are removed; if nothing would remain the
// words are kept. Persons keep every word.
std::vector<std::string> tokens(std::string_view folded, EntryType type);

bool is_legal_form_word(std::string_view token);

// Jaro-Winkler similarity in [0, 1] (Winkler 1990, "String comparator metrics and
// enhanced decision rules in the Fellegi-Sunter model of record linkage", §3;
// prefix scale 0.1 over at most 4 characters). O(|a|·|b|).
double jaro_winkler(std::string_view a, std::string_view b);

}  // namespace rostrum::sanctions::names
