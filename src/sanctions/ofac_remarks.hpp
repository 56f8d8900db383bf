// OFAC's remarks column: identifiers, dates of birth, nationalities, aliases and
// links written as free text ("DOB 30 Mar 1989; nationality Belarus; Tax ID No.
// 7707083893 (Russia); a.k.a. 'BNC'; Linked To: LLC KOKSOKHIMTRANS."). The text is
// split at semicolons outside parentheses; each part is read by its label (table in
// docs/sanctions.md). Parts with other labels (addresses of websites, aircraft
// details, directive dates, ...) stay in the remarks text only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sanctions/model.hpp"

namespace rostrum::sanctions {

struct OfacRemarks {
  std::vector<Name> aliases;  // a.k.a. (weak: the legacy CSV keeps strong aliases in alt.csv), f.k.a.
  std::vector<Identifier> ids;
  std::vector<std::string> links;       // "Linked To:" names
  std::vector<std::string> unreadable;  // parts with a known label whose value could not be read ("DOB sometime")
};

// O(length of the text).
OfacRemarks parse_ofac_remarks(std::string_view remarks);

// Splits at `sep` outside parentheses.
std::vector<std::string_view> split_outside_parentheses(std::string_view text, char sep);

}  // namespace rostrum::sanctions
