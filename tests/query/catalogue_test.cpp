// The catalogue and the query layer on a small store the test builds itself:
// validation of typed parameters, the shared selection rules, and analyses
// answered through query::run with numbers worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/error.hpp"
#include "io/import.hpp"
#include "query/catalogue.hpp"
#include "query/query.hpp"
#include "query/selection.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

using rostrum::ParameterError;
using rostrum::Table;
using rostrum::query::Params;
namespace query = rostrum::query;

// Three states, four roll calls:
//   rc1 1946-01-10 s1: USA yes, GBR yes,     RUS no
//   rc2 1946-02-10 s1: USA yes, GBR abstain, RUS no
//   rc3 1946-03-10 s1: USA yes, GBR yes,     RUS yes   (unanimous)
//   rc4 1947-01-10 s2: USA no,  GBR no,      RUS yes
class SmallStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new rostrum::testing::TempDir();
    dir_->write("src/un_votes.csv",
                "rcid,country,country_code,vote\n"
                "1,United States,US,yes\n1,United Kingdom,GB,yes\n1,Russia,RU,no\n"
                "2,United States,US,yes\n2,United Kingdom,GB,abstain\n2,Russia,RU,no\n"
                "3,United States,US,yes\n3,United Kingdom,GB,yes\n3,Russia,RU,yes\n"
                "4,United States,US,no\n4,United Kingdom,GB,no\n4,Russia,RU,yes\n");
    dir_->write("src/un_roll_calls.csv",
                "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
                "1,1,0,1946-01-10,R/1/1,0,0,first,first\n"
                "2,1,0,1946-02-10,R/1/2,0,0,second,second\n"
                "3,1,0,1946-03-10,R/1/3,0,0,third,third\n"
                "4,2,1,1947-01-10,R/2/1,0,0,fourth,fourth\n");
    dir_->write("src/un_roll_call_issues.csv", "rcid,short_name,issue\n1,hr,Human rights\n4,hr,Human rights\n");
    db_ = new std::string((dir_->path() / "small.db").string());
    auto batch = rostrum::io::import_path((dir_->path() / "src").string(), "unvotes", "small");
    auto store = rostrum::store::Store::open(*db_, true);
    store.write_source(batch);
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  Table run(const std::string& name, const Params& p) {
    query::Context ctx(*db_);
    return query::run(ctx, name, p);
  }
  static double value_of(const Table& t, const std::string& a, const std::string& b) {
    const int ca = t.column("a"), cb = t.column("b"), cv = t.column("value");
    for (const auto& row : t.rows)
      if (std::get<std::string>(row[ca]) == a && std::get<std::string>(row[cb]) == b) return std::get<double>(row[cv]);
    ADD_FAILURE() << "no row " << a << "-" << b;
    return NAN;
  }
  static rostrum::testing::TempDir* dir_;
  static std::string* db_;
};
rostrum::testing::TempDir* SmallStore::dir_ = nullptr;
std::string* SmallStore::db_ = nullptr;

TEST_F(SmallStore, AgreeDropsUnanimousRollCallsAsVoetenDoes) {
  auto t = run("agree", {{"a", "USA"}, {"b", "GBR,RUS"}});
  ASSERT_EQ(t.rows.size(), 2u);
  // rc1: 1, rc2: 1 - |1-2|/2 = 0.5, rc4: 1 (rc3 unanimous, dropped).
  EXPECT_NEAR(value_of(t, "USA", "GBR"), 2.5 / 3, 1e-12);
  EXPECT_NEAR(value_of(t, "USA", "RUS"), 0.0, 1e-12);
  auto kept = run("agree", {{"a", "USA"}, {"b", "GBR"}, {"keep-unanimous", "1"}});
  EXPECT_NEAR(value_of(kept, "USA", "GBR"), 3.5 / 4, 1e-12);
}

TEST_F(SmallStore, AgreeBySessionAndByYearList) {
  auto t = run("agree", {{"a", "USA"}, {"b", "GBR"}, {"by", "session"}});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][t.column("period")]), "1");
  EXPECT_NEAR(std::get<double>(t.rows[0][t.column("value")]), 0.75, 1e-12);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][t.column("n")]), 2);
  EXPECT_NEAR(std::get<double>(t.rows[1][t.column("value")]), 1.0, 1e-12);
  auto list = run("agree", {{"a", "USA"}, {"b", "GBR"}, {"year", "1946,1947"}});
  ASSERT_EQ(list.rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(list.rows[0][list.column("n")]), 3);
  EXPECT_EQ(std::get<std::string>(list.rows[0][list.column("period")]), "1946,1947");
}

// A series across a change of seat says whose votes it carries, and whose it does not.
TEST_F(SmallStore, SeatChangesAreNotedForTheStatesAskedFor) {
  auto notes_of = [](const Table& t) {
    std::string all;
    if (t.meta.contains("seat_notes"))
      for (const auto& n : t.meta["seat_notes"]) all += n.get<std::string>() + "\n";
    return all;
  };
  // "Russia" in 1946 is the Soviet seat: RUS's series carries SUN's votes, and says so.
  auto rus = run("agree", {{"a", "USA"}, {"b", "RUS"}});
  EXPECT_NEAR(value_of(rus, "USA", "RUS"), 0.0, 1e-12);
  EXPECT_NE(notes_of(rus).find("RUS's series carries SUN's votes before 1991-12-24"), std::string::npos)
      << notes_of(rus);
  // The China seat is not a continuation: CHN's series leaves out the Republic of China's votes.
  // This store has no CHN votes at all (1946-1947): the error says where they are.
  try {
    run("agree", {{"a", "USA"}, {"b", "CHN"}});
    ADD_FAILURE() << "no error for a state without votes";
  } catch (const ParameterError& e) {
    EXPECT_EQ(e.parameter(), "b");
    EXPECT_NE(std::string(e.what()).find("votes a source labels CHN until 1971-10-25 are TWN's"), std::string::npos)
        << e.what();
  }
  auto sun = run("agree", {{"a", "SUN"}, {"b", "USA"}});
  EXPECT_NE(notes_of(sun).find("ask for RUS"), std::string::npos) << notes_of(sun);
  EXPECT_EQ(notes_of(run("agree", {{"a", "USA"}, {"b", "GBR"}})), "");
  // Only the changes the request's dates cross: RUS after 1991 carries no SUN votes.
  EXPECT_EQ(notes_of(run("agree", {{"a", "USA"}, {"b", "RUS"}, {"year", "1995,2030"}})), "");
  EXPECT_EQ(notes_of(run("agree", {{"a", "USA"}, {"b", "RUS"}, {"from", "1992-01-01"}})), "");
  EXPECT_NE(notes_of(run("agree", {{"a", "USA"}, {"b", "RUS"}, {"to", "1991-12-31"}})).find("SUN"), std::string::npos);
  EXPECT_NE(notes_of(run("agree", {{"a", "USA"}, {"b", "RUS"}, {"year", "1946,2030"}})).find("SUN"), std::string::npos);
}

TEST_F(SmallStore, PairsWithinOneSetArePrintedOnceUnlessBothOrdersAreAsked) {
  auto once = run("agree", {{"a", "USA,GBR,RUS"}, {"b", "USA,GBR,RUS"}});
  EXPECT_EQ(once.rows.size(), 3u);
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : once.rows) {
    auto a = std::get<std::string>(r[0]), b = std::get<std::string>(r[1]);
    EXPECT_FALSE(seen.count({b, a})) << a << "-" << b << " printed in both orders";
    seen.insert({a, b});
  }
  auto both = run("agree", {{"a", "USA,GBR,RUS"}, {"b", "USA,GBR,RUS"}, {"both-orders", "1"}});
  EXPECT_EQ(both.rows.size(), 6u);
}

TEST_F(SmallStore, AnEmptyAnswerSaysWhy) {
  auto t = run("agree", {{"a", "USA"}, {"b", "GBR"}, {"year", "2030"}});
  EXPECT_TRUE(t.rows.empty());
  ASSERT_TRUE(t.meta.contains("reason"));
  EXPECT_NE(t.meta["reason"].get<std::string>().find("no roll call matches"), std::string::npos);
  EXPECT_NE(t.meta["reason"].get<std::string>().find("2030"), std::string::npos);
  // ... and says where the record ends.
  EXPECT_NE(t.meta["reason"].get<std::string>().find("to 1947-01-10"), std::string::npos) << t.meta["reason"];
  auto issue = run("agree", {{"a", "USA"}, {"b", "GBR"}, {"issue", "nu"}});
  EXPECT_TRUE(issue.rows.empty());
  EXPECT_NE(issue.meta["reason"].get<std::string>().find("issue nu"), std::string::npos);
  EXPECT_NE(issue.meta["reason"].get<std::string>().find("match without the issue filter"), std::string::npos)
      << issue.meta["reason"];
  // Every analysis on a period beyond the record says why it is empty.
  for (const auto& [name, extra] :
       std::vector<std::pair<std::string, Params>>{{"cohesion", {{"group", "USA+GBR"}}},
                                                   {"blocs", {}},
                                                   {"poles", {{"poles", "USA,RUS"}}},
                                                   {"shifts", {{"a", "USA"}, {"b", "GBR"}}}}) {
    Params p = extra;
    p["year"] = "2030";
    auto empty = run(name, p);
    EXPECT_TRUE(empty.rows.empty()) << name;
    ASSERT_TRUE(empty.meta.contains("reason")) << name;
    EXPECT_NE(empty.meta["reason"].get<std::string>().find("no roll call"), std::string::npos) << name;
  }
}

TEST_F(SmallStore, CohesionOfAnAdHocGroupWithThePlusSyntax) {
  // Attina (2m - T)/T per roll call of USA+GBR: rc1 1, rc2 0 (one yes, one abstain), rc3 1, rc4 1.
  auto t = run("cohesion", {{"group", "USA+GBR"}, {"index", "attina"}, {"null", "0"}});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_NEAR(std::get<double>(t.rows[0][t.column("value")]), 0.75, 1e-12);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][t.column("n")]), 4);
  // The comma list is the same group.
  auto comma = run("cohesion", {{"group", "USA,GBR"}, {"index", "attina"}, {"null", "0"}});
  ASSERT_EQ(comma.rows.size(), 1u);
  EXPECT_EQ(comma.rows[0][comma.column("value")], t.rows[0][t.column("value")]);
  EXPECT_EQ(comma.rows[0][comma.column("n")], t.rows[0][t.column("n")]);
}

TEST_F(SmallStore, UnknownCountryNamesTheParameter) {
  try {
    run("agree", {{"a", "Atlantis"}, {"b", "USA"}});
    FAIL() << "no error";
  } catch (const ParameterError& e) {
    EXPECT_EQ(e.parameter(), "a");
    EXPECT_NE(std::string(e.what()).find("Atlantis"), std::string::npos);
  }
}

ParameterError validation_error(const std::string& analysis, const Params& p) {
  const auto* spec = query::find_analysis(analysis);
  EXPECT_NE(spec, nullptr) << analysis;
  try {
    query::validate(*spec, p);
  } catch (const ParameterError& e) {
    return e;
  }
  ADD_FAILURE() << analysis << ": no ParameterError";
  return ParameterError("", "");
}

TEST(Catalogue, ValidationNamesTheParameterAndExplains) {
  auto unknown = validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"colour", "red"}});
  EXPECT_EQ(unknown.parameter(), "colour");
  EXPECT_NE(unknown.detail().find("not a parameter of agree"), std::string::npos);
  EXPECT_EQ(validation_error("agree", {{"b", "RUS"}}).parameter(), "a");  // required
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"seed", "abc"}}).parameter(), "seed");
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"ci", "1.5"}}).parameter(), "ci");
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"measure", "cosine"}}).parameter(), "measure");
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"from", "1991-13-40"}}).parameter(), "from");
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"important", "maybe"}}).parameter(), "important");
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"year", "2019-1990"}}).parameter(), "year");
  EXPECT_EQ(validation_error("agree", {{"a", "USA"}, {"b", "RUS"}, {"session", "74-70"}}).parameter(), "session");
  // A NUL byte is shown, not allowed to cut the message.
  auto nul = validation_error("agree", {{"a", std::string("CHN\0X", 5)}, {"b", "RUS"}});
  EXPECT_NE(nul.detail().find("CHN\\x00X"), std::string::npos) << nul.detail();
}

TEST(Catalogue, NumbersTravelTyped) {
  const auto* ideal = query::find_analysis("ideal");
  ASSERT_NE(ideal, nullptr);
  auto r = query::validate(*ideal, {{"tol", "1e-7"}});
  EXPECT_EQ(r.number("tol"), 1e-7);  // exactly, not 0.000000
  EXPECT_EQ(query::validate(*ideal, {}).number("tol"),
            ideal->param("tol")->fallback.index() == 3 ? std::get<double>(ideal->param("tol")->fallback) : NAN);
  auto agree = query::validate(*query::find_analysis("agree"), {{"a", "USA"}, {"b", "RUS"}});
  EXPECT_EQ(agree.integer("boot"), 1000);  // the spec's default
  EXPECT_FALSE(agree.has("boot"));
  EXPECT_EQ(agree.text("measure"), "agree");
}

// Every documented example value of every parameter is accepted, alone (with the
// examples of the required parameters).
TEST(Catalogue, EveryDocumentedExampleValidates) {
  for (const auto& spec : query::catalogue()) {
    Params required;
    for (const auto& p : spec.params)
      if (p.required) required[p.name] = p.example;
    for (const auto& p : spec.params) {
      if (p.example.empty()) continue;
      Params one = required;
      one[p.name] = p.example;
      EXPECT_NO_THROW(query::validate(spec, one)) << spec.name << " --" << p.name << " " << p.example;
    }
    // Defaults are typed as declared, and inside their ranges.
    auto defaults = query::validate(spec, required);
    for (const auto& p : spec.params)
      if ((p.type == query::ParamType::number || p.type == query::ParamType::integer) &&
          !std::holds_alternative<std::monostate>(p.fallback)) {
        const double v = defaults.number(p.name);
        EXPECT_GE(v, p.min) << spec.name << " " << p.name;
        EXPECT_LE(v, p.max) << spec.name << " " << p.name;
      }
  }
}

TEST(Catalogue, EverySpecIsComplete) {
  std::set<std::string> paths;
  for (const auto& spec : query::catalogue()) {
    EXPECT_FALSE(spec.summary.empty()) << spec.name;
    EXPECT_TRUE(spec.run) << spec.name;
    EXPECT_FALSE(spec.kind.empty()) << spec.name << ": kind is set by the build from the folder";
    if (spec.surfaces & query::kApi) {
      EXPECT_TRUE(paths.insert(spec.path()).second) << "two analyses on " << spec.path();
    }
    std::set<std::string> names;
    for (const auto& p : spec.params) {
      EXPECT_TRUE(names.insert(p.name).second) << spec.name << ": parameter " << p.name << " twice";
      EXPECT_FALSE(p.help.empty()) << spec.name << " " << p.name;
      if (p.type == query::ParamType::choice) {
        EXPECT_FALSE(p.choices.empty()) << spec.name << " " << p.name;
      }
    }
  }
}

TEST(Selection, SessionListsTakeEmergencyAndSpecialSessions) {
  using Kind = rostrum::SessionSpan::Kind;
  auto spans = query::parse_session_list("70-74, ES-11,ES-10-ES-11,S-26,ES-1-3", "session");
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0].kind, Kind::regular);
  EXPECT_EQ(spans[0].from, 70);
  EXPECT_EQ(spans[0].to, 74);
  EXPECT_EQ(spans[1].kind, Kind::emergency);
  EXPECT_EQ(spans[1].from, 11);
  EXPECT_EQ(spans[2].from, 10);
  EXPECT_EQ(spans[2].to, 11);
  EXPECT_EQ(spans[3].kind, Kind::special);
  EXPECT_EQ(spans[4].to, 3);
  rostrum::RollCallInfo es;
  es.session = 0;
  es.session_label = "ES-11";
  EXPECT_TRUE(spans[1].contains(es));
  EXPECT_FALSE(spans[0].contains(es));
  EXPECT_FALSE(spans[3].contains(es));
  rostrum::RollCallInfo regular;
  regular.session = 72;
  regular.session_label = "72";
  EXPECT_TRUE(spans[0].contains(regular));
  EXPECT_THROW(query::parse_session_list("74-70", "session"), ParameterError);
  EXPECT_THROW(query::parse_session_list("ES-x", "session"), ParameterError);
  EXPECT_THROW(query::parse_session_list("ES-11-ES-10", "session"), ParameterError);
}

TEST(Selection, YearListsAreUnionsOfInclusiveSpans) {
  auto spans = query::parse_year_list("1989-1993,2005-2012", "year");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].first, 19890101);
  EXPECT_EQ(spans[0].second, 19931231);
  EXPECT_EQ(spans[1].first, 20050101);
  EXPECT_EQ(spans[1].second, 20121231);
  EXPECT_THROW(query::parse_year_list("2019-1990", "year"), ParameterError);
  EXPECT_THROW(query::parse_year_list("19x9", "year"), ParameterError);
}

}  // namespace
