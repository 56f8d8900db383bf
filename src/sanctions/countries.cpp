#include "sanctions/countries.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "registry/registry.hpp"

namespace rostrum::sanctions {
namespace {

// Labels the registry does not hold because only sanctions lists use them.
const std::unordered_map<std::string, std::string>& extra_labels() {
  static const std::unordered_map<std::string, std::string> table = {
      {"west bank", "PSE"},
      {"gaza", "PSE"},
      {"gaza strip", "PSE"},
      {"palestinian authority", "PSE"},
      {"region gaza", "PSE"},
      {"region crimea", "UKR"},
      {"crimea", "UKR"},
      {"china hong kong special administrative region", "HKG"},
      {"former soviet union", "SUN"},
  };
  return table;
}

// Nationality adjectives (demonyms) met in the lists, folded. Ambiguous ones
// ("Congolese", "Dominican", "Korean", "Guinean") are deliberately absent.
const std::unordered_map<std::string, std::string>& demonyms() {
  static const std::unordered_map<std::string, std::string> table = {
      {"afghan", "AFG"},        {"afgan", "AFG"},          {"albanian", "ALB"},    {"algerian", "DZA"},
      {"american", "USA"},      {"angolan", "AGO"},        {"argentine", "ARG"},   {"argentinian", "ARG"},
      {"armenian", "ARM"},      {"australian", "AUS"},     {"austrian", "AUT"},    {"azerbaijani", "AZE"},
      {"bahraini", "BHR"},      {"bangladeshi", "BGD"},    {"belarusian", "BLR"},  {"belarussian", "BLR"},
      {"belgian", "BEL"},       {"beninese", "BEN"},       {"bolivian", "BOL"},    {"bosnian", "BIH"},
      {"brazilian", "BRA"},     {"british", "GBR"},        {"bulgarian", "BGR"},   {"burkinabe", "BFA"},
      {"burmese", "MMR"},       {"burundian", "BDI"},      {"cambodian", "KHM"},   {"cameroonian", "CMR"},
      {"canadian", "CAN"},      {"chadian", "TCD"},        {"chilean", "CHL"},     {"chinese", "CHN"},
      {"colombian", "COL"},     {"croatian", "HRV"},       {"cuban", "CUB"},       {"cypriot", "CYP"},
      {"czech", "CZE"},         {"danish", "DNK"},         {"djiboutian", "DJI"},  {"dutch", "NLD"},
      {"ecuadorian", "ECU"},    {"egyptian", "EGY"},       {"emirati", "ARE"},     {"eritrean", "ERI"},
      {"estonian", "EST"},      {"ethiopian", "ETH"},      {"filipino", "PHL"},    {"finnish", "FIN"},
      {"french", "FRA"},        {"gambian", "GMB"},        {"georgian", "GEO"},    {"german", "DEU"},
      {"ghanaian", "GHA"},      {"greek", "GRC"},          {"guatemalan", "GTM"},  {"haitian", "HTI"},
      {"honduran", "HND"},      {"hungarian", "HUN"},      {"indian", "IND"},      {"indonesian", "IDN"},
      {"iranian", "IRN"},       {"iraqi", "IRQ"},          {"irish", "IRL"},       {"israeli", "ISR"},
      {"italian", "ITA"},       {"ivorian", "CIV"},        {"jamaican", "JAM"},    {"japanese", "JPN"},
      {"jordanian", "JOR"},     {"kazakh", "KAZ"},         {"kazakhstani", "KAZ"}, {"kenyan", "KEN"},
      {"kuwaiti", "KWT"},       {"kyrgyz", "KGZ"},         {"latvian", "LVA"},     {"lebanese", "LBN"},
      {"liberian", "LBR"},      {"libyan", "LBY"},         {"lithuanian", "LTU"},  {"macedonian", "MKD"},
      {"malaysian", "MYS"},     {"malian", "MLI"},         {"mauritanian", "MRT"}, {"mexican", "MEX"},
      {"moldovan", "MDA"},      {"mongolian", "MNG"},      {"montenegrin", "MNE"}, {"moroccan", "MAR"},
      {"mozambican", "MOZ"},    {"nepalese", "NPL"},       {"nicaraguan", "NIC"},  {"nigerian", "NGA"},
      {"nigerien", "NER"},      {"north korean", "PRK"},   {"norwegian", "NOR"},   {"omani", "OMN"},
      {"pakistani", "PAK"},     {"palestinian", "PSE"},    {"panamanian", "PAN"},  {"peruvian", "PER"},
      {"polish", "POL"},        {"portuguese", "PRT"},     {"qatari", "QAT"},      {"romanian", "ROU"},
      {"russian", "RUS"},       {"rwandan", "RWA"},        {"salvadoran", "SLV"},  {"saudi", "SAU"},
      {"saudi arabian", "SAU"}, {"senegalese", "SEN"},     {"serbian", "SRB"},     {"sierra leonean", "SLE"},
      {"singaporean", "SGP"},   {"slovak", "SVK"},         {"somali", "SOM"},      {"south african", "ZAF"},
      {"south korean", "KOR"},  {"south sudanese", "SSD"}, {"soviet", "SUN"},      {"spanish", "ESP"},
      {"sri lankan", "LKA"},    {"sudanese", "SDN"},       {"swedish", "SWE"},     {"swiss", "CHE"},
      {"syrian", "SYR"},        {"taiwanese", "TWN"},      {"tajik", "TJK"},       {"tanzanian", "TZA"},
      {"thai", "THA"},          {"togolese", "TGO"},       {"trinidadian", "TTO"}, {"tunisian", "TUN"},
      {"turkish", "TUR"},       {"turkmen", "TKM"},        {"ugandan", "UGA"},     {"ukrainian", "UKR"},
      {"uzbek", "UZB"},         {"uzbekistani", "UZB"},    {"venezuelan", "VEN"},  {"vietnamese", "VNM"},
      {"yemeni", "YEM"},        {"zambian", "ZMB"},        {"zimbabwean", "ZWE"},
  };
  return table;
}

bool uncertain(const std::string& folded) {
  for (const char* w : {"possibly", "presumed", "allegedly", "assumed", "probably", "reportedly", "undetermined",
                        "withdrawn", "given by", "unknown"})
    if (folded.find(w) != std::string::npos) return true;
  return false;
}

std::string strip_parentheses(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(')
      ++depth;
    else if (c == ')')
      depth = std::max(0, depth - 1);
    else if (depth == 0)
      out += c;
  }
  return out;
}

std::string trim_copy(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() &&
         (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '"' || s.back() == '.' || s.back() == ','))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string country_iso3(std::string_view label) {
  std::string text = trim_copy(label);
  if (text.empty() || text == "-0-") return "";
  std::string whole = registry::fold_name(text);
  if (uncertain(whole)) return "";
  if (const auto* c = registry::lookup(text)) return std::string(c->iso3);
  std::string bare = trim_copy(strip_parentheses(text));
  // "Italian since 1990", "Sudanese by birth", "of the Republic of Moldova"
  for (const char* tail : {" since ", " by birth", " until "})
    if (auto p = bare.find(tail); p != std::string::npos) bare = trim_copy(bare.substr(0, p));
  std::string folded = registry::fold_name(bare);
  if (folded.rfind("of ", 0) == 0) {
    folded = folded.substr(3);
    bare = bare.substr(3);
  }
  if (folded.empty()) return "";
  if (const auto* c = registry::lookup(bare)) return std::string(c->iso3);
  // OFAC writes "Korea, North", "Congo, Republic of the", "Man, Isle of".
  if (auto comma = bare.find(", "); comma != std::string::npos) {
    std::string swapped = bare.substr(comma + 2) + " " + bare.substr(0, comma);
    if (const auto* c = registry::lookup(swapped)) return std::string(c->iso3);
    if (bare.substr(0, comma) == "Korea") {
      std::string rest = registry::fold_name(bare.substr(comma + 2));
      if (rest == "north") return "PRK";
      if (rest == "south") return "KOR";
    }
  }
  if (auto it = extra_labels().find(folded); it != extra_labels().end()) return it->second;
  if (auto it = demonyms().find(folded); it != demonyms().end()) return it->second;
  return "";
}

std::vector<std::string> split_nationalities(std::string_view text) {
  std::string s(text);
  // The EU field sometimes runs on into document numbers: keep what precedes them.
  for (const char* stop : {". ", ":"})
    if (auto p = s.find(stop); p != std::string::npos) s = s.substr(0, p);
  // Enumerations "(a) X, (b) Y" and the separators between labels.
  std::string cleaned;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(' && i + 2 < s.size() && s[i + 2] == ')' && std::isalpha(static_cast<unsigned char>(s[i + 1]))) {
      cleaned += ';';
      i += 2;
    } else if (i + 2 < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) && s[i + 1] == ')' &&
               (i == 0 || s[i - 1] == ' ')) {
      cleaned += ';';  // "a) Syrian b) Palestinian"
      i += 1;
    } else if (s[i] == ',' || s[i] == '/' || s[i] == ';') {
      cleaned += ';';
    } else {
      cleaned += s[i];
    }
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  auto push = [&](std::string piece) {
    // " and ", " or " separate labels too ("Russian and Belarusian").
    for (const char* sep : {" and ", " or ", " and/or "}) {
      if (auto p = piece.find(sep); p != std::string::npos) {
        std::string left = trim_copy(piece.substr(0, p)), right = trim_copy(piece.substr(p + std::string(sep).size()));
        // "Trinidad and Tobago", "Bosnia and Herzegovina" are one label.
        if (!registry::lookup(piece)) {
          if (!left.empty()) out.push_back(left);
          if (!right.empty()) out.push_back(right);
          return;
        }
      }
    }
    piece = trim_copy(piece);
    if (!piece.empty()) out.push_back(piece);
  };
  for (std::size_t i = 0; i <= cleaned.size(); ++i) {
    if (i == cleaned.size() || cleaned[i] == ';') {
      push(cleaned.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

ProgrammeTarget programme_target(std::string_view issuer, std::string_view code) {
  // OFAC programme tags (31 CFR chapter V and the Executive Orders they cite).
  // Ukraine-related EOs 13660-13662 and 13685 (Crimea), PEESA (Russian export
  // pipelines) and the Magnitsky Act address Russia's conduct: target RUS.
  static const std::unordered_map<std::string, std::string> us = {
      {"561-Related", "IRN"},
      {"BALKANS", ""},
      {"BALKANS-EO14033", ""},
      {"BELARUS", "BLR"},
      {"BELARUS-EO", "BLR"},
      {"BELARUS-EO14038", "BLR"},
      {"BPI-RUSSIA-EO14024", "RUS"},
      {"BURMA-EO14014", "MMR"},
      {"BURUNDI", "BDI"},
      {"CAATSA - IRAN", "IRN"},
      {"CAATSA - RUSSIA", "RUS"},
      {"CAR", "CAF"},
      {"CMIC-EO13959", "CHN"},
      {"CMIC-EO14032", "CHN"},
      {"CUBA", "CUB"},
      {"CYBER", ""},
      {"CYBER2", ""},
      {"CYBER3", ""},
      {"DARFUR", "SDN"},
      {"DPRK", "PRK"},
      {"DPRK-NKSPEA", "PRK"},
      {"DPRK2", "PRK"},
      {"DPRK3", "PRK"},
      {"DPRK4", "PRK"},
      {"DRCONGO", "COD"},
      {"ELECTION-EO13848", ""},
      {"ETHIOPIA-EO14046", "ETH"},
      {"FSE-IR", "IRN"},
      {"FSE-SY", "SYR"},
      {"FTO", ""},
      {"GLOMAG", ""},
      {"HIFPAA", ""},
      {"HK-EO13936", "CHN"},
      {"HOSTAGES-EO14078", ""},
      {"HRIT-IR", "IRN"},
      {"HRIT-SY", "SYR"},
      {"IFCA", "IRN"},
      {"IFSR", "IRN"},
      {"ILLICIT-DRUGS-EO", ""},
      {"ILLICIT-DRUGS-EO14059", ""},
      {"IRAN", "IRN"},
      {"IRAN-CON-ARMS-EO", "IRN"},
      {"IRAN-EO13846", "IRN"},
      {"IRAN-EO13871", "IRN"},
      {"IRAN-EO13876", "IRN"},
      {"IRAN-EO13902", "IRN"},
      {"IRAN-HR", "IRN"},
      {"IRAN-TRA", "IRN"},
      {"IRAQ2", "IRQ"},
      {"IRAQ3", "IRQ"},
      {"IRGC", "IRN"},
      {"ISA", "IRN"},
      {"LEBANON", "LBN"},
      {"LIBYA2", "LBY"},
      {"LIBYA3", "LBY"},
      {"MAGNIT", "RUS"},
      {"MALI-EO13882", "MLI"},
      {"MIDDLE-EAST-EO", ""},
      {"NICARAGUA", "NIC"},
      {"NICARAGUA-NHRAA", "NIC"},
      {"NPWMD", ""},
      {"NS-PLC", "PSE"},
      {"PEESA", "RUS"},
      {"PEESA-EO", "RUS"},
      {"PEESA-EO14039", "RUS"},
      {"RUSSIA-EO14024", "RUS"},
      {"RUSSIA-EO14065", "RUS"},
      {"RUSSIA-EO14066", "RUS"},
      {"RUSSIA-EO14068", "RUS"},
      {"RUSSIA-EO14071", "RUS"},
      {"SDGT", ""},
      {"SDNT", ""},
      {"SDNTK", ""},
      {"SDT", ""},
      {"SOMALIA", "SOM"},
      {"SOUTH SUDAN", "SSD"},
      {"SSI", "RUS"},
      {"SUDAN", "SDN"},
      {"SUDAN-EO14098", "SDN"},
      {"SYRIA", "SYR"},
      {"SYRIA-CAESAR", "SYR"},
      {"SYRIA-EO13894", "SYR"},
      {"TCO", ""},
      {"UHRPA", "CHN"},
      {"UKRAINE-EO13660", "RUS"},
      {"UKRAINE-EO13661", "RUS"},
      {"UKRAINE-EO13662", "RUS"},
      {"UKRAINE-EO13685", "RUS"},
      {"VENEZUELA", "VEN"},
      {"VENEZUELA-EO13850", "VEN"},
      {"VENEZUELA-EO13884", "VEN"},
      {"WEST-BANK-EO14115", ""},
      {"YEMEN", "YEM"},
      {"ZIMBABWE", "ZWE"},
  };
  // EU regimes by the programme keys of the Official Journal extraction.
  // EU-UKR (Reg. 269/2014, Ukraine's territorial integrity) and EU-RUSDA (Reg.
  // 2024/2642, Russia's destabilising activities) count as target RUS.
  static const std::unordered_map<std::string, std::string> eu = {
      {"EU-AFG", "AFG"},   {"EU-BLR", "BLR"},    {"EU-CAF", "CAF"},  {"EU-CHEM", ""},   {"EU-COD", "COD"},
      {"EU-CYB", ""},      {"EU-GIN", "GIN"},    {"EU-GTM", "GTM"},  {"EU-HAM", ""},    {"EU-HR", ""},
      {"EU-HTI", "HTI"},   {"EU-IRN", "IRN"},    {"EU-IRQ", "IRQ"},  {"EU-LBY", "LBY"}, {"EU-MDA", "MDA"},
      {"EU-MLI", "MLI"},   {"EU-MMR", "MMR"},    {"EU-NIC", "NIC"},  {"EU-PRK", "PRK"}, {"EU-RUS", "RUS"},
      {"EU-RUSDA", "RUS"}, {"EU-SDN", "SDN"},    {"EU-SDNZ", "SDN"}, {"EU-SOM", "SOM"}, {"EU-SSD", "SSD"},
      {"EU-SYR", "SYR"},   {"EU-TAQA-EUAQ", ""}, {"EU-TERR", ""},    {"EU-TUN", "TUN"}, {"EU-UKR", "RUS"},
      {"EU-VEN", "VEN"},   {"EU-YEM", "YEM"},
  };
  // UN Security Council sanctions committees (UN_LIST_TYPE).
  static const std::unordered_map<std::string, std::string> un = {
      {"Al-Qaida", ""},      {"CAR", "CAF"},   {"DPRK", "PRK"},    {"DRC", "COD"},   {"GB", "GNB"},
      {"Haiti", "HTI"},      {"Iran", "IRN"},  {"Iraq", "IRQ"},    {"Libya", "LBY"}, {"Somalia", "SOM"},
      {"SouthSudan", "SSD"}, {"Sudan", "SDN"}, {"Taliban", "AFG"}, {"Yemen", "YEM"},
  };
  const std::unordered_map<std::string, std::string>* table = issuer == "US"   ? &us
                                                              : issuer == "EU" ? &eu
                                                              : issuer == "UN" ? &un
                                                                               : nullptr;
  if (!table) return {};
  auto it = table->find(std::string(code));
  if (it == table->end()) return {};
  return {it->second, true};
}

}  // namespace rostrum::sanctions
