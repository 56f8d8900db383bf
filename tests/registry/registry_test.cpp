// The compiled country table and lookups that need no external data.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "registry/country_table.hpp"
#include "registry/registry.hpp"

namespace rostrum::registry {
namespace {

std::string id_of(std::string_view query) {
  const Country* c = lookup(query);
  return c ? std::string(c->iso3) : std::string("<none>");
}

std::vector<std::string_view> split_ids(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    auto comma = list.find(',');
    out.push_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return out;
}

bool is_upper_code(std::string_view s, std::size_t len) {
  return s.size() == len && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

TEST(CountryTable, IdsAreSortedUniqueAlpha3) {
  auto rows = countries();
  ASSERT_GE(rows.size(), 249u + 8u);  // every ISO 3166-1 row plus the historic states
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_TRUE(is_upper_code(rows[i].iso3, 3)) << rows[i].iso3;
    if (i > 0) {
      EXPECT_LT(rows[i - 1].iso3, rows[i].iso3) << "table not sorted or duplicate id";
    }
    EXPECT_EQ(index_of_iso3(rows[i].iso3), static_cast<int>(i));
    EXPECT_FALSE(rows[i].name.empty()) << rows[i].iso3;
  }
}

TEST(CountryTable, CodesAreUniqueAndWellFormed) {
  std::map<std::string_view, std::string_view> iso2, cow_abbr;
  std::map<int, std::string_view> cow, m49;
  for (const Country& c : countries()) {
    if (!c.iso2.empty()) {
      EXPECT_TRUE(is_upper_code(c.iso2, 2)) << c.iso3;
      EXPECT_TRUE(iso2.emplace(c.iso2, c.iso3).second)
          << "ISO2 " << c.iso2 << " on " << c.iso3 << " and " << iso2[c.iso2];
    }
    if (!c.cow_abbr.empty()) {
      EXPECT_TRUE(is_upper_code(c.cow_abbr, 3)) << c.iso3;
      EXPECT_NE(c.cow, 0) << c.iso3 << " has a COW abbreviation but no code";
      EXPECT_TRUE(cow_abbr.emplace(c.cow_abbr, c.iso3).second) << "COW " << c.cow_abbr;
    }
    if (c.cow != 0) {
      EXPECT_TRUE(cow.emplace(c.cow, c.iso3).second) << "COW " << c.cow;
    }
    if (c.m49 != 0) {
      EXPECT_TRUE(m49.emplace(c.m49, c.iso3).second) << "M49 " << c.m49 << " on " << c.iso3;
    }
  }
}

TEST(CountryTable, HistoricStatesHaveSuccessorsThatExist) {
  const std::set<std::string> expected_historic = {"CSK", "DDR", "EAZ", "RVN", "SCG", "SUN", "YAR", "YMD", "YUG"};
  std::set<std::string> historic;
  for (const Country& c : countries()) {
    if (c.historic) {
      historic.insert(std::string(c.iso3));
      EXPECT_FALSE(c.successors.empty()) << c.iso3 << " ended without a successor";
    }
    for (auto id : split_ids(c.successors)) {
      EXPECT_GE(index_of_iso3(id), 0) << c.iso3 << " -> " << id;
      EXPECT_NE(id, c.iso3);
    }
  }
  EXPECT_EQ(historic, expected_historic);
}

TEST(CountryTable, SuccessorChainsMatchTheDesign) {
  auto succ = [](std::string_view id) { return std::string(lookup(id)->successors); };
  EXPECT_EQ(succ("SUN"), "RUS");
  EXPECT_EQ(succ("YUG"), "SCG");
  EXPECT_EQ(succ("SCG"), "SRB,MNE");
  EXPECT_EQ(succ("CSK"), "CZE,SVK");
  EXPECT_EQ(succ("DDR"), "DEU");
  EXPECT_EQ(succ("YAR"), "YEM");
  EXPECT_EQ(succ("YMD"), "YEM");
  EXPECT_EQ(succ("EAZ"), "TZA");
  EXPECT_EQ(succ("RUS"), "");
}

TEST(CountryTable, PredecessorsInvertSuccessors) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(predecessors("RUS"), V{"SUN"});
  EXPECT_EQ(predecessors("YEM"), (V{"YAR", "YMD"}));
  EXPECT_EQ(predecessors("SRB"), V{"SCG"});
  EXPECT_EQ(predecessors("MNE"), V{"SCG"});
  EXPECT_EQ(predecessors("SCG"), V{"YUG"});
  EXPECT_EQ(predecessors("SVK"), V{"CSK"});
  EXPECT_EQ(predecessors("DEU"), V{"DDR"});
  EXPECT_EQ(predecessors("TZA"), V{"EAZ"});
  EXPECT_TRUE(predecessors("FRA").empty());
  EXPECT_TRUE(predecessors("XXX").empty());
}

TEST(CountryTable, VariantsAndAliasesNameExistingStates) {
  for (const auto& v : table::variants()) {
    EXPECT_GE(index_of_iso3(v.iso3), 0) << v.name;
    // Exactly as written, too (this takes the exact-name shortcut, or a code path
    // when the name looks like a code: "UAE", "US", "DRC").
    EXPECT_EQ(find(v.name), index_of_iso3(v.iso3)) << v.name;
  }
  for (const auto& a : table::code_aliases()) EXPECT_GE(index_of_iso3(a.iso3), 0) << a.code;
}

// A folded name claimed by two states would silently resolve to whichever came
// first; the table must never contain such a clash.
TEST(CountryTable, NoTwoStatesShareAFoldedName) {
  std::map<std::string, std::string_view> owner;
  std::vector<std::string> clashes;
  auto claim = [&](std::string_view name, std::string_view iso3) {
    std::string f = fold_name(name);
    EXPECT_FALSE(f.empty()) << "name folds to nothing: " << name;
    auto [it, inserted] = owner.emplace(f, iso3);
    if (!inserted && it->second != iso3) {
      clashes.push_back(f + ": " + std::string(it->second) + " vs " + std::string(iso3));
    }
  };
  for (const Country& c : countries()) claim(c.name, c.iso3);
  for (const auto& v : table::variants()) claim(v.name, v.iso3);
  EXPECT_TRUE(clashes.empty()) << ::testing::PrintToString(clashes);
}

// An alias equal to another state's real code would never be reached (codes are
// tried first), so it would be dead data at best and a wrong answer at worst.
TEST(CountryTable, AliasesDoNotShadowRealCodes) {
  for (const auto& a : table::code_aliases()) {
    for (const Country& c : countries()) {
      EXPECT_NE(a.code, c.iso3) << a.code;
      EXPECT_NE(a.code, c.iso2) << a.code;
      EXPECT_NE(a.code, c.cow_abbr) << a.code;
      EXPECT_NE(a.code, std::to_string(c.cow)) << a.code;
    }
  }
}

TEST(NameVariants, SortedUniqueFoldedAndRoundTrip) {
  auto vs = name_variants();
  // Every explicit name is published, plus the bracket-less forms derived from them.
  std::set<std::string> explicit_names;
  for (const Country& c : countries()) explicit_names.insert(fold_name(c.name));
  for (const auto& v : table::variants()) explicit_names.insert(fold_name(v.name));
  std::set<std::string_view> published;
  for (const auto& v : vs) published.insert(v.folded);
  for (const auto& f : explicit_names) EXPECT_TRUE(published.count(f)) << f;
  EXPECT_GT(vs.size(), explicit_names.size());  // "micronesia", "falkland islands", ...
  for (std::size_t i = 0; i < vs.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(vs[i - 1].folded, vs[i].folded);
    }
    EXPECT_EQ(fold_name(vs[i].folded), vs[i].folded);
    // Codes are tried before names, so a short name equal to another state's code
    // ("uk", "prc", "drc") would be unreachable; each must find its own state.
    const Country* c = lookup(vs[i].folded);
    ASSERT_NE(c, nullptr) << vs[i].folded;
    EXPECT_EQ(c->iso3, vs[i].iso3) << vs[i].folded;
  }
  for (const Country& c : countries()) EXPECT_EQ(id_of(c.name), c.iso3) << c.name;
}

TEST(Find, CodesInOrderIso3Iso2CowNumberCowAbbreviation) {
  EXPECT_EQ(id_of("RUS"), "RUS");
  EXPECT_EQ(id_of("rus"), "RUS");
  EXPECT_EQ(id_of("RU"), "RUS");
  EXPECT_EQ(id_of("ru"), "RUS");
  EXPECT_EQ(id_of("365"), "RUS");
  EXPECT_EQ(id_of("2"), "USA");
  EXPECT_EQ(id_of("002"), "USA");
  EXPECT_EQ(id_of("UKG"), "GBR");
  EXPECT_EQ(id_of("ROK"), "KOR");
  EXPECT_EQ(id_of("UAE"), "ARE");
  EXPECT_EQ(id_of("GDR"), "DDR");
  EXPECT_EQ(id_of("YPR"), "YMD");
  EXPECT_EQ(id_of("ZAN"), "EAZ");
  EXPECT_EQ(id_of(" USA "), "USA");
}

TEST(Find, Iso3WinsOverACollidingCowAbbreviation) {
  // COW abbreviation -> a different state than the same letters in ISO 3166.
  EXPECT_EQ(id_of("AUS"), "AUS");  // COW: Austria
  EXPECT_EQ(id_of("305"), "AUT");
  EXPECT_EQ(id_of("CZE"), "CZE");  // COW: Czechoslovakia
  EXPECT_EQ(id_of("315"), "CSK");
  EXPECT_EQ(id_of("SWZ"), "SWZ");  // COW: Switzerland
  EXPECT_EQ(id_of("225"), "CHE");
  EXPECT_EQ(id_of("SLV"), "SLV");  // COW: Slovenia
  EXPECT_EQ(id_of("349"), "SVN");
  EXPECT_EQ(id_of("MNG"), "MNG");  // COW: Montenegro
  EXPECT_EQ(id_of("341"), "MNE");
  EXPECT_EQ(id_of("MAC"), "MAC");  // COW: Macedonia; ISO: Macao
  EXPECT_EQ(id_of("343"), "MKD");
}

TEST(Find, HistoricCodesAndAliases) {
  EXPECT_EQ(id_of("SU"), "SUN");
  EXPECT_EQ(id_of("YU"), "YUG");
  EXPECT_EQ(id_of("CS"), "CSK");  // as the vote data uses it, not Serbia and Montenegro
  EXPECT_EQ(id_of("DD"), "DDR");
  EXPECT_EQ(id_of("YD"), "YMD");
  EXPECT_EQ(id_of("GFR"), "DEU");
  EXPECT_EQ(id_of("260"), "DEU");
  EXPECT_EQ(id_of("255"), "DEU");
  EXPECT_EQ(id_of("ZAR"), "COD");
  EXPECT_EQ(id_of("ROM"), "ROU");
  EXPECT_EQ(id_of("XK"), "XKX");
}

TEST(Find, CommonNamesUsersType) {
  const std::pair<const char*, const char*> cases[] = {
      {"Russia", "RUS"},
      {"DPRK", "PRK"},
      {"North Korea", "PRK"},
      {"South Korea", "KOR"},
      {"ROK", "KOR"},
      {"UK", "GBR"},
      {"USA", "USA"},
      {"US", "USA"},
      {"America", "USA"},
      {"Iran", "IRN"},
      {"Syria", "SYR"},
      {"Vietnam", "VNM"},
      {"Laos", "LAO"},
      {"Bolivia", "BOL"},
      {"Venezuela", "VEN"},
      {"Tanzania", "TZA"},
      {"Moldova", "MDA"},
      {"Czech Republic", "CZE"},
      {"Turkey", "TUR"},
      {"Türkiye", "TUR"},
      {"Ivory Coast", "CIV"},
      {"Cape Verde", "CPV"},
      {"Swaziland", "SWZ"},
      {"Macedonia", "MKD"},
      {"Burma", "MMR"},
      {"Holy See", "VAT"},
      {"Vatican", "VAT"},
      {"Palestine", "PSE"},
      {"East Germany", "DDR"},
      {"West Germany", "DEU"},
      {"Soviet Union", "SUN"},
      {"USSR", "SUN"},
      {"South Yemen", "YMD"},
      {"North Yemen", "YAR"},
      {"Côte d’Ivoire", "CIV"},
      {"BOLIVIA (PLURINATIONAL STATE OF)", "BOL"},
      {"Micronesia", "FSM"},
      {"the gambia", "GMB"},
      {"Congo", "COG"},
      {"Zaire", "COD"},
      {"Tanganyika", "TZA"},
      {"United Arab Republic", "EGY"},
      {"Kosovo", "XKX"},
      {"Taiwan", "TWN"},
      {"Republic of China", "TWN"},
      {"China", "CHN"},
      {"Falkland Islands", "FLK"},
  };
  for (const auto& [name, iso3] : cases) EXPECT_EQ(id_of(name), iso3) << name;
}

TEST(Find, UnknownAndAmbiguousNamesDoNotResolve) {
  EXPECT_EQ(find("DONOTKNOW"), -1);
  EXPECT_EQ(find(""), -1);
  EXPECT_EQ(find("   "), -1);
  EXPECT_EQ(find("Atlantis"), -1);
  EXPECT_EQ(find("EU"), -1);
  EXPECT_EQ(find("999"), -1);
  EXPECT_EQ(find("730"), -1);  // COW's pre-1905 Korea is not in the registry
  // British and US Virgin Islands both lose their bracket: neither may claim it.
  EXPECT_EQ(find("Virgin Islands"), -1);
  // No fuzzy matching: a typo not listed as a variant stays unknown.
  EXPECT_EQ(find("Frnace"), -1);
  EXPECT_EQ(lookup("Atlantis"), nullptr);
}

TEST(Find, IndexOfIso3IsExactOnly) {
  EXPECT_GE(index_of_iso3("RUS"), 0);
  EXPECT_EQ(index_of_iso3("RU"), -1);
  EXPECT_EQ(index_of_iso3("Russia"), -1);
  EXPECT_EQ(index_of_iso3("365"), -1);
}

TEST(Find, LookupPointsIntoTheTable) {
  const Country* c = lookup("Germany");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c, &countries()[static_cast<std::size_t>(find("DEU"))]);
  EXPECT_EQ(c->iso2, "DE");
  EXPECT_EQ(c->cow, 255);
  EXPECT_EQ(c->m49, 276);
  EXPECT_EQ(c->region, "Europe");
  EXPECT_EQ(c->subregion, "Western Europe");
}

TEST(Find, ConcurrentFirstUseIsSafe) {
  // The index is built on first use; many threads racing to it must all see a
  // complete index (run under TSan/ASan to make this bite harder).
  std::vector<std::thread> threads;
  threads.reserve(8);
  std::vector<int> results(8, -2);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&results, t] { results[static_cast<std::size_t>(t)] = find("Côte d’Ivoire"); });
  }
  for (auto& th : threads) th.join();
  for (int r : results) EXPECT_EQ(r, index_of_iso3("CIV"));
}

}  // namespace
}  // namespace rostrum::registry
