// The brief's sections beyond General Assembly agreement -- who moved, alliances
// and vetoes, sanctions, the sources credited -- on a small store the test
// writes, whose numbers are worked out by hand; and the same brief on a store
// holding only votes, where each of those parts is one line naming the import.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "alliances/alliances.hpp"
#include "io/import.hpp"
#include "query/query.hpp"
#include "report/brief.hpp"
#include "report/svg.hpp"
#include "sanctions/sanctions_helpers.hpp"
#include "sanctions/store.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum {
namespace {

// Who votes how: the focus states (China, Russia, North Korea) yes on every roll
// call, the G7 no; a third state votes with the focus states on roll calls
// k < with_focus(year) of each year's ten, and with the G7 otherwise.
struct Voter {
  const char* name;
  const char* code;
  int before, after;  // roll calls of ten with the focus states, in 2008-2012 and in 2013-2019
};
const Voter kVoters[] = {
    {"China", "CN", 10, 10},       {"Russia", "RU", 10, 10},       {"North Korea", "KP", 10, 10},
    {"United States", "US", 0, 0}, {"United Kingdom", "GB", 0, 0}, {"France", "FR", 0, 0},
    {"Germany", "DE", 0, 0},       {"Italy", "IT", 0, 0},          {"Japan", "JP", 0, 0},
    {"Canada", "CA", 0, 0},        {"India", "IN", 8, 2},          {"Brazil", "BR", 2, 8},
    {"Cuba", "CU", 10, 10},        {"South Africa", "ZA", 5, 5},   {"Israel", "IL", 0, 0},
    {"Australia", "AU", 0, 0},
};

// first_year-2019, ten roll calls a year, in the unvotes layout.
void write_votes(const testing::TempDir& dir, int first_year = 2008) {
  std::string votes = "\"rcid\",\"country\",\"country_code\",\"vote\"\n";
  std::string calls =
      "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n";
  std::string issues = "\"rcid\",\"short_name\",\"issue\"\n";
  int rcid = 1;
  for (int year = first_year; year <= 2019; ++year)
    for (int k = 0; k < 10; ++k, ++rcid) {
      calls += std::to_string(rcid) + "," + std::to_string(year - 1945) + ",0," + std::to_string(year) + "-10-" +
               std::to_string(10 + k) + ",\"A/RES/" + std::to_string(year - 1945) + "/" + std::to_string(k + 1) +
               "\",0,0,\"TEST\",\"TEST ROLL CALL\"\n";
      issues += std::to_string(rcid) + ",\"hr\",\"Human rights\"\n";
      for (const auto& v : kVoters) {
        const bool with_focus = k < (year <= 2012 ? v.before : v.after);
        votes +=
            std::to_string(rcid) + ",\"" + v.name + "\",\"" + v.code + "\",\"" + (with_focus ? "yes" : "no") + "\"\n";
      }
    }
  dir.write("unvotes-fixed/un_votes.csv", votes);
  dir.write("unvotes-fixed/un_roll_calls.csv", calls);
  dir.write("unvotes-fixed/un_roll_call_issues.csv", issues);
}

// Three treaties (a treaty file: no complete source, so years no treaty speaks
// for are unknown), five vetoes, and three sanctions lists.
void write_channels(const testing::TempDir& dir, const std::string& db) {
  auto store = store::Store::open(db, false);
  const std::string treaties = dir.write("treaties.csv",
                                         "name,parties,signed,in_force,ended,obligations,source\n"
                                         "Treaty A,CHN;PRK,1961-07-11,1961-09-10,,defense,\"cited\"\n"
                                         "Treaty B,RUS;PRK,2024-06-19,2024-12-04,,defense;consul,\"cited\"\n"
                                         "Treaty C,CHN;RUS,2001-07-16,2002-02-28,,nonagg;consul,\"cited\"\n");
  alliances::write_alliances(store, alliances::import_alliance_file(treaties, "treaties-test", make_date(2025, 6, 30)));
  const std::string header =
      "year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,member_veto2,member_veto3,"
      "single_veto,multiple_vetoes,China,France,Russia,USSR,USA,UK,russia_china\n";
  auto row = [](const std::string& year, const std::string& date, const std::string& draft, const std::string& m1,
                const std::string& m2) {
    return year + "," + date + ",1," + draft + ",S/PV.1,Agenda of " + draft + ",Syria,Somewhere," + m1 + "," + m2 +
           ",,,,,,,,,,\n";
  };
  const std::string vetoes =
      dir.write("vetoes-test.csv", header + row("2012", "2/4/2012", "S/2012/77", "Russia", "China") +
                                       row("2014", "5/22/2014", "S/2014/348", "Russia", "China") +
                                       row("2017", "2/28/2017", "S/2017/172", "Russia", "China") +
                                       row("2018", "6/1/2018", "S/2018/516", "USA", "") +
                                       row("2019", "12/20/2019", "S/2019/961", "Russia", "China"));
  vetoes::write_vetoes(store, {vetoes::import_vetoes(vetoes)});

  using namespace sanctions;
  using namespace sanctions::testing;
  auto d = [](int y, int m, int day) { return make_date(y, m, day); };
  const std::vector<SanctionsList> lists = {
      make_list(
          "us", "US", d(2024, 5, 3),
          {{"u1",
            EntryType::organisation,
            {"ALFA BANK"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2022, 2, 24), d(2022, 2, 23))}},
           {"u2",
            EntryType::organisation,
            {"BETA SHIPPING"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2022, 3, 10), d(2022, 3, 9))}},
           {"u3",
            EntryType::organisation,
            {"GAMMA TRADING"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2023, 1, 10), d(2023, 1, 9))}},
           {"u4", EntryType::organisation, {"KORYO LINK"}, {"DPRK3"}, {}, {listed(d(2022, 6, 1), d(2022, 5, 31))}},
           {"u5",
            EntryType::organisation,
            {"OMEGA SEMICONDUCTOR"},
            {"CMIC-EO13959"},
            {},
            {listed(d(2022, 7, 1), d(2022, 6, 30))}}}),
      make_list(
          "eu", "EU", d(2024, 6, 1),
          {{"e1", EntryType::organisation, {"Alfa Bank"}, {"EU-RUS"}, {}, {listed(d(2022, 2, 28), d(2022, 2, 28))}},
           {"e2", EntryType::organisation, {"Beta Shipping"}, {"EU-RUS"}, {}, {listed(d(2022, 3, 1), d(2022, 3, 1))}},
           {"e6", EntryType::organisation, {"Zeta Corp"}, {"EU-RUS"}, {}, {listed(d(2022, 6, 1), d(2022, 6, 1))}},
           {"e4", EntryType::organisation, {"Koryo Link"}, {"EU-PRK"}, {}, {listed(d(2022, 8, 1), d(2022, 8, 1))}}}),
      make_list(
          "un",
          "UN",
          d(2024, 4, 1),
          {{"KPe.1", EntryType::organisation, {"KORYO LINK"}, {"DPRK"}, {}, {listed(d(2016, 3, 2), d(2016, 3, 2))}}}),
      make_list("cn", "CN", d(2021, 3, 26),
                {{"1",
                  EntryType::organisation,
                  {"National Endowment for Democracy"},
                  {"MFA"},
                  {},
                  {listed(d(2019, 12, 2), d(2019, 12, 2))},
                  {},
                  "civil society, media and research",
                  "USA"},
                 {"2",
                  EntryType::organisation,
                  {"Lockheed Martin"},
                  {"MOFCOM"},
                  {},
                  {listed(d(2020, 7, 14), d(2020, 7, 14))},
                  {},
                  "defence industry",
                  "USA"},
                 {"3",
                  EntryType::person,
                  {"Some Member of Parliament"},
                  {"MFA"},
                  {},
                  {listed(d(2021, 3, 26), d(2021, 3, 26))},
                  {},
                  "politics and government",
                  "GBR"}})};
  write_lists(store, lists);
}

class BriefChannels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    write_votes(*dir_);
    const auto votes = io::import_path((dir_->path() / "unvotes-fixed").string(), "");
    votes_only_ = (dir_->path() / "votes.db").string();
    full_ = (dir_->path() / "full.db").string();
    store::Store::open(votes_only_, true).write_source(votes);
    store::Store::open(full_, true).write_source(votes);
    write_channels(*dir_, full_);
    report::BriefOptions o;
    o.boot = 200;
    {
      query::Context ctx(votes_only_);
      bare_ = new report::Brief(report::make_brief(ctx, o));
    }
    query::Context ctx(full_);
    brief_ = new report::Brief(report::make_brief(ctx, o));
  }
  static void TearDownTestSuite() {
    delete brief_;
    delete bare_;
    delete dir_;
  }
  static bool has(const report::Brief* b, const std::string& s) { return b->html.find(s) != std::string::npos; }
  static testing::TempDir* dir_;
  static std::string votes_only_, full_;
  static report::Brief *bare_, *brief_;
};
testing::TempDir* BriefChannels::dir_ = nullptr;
std::string BriefChannels::votes_only_, BriefChannels::full_;
report::Brief* BriefChannels::bare_ = nullptr;
report::Brief* BriefChannels::brief_ = nullptr;

// The poles never agree (d_AB = 1), so a state voting with the focus states on a
// share p of roll calls has d_G7 = p, d_focus = 1 - p and position
// (p^2 - (1 - p)^2 + 1) / 2 = p. 'Now' is 2015-2019; the earlier period, as long
// and ten years before (2005-2009), starts at the record's first year: 2008-2012.
// Brazil: 0.2 -> 0.8; India: 0.8 -> 0.2; Cuba 1 -> 1, South Africa, Israel,
// Australia unchanged (Cuba, Israel and Australia in every resample; South
// Africa's interval holds 0).
TEST_F(BriefChannels, WhoMovedIsTheDriftOfEachThirdState) {
  const auto& d = brief_->facts["drift"];
  EXPECT_EQ(d["from"], "2008-2012");
  EXPECT_EQ(d["to"], "2015-2019");
  EXPECT_EQ(d["states"], 6);
  EXPECT_EQ(d["toward_focus"], 1);
  EXPECT_EQ(d["toward_group"], 1);
  EXPECT_EQ(d["no_clear_change"], 4);
  EXPECT_TRUE(has(brief_, "Brazil (BRA)</td><td>0.20</td><td>0.80</td><td>0.60 ["));
  EXPECT_TRUE(has(brief_, "India (IND)</td><td>0.80</td><td>0.20</td><td>-0.60 ["));
  for (const auto& s : d["states_detail"]) {
    if (s["country"] == "CUB" || s["country"] == "ZAF") {
      EXPECT_NEAR(s["change"].get<double>(), 0.0, 1e-12) << s.dump();
      EXPECT_EQ(s["moved"], "no clear change") << s.dump();
    }
    if (s["country"] == "BRA") {
      EXPECT_NEAR(s["change"].get<double>(), 0.6, 1e-12);
      EXPECT_GT(s["lo"].get<double>(), 0.0);
    }
  }
  EXPECT_TRUE(has(brief_, "1 of 6 states moved toward CHN, RUS, PRK, 1 toward G7; 4 show no clear change"));
  // The votes-only store has the vote record, so the section is there too.
  EXPECT_EQ(bare_->facts["drift"]["toward_focus"], 1);
}

// Treaty A binds CHN and PRK from 1961 (no source speaks for the years before);
// treaty B RUS and PRK from 2024; treaty C pledges CHN and RUS non-aggression and
// consultation only. The treaty file runs to 2025 (as of 2025-06-30). GA
// agreement of the pairs in 2015-2019: 1.00 on 50 joint votes.
TEST_F(BriefChannels, AlliancesNameEachPledgeAndSinceWhenNextToAlignment) {
  const auto& a = brief_->facts["channels"]["alliances"];
  EXPECT_EQ(a["bound"], 2);
  EXPECT_EQ(a["year"], 2025);
  std::map<std::string, nlohmann::json> by_pair;
  for (const auto& p : a["pairs"]) by_pair[p["a"].get<std::string>() + p["b"].get<std::string>()] = p;
  EXPECT_EQ(by_pair["CHNPRK"]["since"], 1961);
  EXPECT_EQ(by_pair["RUSPRK"]["since"], 2024);
  EXPECT_EQ(by_pair["CHNRUS"]["defense"], nullptr);  // the treaty file does not say "no defence"
  EXPECT_DOUBLE_EQ(by_pair["CHNPRK"]["ga_agree"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(by_pair["CHNPRK"]["ga_n"].get<double>(), 50.0);
  EXPECT_TRUE(has(brief_, "2 of 3 pairs are bound by a defence pledge in 2025 (the alliance data&#8217;s last year)"));
  EXPECT_TRUE(has(brief_,
                  "<b>CHN&#8211;PRK</b>: a defence pledge in force every year since <b>1961</b> (to 2025): "
                  "Treaty A; no source covers the years before; GA agreement 2015&#8211;2019 1.00 "
                  "(n&#160;=&#160;50)."))
      << brief_->html.substr(brief_->html.find("<b>CHN&#8211;PRK</b>"), 300);
  EXPECT_TRUE(has(brief_, "<b>RUS&#8211;PRK</b>: a defence pledge in force every year since <b>2024</b>"));
  EXPECT_TRUE(has(brief_,
                  "<b>CHN&#8211;RUS</b>: no source says whether they are bound; in 2025 non-aggression, "
                  "consultation (Treaty C)"));
}

// Vetoes: CHN and RUS together on four drafts (2012, 2014, 2017, 2019), the USA
// alone once (2018); in 2015-2019 each of CHN and RUS vetoed two drafts, both
// together.
TEST_F(BriefChannels, VetoesCountCoVetoesAndTheDyadViewSumsNow) {
  const auto& c = brief_->facts["channels"];
  ASSERT_EQ(c["covetoes"].size(), 1u);
  EXPECT_EQ(c["covetoes"][0]["a"], "CHN");
  EXPECT_EQ(c["covetoes"][0]["b"], "RUS");
  EXPECT_EQ(c["covetoes"][0]["covetoes"], 4);
  EXPECT_EQ(c["vetoes"]["RUS"]["vetoes"], 4);
  EXPECT_EQ(c["vetoes"]["RUS"]["alone"], 0);
  EXPECT_EQ(c["vetoes"]["USA"]["alone"], 1);
  EXPECT_TRUE(has(brief_, "CHN and RUS 4"));
  EXPECT_TRUE(has(brief_, "<td>CHN&#8211;RUS</td><td>1.00 (50)</td><td>&#8211;</td><td>2 / 2</td><td>2</td>"));
}

// Coverage: RUS -- the US lists Alfa, Beta, Gamma, the EU Alfa, Beta, Zeta, the
// UN none: 3, 3, 0, none on all three, 4 in all, Jaccard 0; the US and the EU
// share 2 of 4 (0.5). PRK -- Koryo Link on all three: 1, 1, 1, 1.0. CHN -- one
// US entity: Jaccard 0. Lag for RUS: Alfa EU 4 days after the US,
// Beta 9 days before: median -2.5. China lists two US parties and one British.
TEST_F(BriefChannels, SanctionsCoverageLagAndChinasCounterSanctions) {
  const auto& s = brief_->facts["sanctions"];
  EXPECT_EQ(s["coverage"]["RUS"]["issuers"]["US"], 3);
  EXPECT_EQ(s["coverage"]["RUS"]["issuers"]["EU"], 3);
  EXPECT_EQ(s["coverage"]["RUS"]["issuers"]["UN"], 0);
  EXPECT_EQ(s["coverage"]["RUS"]["shared"], 0);
  EXPECT_EQ(s["coverage"]["RUS"]["union"], 4);
  EXPECT_EQ(s["coverage"]["RUS"]["us_eu"]["shared"], 2);
  EXPECT_DOUBLE_EQ(s["coverage"]["RUS"]["us_eu"]["jaccard"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(s["coverage"]["PRK"]["jaccard"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(s["coverage"]["CHN"]["jaccard"].get<double>(), 0.0);
  EXPECT_TRUE(has(
      brief_,
      "<td>Russian Federation (RUS)</td><td>3</td><td>3</td><td>0</td><td>0</td><td>4</td><td>0.000</td><td>2 (0.500)"
      "</td>"));
  EXPECT_EQ(s["lag"]["RUS"]["pairs"], 2);
  EXPECT_EQ(s["lag"]["RUS"]["us_first"], 1);
  EXPECT_DOUBLE_EQ(s["lag"]["RUS"]["median_days"].get<double>(), -2.5);
  EXPECT_TRUE(has(brief_, "<td>RUS</td><td>2</td><td>1</td><td>1</td><td>0</td><td>-2.5 ["));
  EXPECT_TRUE(has(brief_, "RUS: the EU listed first, by a median 2.5 days (2 entities both list)"));
  EXPECT_EQ(s["counter"]["entries"], 3);
  EXPECT_EQ(s["counter"]["by_country"][0]["country"], "USA");
  EXPECT_EQ(s["counter"]["by_country"][0]["entries"], 2);
  EXPECT_TRUE(has(brief_, "China has listed 3 parties"));
}

// Every source read is credited: each vote source, the treaty file, the veto
// file and each sanctions list with its as-of date.
TEST_F(BriefChannels, SourcesCreditedInTheHeaderAndMethods) {
  const std::string unvotes = std::string("<code>unvotes-fixed</code> (unvotes): ") +
                              "General Assembly, 120 roll calls, 2008-10-10 to 2019-10-19";
  for (const char* s :
       {unvotes.c_str(), "<code>treaties-test</code>: treaty file",
        "<code>vetoes-test</code>: 5 vetoes, 2012-02-04 to 2019-12-20",
        "US <code>us</code>: us, 5 entries, as of 2024-05-03", "EU <code>eu</code>: eu, 4 entries, as of 2024-06-01",
        "UN <code>un</code>: un, 1 entry, as of 2024-04-01", "CN <code>cn</code>: cn, 3 entries, as of 2021-03-26"})
    EXPECT_TRUE(has(brief_, s)) << s;
  EXPECT_TRUE(has(brief_,
                  "<p class=sub>Sources: Votes: <code>unvotes-fixed</code>; Alliances: <code>treaties-test</code>; "
                  "Vetoes: <code>vetoes-test</code>; Sanctions lists: CN <code>cn</code>, EU <code>eu</code>, "
                  "UN <code>un</code>, US <code>us</code> (details in Methods).</p>"))
      << brief_->html.substr(brief_->html.find("Sources:"), 300);
  EXPECT_FALSE(has(bare_, "Alliances: <code>"));
}

// A record of five years is all 'now': no earlier period, one line instead of the section.
TEST(BriefShortRecord, WhoMovedNeedsAnEarlierPeriod) {
  testing::TempDir dir;
  write_votes(dir, 2015);
  const std::string db = (dir.path() / "short.db").string();
  store::Store::open(db, true).write_source(io::import_path((dir.path() / "unvotes-fixed").string(), ""));
  query::Context ctx(db);
  report::BriefOptions o;
  o.boot = 20;
  const auto b = report::make_brief(ctx, o);
  EXPECT_FALSE(b.facts.contains("drift"));
  EXPECT_NE(b.html.find("The record (2015&#8211;2019) is too short for an earlier period of 5 years"),
            std::string::npos);
}

// One focus state: the channels pair it with each member of the comparison group.
TEST_F(BriefChannels, OneFocusStateIsPairedWithEachGroupMember) {
  query::Context ctx(full_);
  report::BriefOptions o;
  o.focus = "RUS";
  o.vs = "USA,GBR";
  o.boot = 20;
  const auto b = report::make_brief(ctx, o);
  const auto& dyads = b.facts["channels"]["dyads"];
  ASSERT_EQ(dyads.size(), 2u);
  EXPECT_EQ(dyads[0]["b"], "USA");
  EXPECT_DOUBLE_EQ(dyads[0]["ga"].get<double>(), 0.0);  // RUS yes, USA no on every roll call
  EXPECT_EQ(b.facts["channels"]["alliances"]["bound"], 0);
  EXPECT_NE(b.html.find("0 of 2 pairs are bound by a defence pledge in 2025"), std::string::npos);
  EXPECT_EQ(b.facts["drift"]["toward_focus"], 1);  // Brazil, as against the G7
}

// Without alliance, veto or sanctions data: one line each naming the import, no error.
TEST_F(BriefChannels, MissingDataIsOneLineNamingTheImport) {
  EXPECT_TRUE(has(bare_, "No alliance data in the store: <code>rostrum alliances import"));
  EXPECT_TRUE(has(bare_, "No Security Council vetoes in the store: <code>rostrum vetoes import"));
  EXPECT_TRUE(has(bare_, "No sanctions lists in the store: <code>rostrum sanctions import DIR</code>"));
  EXPECT_FALSE(bare_->facts.contains("sanctions"));
  EXPECT_FALSE(bare_->facts["channels"].contains("alliances"));
  EXPECT_TRUE(has(bare_, "<td>CHN&#8211;RUS</td><td>1.00 (50)</td><td>&#8211;</td><td>&#8211; / &#8211;</td>"));
}

// A symmetric axis has its middle tick at 0, written "0.00": the steps from -0.7
// add up to a tiny negative number there, which must not print as "-0.00".
TEST(SvgTicks, ZeroIsNotNegative) {
  report::svg::StripChart c;
  c.x_min = -0.7;
  c.x_max = 0.7;
  c.rows = {"r"};
  c.dots.push_back({"r", 0.1, "A", "a", "#000", true});
  const std::string s = report::svg::strip_chart(c);
  EXPECT_EQ(s.find(">-0.00<"), std::string::npos);
  EXPECT_NE(s.find(">0.00<"), std::string::npos);
}

}  // namespace
}  // namespace rostrum
