// The brief on a small synthetic unvotes-layout store written by the test: the HTML
// is self-contained, names the focus states, has inline SVG, and its numbers are
// the query layer's numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "core/error.hpp"
#include "io/import.hpp"
#include "query/query.hpp"
#include "report/brief.hpp"
#include "report/svg.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum {
namespace {

struct State {
  const char* name;
  const char* code;
  int side;     // 0 east (focus), 1 west (G7), 2 third
  double lean;  // third states: probability of voting with the east
};

const State kStates[] = {
    {"China", "CN", 0, 0},           {"Russia", "RU", 0, 0},         {"North Korea", "KP", 0, 0},
    {"United States", "US", 1, 0},   {"United Kingdom", "GB", 1, 0}, {"France", "FR", 1, 0},
    {"Germany", "DE", 1, 0},         {"Italy", "IT", 1, 0},          {"Japan", "JP", 1, 0},
    {"Canada", "CA", 1, 0},          {"India", "IN", 2, 0.8},        {"Brazil", "BR", 2, 0.6},
    {"Cuba", "CU", 2, 0.95},         {"Israel", "IL", 2, 0.05},      {"Australia", "AU", 2, 0.15},
    {"South Africa", "ZA", 2, 0.75},
};
const char* kIssue[] = {"me", "nu", "di", "hr", "co", "ec"};
const char* kVote[] = {"yes", "no", "abstain"};

// Writes an unvotes-layout directory: 2008-2019, 40 roll calls a year. East and west
// positions differ on most roll calls; members follow their side with probability 0.9
// (the east becomes less disciplined after 2014, a break for the change points).
void write_unvotes(const testing::TempDir& dir) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  std::string votes = "\"rcid\",\"country\",\"country_code\",\"vote\"\n";
  std::string calls =
      "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n";
  std::string issues = "\"rcid\",\"short_name\",\"issue\"\n";
  int rcid = 1;
  for (int year = 2008; year <= 2019; ++year) {
    for (int k = 0; k < 40; ++k, ++rcid) {
      char date[16];
      std::snprintf(date, sizeof date, "%d-%02d-%02d", year, 9 + k / 28, 1 + k % 28);
      calls += std::to_string(rcid) + "," + std::to_string(year - 1945) + ",0," + date + ",\"A/RES/" +
               std::to_string(year - 1945) + "/" + std::to_string(k + 1) + "\",0,0,\"TEST\",\"TEST ROLL CALL\"\n";
      issues += std::to_string(rcid) + ",\"" + kIssue[k % 6] + "\",\"issue\"\n";
      int west = 0, east = u(rng) < 0.8 ? 1 : 2;
      if (k % 5 == 0) std::swap(west, east);
      const double east_discipline = year >= 2014 ? 0.75 : 0.95;
      for (const auto& s : kStates) {
        int v;
        double r = u(rng);
        if (s.side == 0)
          v = r < east_discipline ? east : static_cast<int>(u(rng) * 3);
        else if (s.side == 1)
          v = r < 0.9 ? west : static_cast<int>(u(rng) * 3);
        else
          v = r < s.lean ? east : west;
        votes += std::to_string(rcid) + ",\"" + s.name + "\",\"" + s.code + "\",\"" + kVote[v] + "\"\n";
      }
    }
  }
  dir.write("unvotes-test/un_votes.csv", votes);
  dir.write("unvotes-test/un_roll_calls.csv", calls);
  dir.write("unvotes-test/un_roll_call_issues.csv", issues);
}

class BriefTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    write_unvotes(*dir_);
    db_ = (dir_->path() / "test.db").string();
    auto batch = io::import_path((dir_->path() / "unvotes-test").string(), "");
    store::Store::open(db_, true).write_source(batch);
    ctx_ = new query::Context(db_);
    report::BriefOptions o;
    o.boot = 200;
    brief_ = new report::Brief(report::make_brief(*ctx_, o));
  }
  static void TearDownTestSuite() {
    delete brief_;
    delete ctx_;
    delete dir_;
  }
  static testing::TempDir* dir_;
  static std::string db_;
  static query::Context* ctx_;
  static report::Brief* brief_;
};
testing::TempDir* BriefTest::dir_ = nullptr;
std::string BriefTest::db_;
query::Context* BriefTest::ctx_ = nullptr;
report::Brief* BriefTest::brief_ = nullptr;

double cell(const Table& t, std::size_t row, const char* column) {
  const Cell& c = t.rows.at(row).at(t.column(column));
  if (auto* d = std::get_if<double>(&c)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  return NAN;
}
std::string two(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

TEST_F(BriefTest, IsOneSelfContainedHtmlFile) {
  const std::string& h = brief_->html;
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(h.find("</html>"), std::string::npos);
  EXPECT_NE(h.find("<svg"), std::string::npos);
  for (const char* bad :
       {"src=\"http", "href=\"http", "src='http", "href='http", "<script", "url(http", "@import", "<link", "<img"})
    EXPECT_EQ(h.find(bad), std::string::npos) << bad;
  // Every <svg> is closed.
  std::size_t open = 0, close = 0;
  for (std::size_t p = h.find("<svg"); p != std::string::npos; p = h.find("<svg", p + 1)) ++open;
  for (std::size_t p = h.find("</svg>"); p != std::string::npos; p = h.find("</svg>", p + 1)) ++close;
  EXPECT_EQ(open, close);
  EXPECT_GE(open, 4u);
}

TEST_F(BriefTest, NamesTheFocusStatesAndTheGroup) {
  const std::string& h = brief_->html;
  for (const char* s : {"CHN", "RUS", "PRK", "G7", "USA", "Methods", "Voeten", "Hix", "Killick"})
    EXPECT_NE(h.find(s), std::string::npos) << s;
  EXPECT_EQ(brief_->facts["recent"]["from"], 2015);
  EXPECT_EQ(brief_->facts["recent"]["to"], 2019);
}

TEST_F(BriefTest, PairNumbersAreTheAgreeQuerysNumbers) {
  auto t = query::run(*ctx_, "agree",
                      {{"a", "CHN"},
                       {"b", "RUS"},
                       {"year", "2015-2019"},
                       {"measure", "agree"},
                       {"ci", "0.950"},
                       {"boot", "200"},
                       {"seed", "1"}});
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& pair = brief_->facts["pairs"][0];
  EXPECT_EQ(pair["a"], "CHN");
  EXPECT_EQ(pair["b"], "RUS");
  EXPECT_DOUBLE_EQ(pair["value"].get<double>(), cell(t, 0, "value"));
  EXPECT_DOUBLE_EQ(pair["lo"].get<double>(), cell(t, 0, "lo"));
  EXPECT_DOUBLE_EQ(pair["n"].get<double>(), cell(t, 0, "n"));
  std::string shown = "CHN&#8211;RUS</td><td>" + two(cell(t, 0, "value")) + " [" + two(cell(t, 0, "lo")) + "&#8211;" +
                      two(cell(t, 0, "hi")) + "] (n&#160;=&#160;" + std::to_string(static_cast<int>(cell(t, 0, "n")));
  EXPECT_NE(brief_->html.find(shown), std::string::npos) << shown;
}

TEST_F(BriefTest, CohesionNumbersAreTheCohesionQuerysNumbers) {
  auto t = query::run(*ctx_, "cohesion",
                      {{"group", "G7"}, {"year", "2015-2019"}, {"index", "ai"}, {"null", "200"}, {"seed", "1"}});
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& g7 = brief_->facts["cohesion"]["G7"];
  EXPECT_DOUBLE_EQ(g7["ai"].get<double>(), cell(t, 0, "value"));
  EXPECT_DOUBLE_EQ(g7["rollcalls"].get<double>(), cell(t, 0, "n"));
  EXPECT_NE(brief_->html.find("<td>G7</td><td>" + two(cell(t, 0, "value")) + "</td>"), std::string::npos);
}

TEST_F(BriefTest, FindsThePlantedStructure) {
  // Third states were simulated leaning east (CUB, IND, ZAF, BRA) or west (ISR, AUS).
  const auto& poles = brief_->facts["poles"];
  EXPECT_EQ(poles["closest_to_focus"][0], "CUB");
  EXPECT_EQ(poles["closest_to_group"][0], "ISR");
  EXPECT_EQ(poles["closer_to_focus"].get<int>(), 4);
  // The east's discipline drops in 2014: the CHN-RUS series has a change point there (+-1).
  bool found = false;
  for (const auto& c : brief_->facts["change_points"]["CHN\u2013RUS"]["change_points"]) {
    int y = std::stoi(c["period"].get<std::string>());
    found |= y >= 2013 && y <= 2015;
  }
  EXPECT_TRUE(found) << brief_->facts["change_points"].dump();
}

TEST_F(BriefTest, UnknownCountriesAreUsageErrors) {
  report::BriefOptions o;
  o.focus = "CHN,Atlantis";
  EXPECT_THROW(report::make_brief(*ctx_, o), UsageError);
  o.focus = "CHN";
  o.vs = "Narnia";
  EXPECT_THROW(report::make_brief(*ctx_, o), UsageError);
}

TEST(Svg, LineChartSkipsMissingValuesAndEscapesText) {
  report::svg::LineChart c;
  c.title = "a <b> & c";
  c.lines.push_back(
      {"x&y", "#000", {{2000, 0.5, 0.4, 0.6, ""}, {2001, NAN, NAN, NAN, ""}, {2002, 0.7, NAN, NAN, "n"}}});
  c.markers.push_back({2001, "2001"});
  std::string s = report::svg::line_chart(c);
  EXPECT_NE(s.find("a &lt;b&gt; &amp; c"), std::string::npos);
  EXPECT_NE(s.find("x&amp;y"), std::string::npos);
  EXPECT_EQ(s.find("nan"), std::string::npos);
  EXPECT_EQ(s.find("NaN"), std::string::npos);
  EXPECT_NE(s.find("</svg>"), std::string::npos);
}

// A 2025-layout file: two ES-11 roll calls and one Security Council resolution,
// over the same 16 states as the unvotes fixture.
std::string wide_2025() {
  const char* iso3[] = {"CHN", "RUS", "PRK", "USA", "GBR", "FRA", "DEU", "ITA",
                        "JPN", "CAN", "IND", "BRA", "CUB", "ISR", "AUS", "ZAF"};
  std::string out =
      "Link,token,Scrape_Year,Title,Council,Resolution,country,subregion,continent,Date,YES COUNT,"
      "NO COUNT,ABSTAIN COUNT,NO-VOTE COUNT,TOTAL VOTES,tags";
  for (const char* c : iso3) out += std::string(",") + c;
  out += "\n";
  auto row = [&](const std::string& council, const std::string& symbol, const std::string& date,
                 const std::vector<std::string>& cells) {
    int y = 0, n = 0, a = 0, x = 0;
    for (const auto& c : cells) y += c == "YES", n += c == "NO", a += c == "ABSTAIN", x += c.empty();
    if (council == "Security Council") x = 0;
    out += "l,t,2025,\"Title of " + symbol + "\"," + council + "," + symbol + ",UA,r,c," + date + "," +
           std::to_string(y) + "," + std::to_string(n) + "," + std::to_string(a) + "," + std::to_string(x) + "," +
           std::to_string(y + n + a + x) + ",tags";
    for (const auto& c : cells) out += "," + c;
    out += "\n";
  };
  const std::vector<std::string> es7 = {"ABSTAIN", "NO",  "NO",      "NO",      "YES", "YES", "YES", "YES",
                                        "YES",     "YES", "ABSTAIN", "ABSTAIN", "",    "NO",  "YES", "ABSTAIN"};
  const std::vector<std::string> es9 = {"ABSTAIN", "NO",  "NO",      "YES", "YES", "YES", "YES", "YES",
                                        "YES",     "YES", "ABSTAIN", "YES", "NO",  "YES", "YES", "YES"};
  row("General Assembly", "A/RES/ES-11/7", "2025-02-24", es7);
  row("General Assembly", "A/RES/ES-11/9", "2025-12-03", es9);
  std::vector<std::string> sc(16, "");
  sc[0] = "ABSTAIN", sc[1] = "ABSTAIN", sc[3] = "YES", sc[4] = "YES", sc[5] = "YES";
  row("Security Council", "S/RES/2774(2025)", "2025-02-24", sc);
  return out;
}

// The brief reaches the record's last year and lists the Ukraine votes (ES-11)
// and the latest Security Council year with each focus state's vote.
TEST(BriefRecord, KeyVotesOfUkraineAndTheSecurityCouncil) {
  testing::TempDir dir;
  write_unvotes(dir);
  const std::string db = (dir.path() / "r.db").string();
  {
    auto store = store::Store::open(db, true);
    store.write_sources({io::import_path((dir.path() / "unvotes-test").string(), ""),
                         io::import_path(dir.write("un_votes_2025.csv", wide_2025()), "")});
  }
  query::Context ctx(db);
  report::BriefOptions o;
  o.boot = 20;
  const auto brief = report::make_brief(ctx, o);
  EXPECT_EQ(brief.facts["span"]["last"], 2025);
  EXPECT_EQ(brief.facts["es11"]["rollcalls"], 2);
  EXPECT_EQ(brief.facts["es11"]["votes"]["CHN"]["abstain"], 2);
  EXPECT_EQ(brief.facts["es11"]["votes"]["RUS"]["no"], 2);
  EXPECT_EQ(brief.facts["es11"]["votes"]["PRK"]["no"], 2);
  EXPECT_EQ(brief.facts["security_council"]["year"], 2025);
  EXPECT_EQ(brief.facts["security_council"]["resolutions"], 1);
  const std::string& h = brief.html;
  EXPECT_NE(h.find("A/RES/ES-11/7"), std::string::npos);
  EXPECT_NE(h.find("S/RES/2774(2025)"), std::string::npos);
  // The G7 on ES-11/7: USA no, the six others yes.
  EXPECT_NE(h.find("<td>A</td><td>N</td><td>N</td><td>6&#8211;1&#8211;0</td>"), std::string::npos);
  // The years no source covers are named, not silently skipped.
  EXPECT_NE(h.find("no ES-11 vote before 2025-02-24"), std::string::npos);
  EXPECT_NE(h.find("source <code>record</code>"), std::string::npos);
}

}  // namespace
}  // namespace rostrum
