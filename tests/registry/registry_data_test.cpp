// The registry checked against the real files in ../shared/data: the reference
// tables it was compiled from, and every country name the vote files use.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "registry/data_helpers.hpp"
#include "registry/registry.hpp"
#include "support/test_support.hpp"

namespace rostrum::registry {
namespace {

using rostrum::testing::column;
using rostrum::testing::for_each_record;
using rostrum::testing::has_shared_data;
using rostrum::testing::parse_csv;
using rostrum::testing::read_maybe_gz;
using rostrum::testing::shared_data;

#define SKIP_WITHOUT_DATA() \
  if (!has_shared_data()) GTEST_SKIP() << "no ../shared/data"

std::string id_of(std::string_view query) {
  const Country* c = lookup(query);
  return c ? std::string(c->iso3) : std::string("<none>");
}

std::vector<std::vector<std::string>> read_csv(const std::string& relative) {
  auto rows = parse_csv(read_maybe_gz(shared_data(relative)));
  if (rows.empty()) throw std::runtime_error("empty " + relative);
  return rows;
}

// COW states that ended before the UN existed; the registry leaves them out.
const std::set<std::string> kPreUnCowStates = {"AUH", "BAD", "BAV", "HAN", "HSE", "HSG", "KOR", "MEC",
                                               "MOD", "PAP", "PMA", "SAX", "SIC", "TUS", "WRT"};

TEST(RegistryData, AgreesWithIso3166) {
  SKIP_WITHOUT_DATA();
  auto rows = read_csv("countries/iso3166_regions.csv");
  const auto& h = rows[0];
  auto c_name = column(h, "name"), c_a2 = column(h, "alpha-2"), c_a3 = column(h, "alpha-3"),
       c_num = column(h, "country-code"), c_reg = column(h, "region"), c_sub = column(h, "sub-region");
  std::vector<std::string> mismatches;
  std::size_t checked = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() < h.size()) continue;
    ++checked;
    int idx = index_of_iso3(r[c_a3]);
    if (idx < 0) {
      mismatches.push_back(r[c_a3] + ": missing");
      continue;
    }
    const Country& c = countries()[static_cast<std::size_t>(idx)];
    auto note = [&](const std::string& what, std::string_view ours, const std::string& theirs) {
      if (ours != theirs)
        mismatches.push_back(r[c_a3] + " " + what + ": ours '" + std::string(ours) + "' ISO '" + theirs + "'");
    };
    note("alpha-2", c.iso2, r[c_a2]);
    note("numeric", std::to_string(c.m49), std::to_string(std::stoi(r[c_num])));
    // The CSV leaves Taiwan (and Antarctica) without an M49 region; ours may fill it.
    if (!r[c_reg].empty()) note("region", c.region, r[c_reg]);
    if (!r[c_sub].empty()) note("sub-region", c.subregion, r[c_sub]);
    if (id_of(r[c_name]) != r[c_a3]) mismatches.push_back(r[c_a3] + " name '" + r[c_name] + "' -> " + id_of(r[c_name]));
    EXPECT_FALSE(c.historic) << c.iso3;
  }
  EXPECT_EQ(checked, 249u);
  EXPECT_TRUE(mismatches.empty()) << ::testing::PrintToString(mismatches);
}

TEST(RegistryData, AgreesWithCowCountryCodes) {
  SKIP_WITHOUT_DATA();
  auto rows = read_csv("countries/cow_country_codes.csv");
  const auto& h = rows[0];
  auto c_abb = column(h, "StateAbb"), c_code = column(h, "CCode"), c_name = column(h, "StateNme");
  std::vector<std::string> mismatches;
  std::set<std::string> seen_abbr;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() < h.size()) continue;
    const std::string& abb = r[c_abb];
    seen_abbr.insert(abb);
    int by_code = find(r[c_code]);
    if (kPreUnCowStates.count(abb)) {
      if (by_code >= 0) mismatches.push_back(abb + ": pre-UN state unexpectedly resolves");
      continue;
    }
    if (by_code < 0) {
      mismatches.push_back(abb + " " + r[c_code] + ": code does not resolve");
      continue;
    }
    const Country& c = countries()[static_cast<std::size_t>(by_code)];
    // West Germany (GFR, 260) is an alias of DEU, which carries Germany's 255/GMY.
    if (abb != "GFR") {
      if (c.cow_abbr != abb) mismatches.push_back(abb + ": ours " + std::string(c.cow_abbr));
      if (std::to_string(c.cow) != r[c_code]) mismatches.push_back(abb + ": code ours " + std::to_string(c.cow));
    }
    // The abbreviation and the name must lead to the same state as the number.
    // (Where the abbreviation is some other state's ISO3, ISO wins: AUS, CZE, ...)
    int by_abbr = find(abb);
    if (by_abbr != by_code && index_of_iso3(abb) < 0) mismatches.push_back(abb + ": abbreviation resolves elsewhere");
    if (find(r[c_name]) != by_code) mismatches.push_back(abb + ": name '" + r[c_name] + "' -> " + id_of(r[c_name]));
  }
  EXPECT_EQ(seen_abbr.size(), 217u);
  EXPECT_TRUE(mismatches.empty()) << ::testing::PrintToString(mismatches);
}

// The 2019 membership of the UN, derived from the data: states that voted in
// session 74 of unvotes, and the COW system members at its end date (2016-12-31).
TEST(RegistryData, EveryStateOf2019Resolves) {
  SKIP_WITHOUT_DATA();
  auto states = read_csv("countries/cow_states.csv");
  const auto& h = states[0];
  auto c_abb = column(h, "stateabb"), c_code = column(h, "ccode"), c_name = column(h, "statenme"),
       c_ey = column(h, "endyear"), c_em = column(h, "endmonth"), c_ed = column(h, "endday");
  std::set<std::string> cow_2016;
  for (std::size_t i = 1; i < states.size(); ++i) {
    const auto& r = states[i];
    if (r.size() < h.size()) continue;
    if (r[c_ey] == "2016" && r[c_em] == "12" && r[c_ed] == "31") {
      int by_code = find(r[c_code]);
      ASSERT_GE(by_code, 0) << r[c_abb];
      EXPECT_EQ(find(r[c_name]), by_code) << r[c_name];
      const Country& c = countries()[static_cast<std::size_t>(by_code)];
      // COW, like unvotes, still calls Serbia "Yugoslavia" (code 345) in 2016.
      if (c.iso3 != "YUG") {
        EXPECT_FALSE(c.historic) << c.iso3 << " is a state in 2016";
      }
      cow_2016.insert(std::string(c.iso3));
    }
  }
  EXPECT_EQ(cow_2016.size(), 195u);  // 193 UN members + Kosovo + Taiwan

  auto calls = read_csv("unga/unvotes-0.3.0/un_roll_calls.csv.gz");
  std::set<std::string> session74;
  {
    auto c_rcid = column(calls[0], "rcid"), c_session = column(calls[0], "session");
    for (std::size_t i = 1; i < calls.size(); ++i) {
      if (calls[i].size() > c_session && calls[i][c_session] == "74") session74.insert(calls[i][c_rcid]);
    }
  }
  ASSERT_FALSE(session74.empty());
  std::set<std::string> names_74;
  std::size_t c_rcid = 0, c_country = 0;
  bool header = true;
  for_each_record(read_maybe_gz(shared_data("unga/unvotes-0.3.0/un_votes.csv.gz")),
                  [&](const std::vector<std::string>& r) {
                    if (header) {
                      c_rcid = column(r, "rcid");
                      c_country = column(r, "country");
                      header = false;
                    } else if (r.size() > c_country && session74.count(r[c_rcid])) {
                      names_74.insert(r[c_country]);
                    }
                  });
  std::set<std::string> members_2019;
  for (const auto& name : names_74) {
    const Country* c = lookup(name);
    ASSERT_NE(c, nullptr) << name;
    members_2019.insert(std::string(c->iso3));
  }
  EXPECT_EQ(members_2019.size(), 193u);
  // unvotes still labels Serbia "Yugoslavia" in 2019; the registry keeps what the
  // source says, so YUG is the one historic id here and SRB is absent.
  EXPECT_TRUE(members_2019.count("YUG"));
  for (const auto& id : members_2019) {
    if (id == "YUG") continue;
    EXPECT_FALSE(lookup(id)->historic) << id;
    EXPECT_TRUE(cow_2016.count(id)) << id << " voted in 2019 but is not a COW state in 2016";
  }
}

TEST(RegistryData, StateDepartment2019NamesAndCodesAgree) {
  SKIP_WITHOUT_DATA();
  auto rows = read_csv("references/statedept_coincidence_2019.csv");
  auto c_name = column(rows[0], "COUNTRY"), c_iso = column(rows[0], "ISO");
  std::size_t n = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() <= c_iso) continue;
    ++n;
    EXPECT_GE(index_of_iso3(rows[i][c_iso]), 0) << rows[i][c_iso];
    EXPECT_EQ(id_of(rows[i][c_name]), rows[i][c_iso]) << rows[i][c_name];
  }
  EXPECT_EQ(n, 192u);  // every member but the United States itself
}

TEST(RegistryData, EveryUnvotesNameResolvesConsistentlyWithItsCode) {
  SKIP_WITHOUT_DATA();
  std::set<std::pair<std::string, std::string>> pairs;
  std::size_t c_country = 0, c_code = 0;
  bool header = true;
  for_each_record(read_maybe_gz(shared_data("unga/unvotes-0.3.0/un_votes.csv.gz")),
                  [&](const std::vector<std::string>& r) {
                    if (header) {
                      c_country = column(r, "country");
                      c_code = column(r, "country_code");
                      header = false;
                    } else if (r.size() > c_code) {
                      pairs.emplace(r[c_code], r[c_country]);
                    }
                  });
  EXPECT_EQ(pairs.size(), 200u);
  for (const auto& [code, name] : pairs) {
    int by_name = find(name);
    EXPECT_GE(by_name, 0) << name;
    if (!code.empty()) {
      EXPECT_EQ(find(code), by_name) << code << " / " << name;
    }
  }
  // The ones a naive reading gets wrong.
  EXPECT_EQ(id_of("Russia"), "RUS");
  EXPECT_EQ(id_of("Federal Republic of Germany"), "DEU");
  EXPECT_EQ(id_of("Yemen Arab Republic"), "YAR");
  EXPECT_EQ(id_of("Yemen People's Republic"), "YMD");
  EXPECT_EQ(id_of("Zanzibar"), "EAZ");
  EXPECT_EQ(id_of("Czechoslovakia"), "CSK");
  EXPECT_EQ(id_of("Congo - Kinshasa"), "COD");
  EXPECT_EQ(id_of("Congo - Brazzaville"), "COG");
  EXPECT_EQ(id_of("Myanmar (Burma)"), "MMR");
  EXPECT_EQ(id_of("São Tomé & Príncipe"), "STP");
  EXPECT_EQ(id_of("St. Kitts & Nevis"), "KNA");
}

std::vector<std::string> wide_headers() {
  // Only the header line is needed; the file's rows are large.
  std::string text = read_maybe_gz(shared_data("unga/undl-wide-2022/un_data_wide.csv.gz"));
  auto rows = parse_csv(text.substr(0, text.find('\n')));
  auto& h = rows.at(0);
  std::size_t token = column(h, "token");
  return {h.begin() + static_cast<std::ptrdiff_t>(token) + 1, h.end()};
}

TEST(RegistryData, EveryWideHeaderButThePlaceholderResolves) {
  SKIP_WITHOUT_DATA();
  auto headers = wide_headers();
  EXPECT_EQ(headers.size(), 259u);
  std::vector<std::string> unresolved;
  std::set<std::string> ids;
  for (const auto& name : headers) {
    const Country* c = lookup(name);
    if (name == "DONOTKNOW") {
      EXPECT_EQ(c, nullptr) << "the placeholder column must not be mapped to a state";
    } else if (!c) {
      unresolved.push_back(name);
    } else {
      ids.insert(std::string(c->iso3));
    }
  }
  EXPECT_TRUE(unresolved.empty()) << ::testing::PrintToString(unresolved);
  // 258 headers collapse onto fewer states: a state's votes are split over columns.
  EXPECT_LT(ids.size(), 258u);
  EXPECT_GT(ids.size(), 193u);
}

TEST(RegistryData, WideHeadersMapToTheRightHistoricState) {
  const std::pair<const char*, const char*> cases[] = {
      {"USSR", "SUN"},
      {"BYELORUSSIAN SSR", "BLR"},
      {"UKRAINIAN SSR", "UKR"},
      {"GERMANY, FEDERAL REPUBLIC OF", "DEU"},
      {"GERMAN DEMOCRATIC REPUBLIC", "DDR"},
      {"UNITED ARAB REPUBLIC", "EGY"},
      {"TANGANYIKA", "TZA"},
      {"ZANZIBAR", "EAZ"},
      {"DEMOCRATIC YEMEN", "YMD"},
      {"SOUTHERN YEMEN", "YMD"},
      {"SERBIAMONTENEGRO", "SCG"},
      {"SERBIA AND MONTENEGRO", "SCG"},
      {"YUGOSLAVIA", "YUG"},
      {"CZECHOSLOVAKIA", "CSK"},
      {"ZAIRE", "COD"},
      {"CONGO (LEOPOLDVILLE)", "COD"},
      {"CONGO (BRAZZAVILLE)", "COG"},
      {"UPPER VOLTA", "BFA"},
      {"DAHOMEY", "BEN"},
      {"CEYLON", "LKA"},
      {"SIAM", "THA"},
      {"KHMER REPUBLIC", "KHM"},
      {"DEMOCRATIC CAMPUCHEA", "KHM"},
      {"FEDERATION OF MALAYA", "MYS"},
      {"AY UNION OF SOUTH AFRICA", "ZAF"},
      {"Aa UNITED STATES", "USA"},
      {" UNITED KINGDOM", "GBR"},
      {"AY DENMARK", "DNK"},
      {"AY SWEDEN", "SWE"},
      {"CHILEs ", "CHL"},
      {"TKAZAKHSTAN", "KAZ"},
      {"REPULIC OF MOLDOVA", "MDA"},
      {"BOLIVIA (PLUNATIONAL STATE OF)", "BOL"},
      {"BOLIVIA (PLURINATIOANL STATE OF)", "BOL"},
      {"COTE D’IVOIRE", "CIV"},
      {"LAO PEOPLE's DEMOCRATIC REPUBLIC", "LAO"},
      {"SAINT CHRISTOPHER AND NEVIS", "KNA"},
      {"SURINAM", "SUR"},
      {"MALDIVE ISLANDS", "MDV"},
      {"CENTRAL AFRICAN EMPIRE", "CAF"},
      {"PHILIPPINE REPUBLIC", "PHL"},
      {"UNITED REPUBLIC OF CAMEROON", "CMR"},
      {"CONGO (DEMOCRATIC REPUBLIC OF)", "COD"},
      {"THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", "MKD"},
      {"LIBYAN ARAB JAMAHIRIYA", "LBY"},
  };
  for (const auto& [name, iso3] : cases) EXPECT_EQ(id_of(name), iso3) << name;
}

}  // namespace
}  // namespace rostrum::registry
