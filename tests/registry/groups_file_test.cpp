// User group files in JSON and TOML, well-formed and not.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "registry/groups.hpp"
#include "support/test_support.hpp"

namespace rostrum::registry {
namespace {

using rostrum::testing::TempDir;

// Runs load_groups_file expecting an InputError; returns it for inspection.
InputError load_error(const std::string& path) {
  try {
    load_groups_file(path);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for " << path;
  return InputError(path, 0, 0, "<none>");
}

TEST(GroupsFile, JsonWithNamesCodesAndDates) {
  TempDir dir;
  auto path = dir.write("g.json", R"({"groups": [
  {"name": "NORDIC", "description": "Nordic states",
   "members": ["DNK", "Finland", "ISL", "no", {"country": "Sweden", "from": "1995-01-01"}]},
  {"name": "BENELUX_ONLY_LATER", "members": [{"country": "BEL", "from": "1999", "to": "2020"}]}
]})");
  auto groups = load_groups_file(path);
  ASSERT_EQ(groups.size(), 2u);
  const Group& nordic = groups[0];
  EXPECT_EQ(nordic.name, "NORDIC");
  EXPECT_EQ(nordic.description, "Nordic states");
  EXPECT_EQ(nordic.ever_members(), (std::vector<std::string>{"DNK", "FIN", "ISL", "NOR", "SWE"}));
  EXPECT_FALSE(nordic.is_member("SWE", 19941231));
  EXPECT_TRUE(nordic.is_member("SWE", 19950101));
  EXPECT_TRUE(nordic.is_member("DNK", 19000101));  // no "from": member since the group began
  // A bare year is the first day of the year as "from", the last as "to".
  const Membership& bel = groups[1].members.at(0);
  EXPECT_EQ(bel.from, 19990101);
  EXPECT_EQ(bel.to, 20201231);
  EXPECT_EQ(find_group("nordic", groups), &groups[0]);
}

TEST(GroupsFile, TomlWithStringsInlineTablesAndNativeDates) {
  TempDir dir;
  auto path = dir.write("g.toml", R"(# my groups
[[group]]
name = "NORDIC"
description = "Nordic states"
members = ["DNK", "FIN", "Iceland", "NOR",
           { country = "SWE", from = 1995-01-01 }]

[[group]]
name = "VISEGRAD"
members = [{ country = "Czechoslovakia", from = "1991-02-15", to = "1992-12-31" },
           { country = "CZE", from = "1993-01-01" }, "HUN", "POL",
           { country = "SVK", from = 1993 }]
)");
  auto groups = load_groups_file(path);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].description, "Nordic states");
  EXPECT_EQ(groups[0].ever_members(), (std::vector<std::string>{"DNK", "FIN", "ISL", "NOR", "SWE"}));
  EXPECT_FALSE(groups[0].is_member("SWE", 19941231));
  EXPECT_TRUE(groups[0].is_member("SWE", 19950101));
  const Group& v4 = groups[1];
  EXPECT_EQ(v4.members_on(19920601), (std::vector<std::string>{"CSK", "HUN", "POL"}));
  EXPECT_EQ(v4.members_on(19930601), (std::vector<std::string>{"CZE", "HUN", "POL", "SVK"}));
}

TEST(GroupsFile, ExtensionIsCaseInsensitiveAndOthersAreRefused) {
  TempDir dir;
  auto upper = dir.write("G.JSON", R"({"groups": [{"name": "A", "members": ["FRA"]}]})");
  EXPECT_EQ(load_groups_file(upper).at(0).members.at(0).iso3, "FRA");
  auto yaml = dir.write("g.yaml", "groups: []\n");
  InputError e = load_error(yaml);
  EXPECT_EQ(e.file(), yaml);
  EXPECT_NE(std::string(e.what()).find(".json or .toml"), std::string::npos) << e.what();
}

TEST(GroupsFile, MissingFileIsAnInputErrorWithoutLine) {
  TempDir dir;
  auto path = (dir.path() / "nope.json").string();
  InputError e = load_error(path);
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 0u);
  EXPECT_EQ(e.kind(), ErrorKind::bad_input);
}

TEST(GroupsFile, MalformedJsonReportsLineAndColumn) {
  TempDir dir;
  // The missing comma after "DNK": nlohmann reports the end of the unexpected
  // token "FIN" (line 3, columns 22-26), so a user lands right on it.
  auto path = dir.write("bad.json",
                        "{\"groups\": [\n"
                        "  {\"name\": \"NORDIC\",\n"
                        "   \"members\": [\"DNK\" \"FIN\"]}\n"
                        "]}\n");
  InputError e = load_error(path);
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 26u);
  EXPECT_NE(std::string(e.what()).find("invalid JSON"), std::string::npos) << e.what();
}

TEST(GroupsFile, JsonUnknownCountryIsNamedWithItsGroupAndLine) {
  TempDir dir;
  auto path = dir.write("g.json",
                        "{\"groups\": [\n"
                        "  {\"name\": \"NORDIC\",\n"
                        "   \"members\": [\"DNK\",\n"
                        "               \"Atlantis\"]}\n"
                        "]}\n");
  InputError e = load_error(path);
  EXPECT_EQ(e.line(), 4u);
  EXPECT_EQ(e.column(), 16u);
  EXPECT_EQ(e.detail(), "unknown country 'Atlantis' in group 'NORDIC'");
}

TEST(GroupsFile, JsonStructuralErrors) {
  TempDir dir;
  auto msg = [&](const std::string& content) { return std::string(load_error(dir.write("s.json", content)).detail()); };
  EXPECT_NE(msg(R"([1, 2])").find("\"groups\" array"), std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"members": ["FRA"]}]})").find("no \"name\""), std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"name": "A"}]})").find("no \"members\""), std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"name": "A", "members": [42]}]})").find("must be a country"), std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"name": "A", "members": [{"from": "2000"}]}]})").find("no \"country\""),
            std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"name": "A", "members": [{"country": "FRA", "from": "2000-02-30"}]}]})")
                .find("invalid date '2000-02-30'"),
            std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"name": "A", "members": [{"country": "FRA", "from": "2001", "to": "2000"}]}]})")
                .find("ends before it starts"),
            std::string::npos);
  EXPECT_NE(msg(R"({"groups": [{"name": "A", "members": []}, {"name": "a", "members": []}]})").find("defined twice"),
            std::string::npos);
}

TEST(GroupsFile, MalformedTomlReportsTheParsersPosition) {
  TempDir dir;
  auto path = dir.write("bad.toml",
                        "[[group]]\n"
                        "name = \"NORDIC\"\n"
                        "members = [\"DNK\", \"FIN\"\n"
                        "description = \"unterminated array above\"\n");
  InputError e = load_error(path);
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 4u);
  EXPECT_NE(std::string(e.what()).find("invalid TOML"), std::string::npos) << e.what();
}

TEST(GroupsFile, TomlUnknownCountryAndBadValuesCarryTheirLine) {
  TempDir dir;
  InputError e = load_error(dir.write("u.toml",
                                      "[[group]]\n"
                                      "name = \"NORDIC\"\n"
                                      "members = [\"DNK\",\n"
                                      "  \"Atlantis\"]\n"));
  EXPECT_EQ(e.line(), 4u);
  EXPECT_EQ(e.column(), 3u);
  EXPECT_EQ(e.detail(), "unknown country 'Atlantis' in group 'NORDIC'");

  InputError d = load_error(dir.write("d.toml",
                                      "[[group]]\n"
                                      "name = \"A\"\n"
                                      "members = [{ country = \"FRA\", from = \"yesterday\" }]\n"));
  EXPECT_EQ(d.line(), 3u);
  EXPECT_NE(d.detail().find("invalid date 'yesterday'"), std::string::npos) << d.detail();

  InputError n = load_error(dir.write("n.toml", "[[group]]\nmembers = [\"FRA\"]\n"));
  EXPECT_EQ(n.line(), 1u);
  EXPECT_NE(n.detail().find("no name"), std::string::npos) << n.detail();

  InputError none = load_error(dir.write("none.toml", "title = \"no groups here\"\n"));
  EXPECT_NE(none.detail().find("[[group]]"), std::string::npos) << none.detail();
}

}  // namespace
}  // namespace rostrum::registry
