// Identifiers: normalisation and the conventions that make two lists' numbers
// comparable (a Russian tax number is an INN, a Russian 13- or 15-digit
// registration number an OGRN, an LEI is only an LEI when its ISO 17442 check
// digits agree).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sanctions/model.hpp"

namespace rostrum::sanctions {

// Upper-case letters and digits only: "AB 850901" -> "AB850901", "IMO 9338230" stays
// as given (the caller strips labels).
std::string normalise_id(std::string_view raw);

// ISO 17442: 18 alphanumerics then 2 check digits, ISO 7064 MOD 97-10 == 1.
bool is_lei(std::string_view normalised);

// An identifier of `kind` from a raw value, with the conventions above applied:
// tax_id of Russia -> "tax_id" with country RUS (the INN); registration of Russia
// with 13 or 15 digits -> "ogrn"; registration that is a valid LEI -> "lei"; an
// "lei" that fails its check digits -> "registration". nullopt when the value holds
// no digit (numbers without digits are labels, not identifiers) or fewer than 4
// characters; SWIFT/BIC codes are letters and need 8 or 11 characters.
std::optional<Identifier> make_identifier(std::string kind, std::string_view raw_value, std::string country,
                                          std::string raw, bool from_remarks);

// The number inside a phrase: "Colombia number AZ321704" -> "AZ321704",
// "Afghan passport number SE012820" -> "SE012820"; a short upper-case prefix stays
// ("M 271351", "OB 0243318"). The text itself when it holds no digit.
std::string number_in_text(std::string_view text);

// Kinds that identify an entry on their own when two lists share the value
// (given compatible types): imo, mmsi, lei, swift, tax_id, ogrn, okpo,
// registration, passport, national_id.
bool is_strong_kind(std::string_view kind);

}  // namespace rostrum::sanctions
