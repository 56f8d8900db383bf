// The real lists in ../shared/data/sanctions (skipped when absent): what the
// importers find, the contract shapes, and the matcher's precision and recall on
// the hand-labelled pairs of labelled_pairs.csv (provenance in labelled_pairs.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "sanctions/analyses.hpp"
#include "sanctions/import.hpp"
#include "sanctions/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::sanctions {
namespace {

using rostrum::testing::TempDir;

class RealSanctions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string root = rostrum::testing::shared_data("sanctions");
    if (!std::filesystem::exists(root + "/ofac/sdn.csv.gz")) return;
    dir_ = new TempDir();
    lists_ = new std::vector<SanctionsList>(read_lists(root));
    std::string db = (dir_->path() / "s.db").string();
    {
      auto s = store::Store::open(db, true);
      write_lists(s, *lists_);
    }
    universe_ = new std::shared_ptr<const Universe>(load_universe(db));
  }
  static void TearDownTestSuite() {
    delete universe_;
    delete lists_;
    delete dir_;
    universe_ = nullptr;
    lists_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!universe_) GTEST_SKIP() << "no sanctions data in ../shared/data";
  }
  const SanctionsList& list(const std::string& key) {
    for (const auto& l : *lists_)
      if (l.key == key) return l;
    throw std::runtime_error("no list " + key);
  }
  static TempDir* dir_;
  static std::vector<SanctionsList>* lists_;
  static std::shared_ptr<const Universe>* universe_;
};

TempDir* RealSanctions::dir_ = nullptr;
std::vector<SanctionsList>* RealSanctions::lists_ = nullptr;
std::shared_ptr<const Universe>* RealSanctions::universe_ = nullptr;

TEST_F(RealSanctions, EveryListAndItsSize) {
  EXPECT_EQ(lists_->size(), 6u);
  EXPECT_EQ(list("ofac-sdn").entries.size(), 7379u);  // data README: 7,379 SDN entries
  EXPECT_EQ(list("ofac-cons").entries.size(), 442u);
  EXPECT_EQ(list("un-consolidated").entries.size(), 1003u);  // 730 individuals, 273 entities
  EXPECT_EQ(list("eu-journal").entries.size(), 8017u);
  EXPECT_EQ(list("cn-counter").entries.size(), 610u);
  EXPECT_EQ(list("un-consolidated").as_of, make_date(2026, 2, 27));
  // The history: 9,083 entries on 2021-08-18, 6,809 additions, 927 removals, to 2024-05-03.
  const auto& h = list("ofac-sdn-history");
  EXPECT_EQ(h.as_of, make_date(2024, 5, 3));
  std::int64_t base = 0, added = 0, removed = 0;
  Date first_add = 99991231, last_add = 0;
  for (const auto& e : h.entries)
    for (const auto& ev : e.events) {
      if (ev.kind == EventKind::listed && ev.date_lo == 0) ++base;
      if (ev.kind == EventKind::listed && ev.date_lo != 0) {
        ++added;
        first_add = std::min(first_add, ev.date);
        last_add = std::max(last_add, ev.date);
      }
      if (ev.kind == EventKind::delisted) ++removed;
    }
  EXPECT_EQ(base, 9083);
  EXPECT_EQ(added, 6809);
  EXPECT_EQ(removed, 927);
  EXPECT_GE(first_add, make_date(2021, 8, 20));
  EXPECT_LE(last_add, make_date(2024, 5, 3));
}

TEST_F(RealSanctions, EveryEuStartDateIsReadOrReported) {
  const auto& eu = list("eu-journal");
  std::int64_t dated = 0;
  for (const auto& e : eu.entries) dated += e.events.empty() ? 0 : 1;
  std::int64_t unread = 0, empty = -1;
  for (const auto& n : eu.notes) {
    if (n.rfind("startDate not understood", 0) == 0) ++unread;
    if (n.find("rows have no startDate") != std::string::npos) empty = std::stoll(n);
  }
  EXPECT_EQ(unread, 0);  // all shapes in the file are read
  EXPECT_EQ(empty, 302);
  EXPECT_EQ(dated + empty, 8017);
}

TEST_F(RealSanctions, ContractShapes) {
  const auto& u = **universe_;
  auto lists = lists_table(u.data());
  ASSERT_TRUE(lists.meta.contains("lists"));
  EXPECT_EQ(lists.meta["lists"].size(), 6u);
  MatchRequest m;
  m.limit = 50;
  auto pairs = match_table(u, m);
  ASSERT_FALSE(pairs.rows.empty());
  std::regex ent_num("[0-9]+"), celex("3[0-9]{4}[RD][0-9]{4}:.+");
  for (const auto& r : pairs.rows) {
    EXPECT_TRUE(std::regex_match(std::get<std::string>(r[1]), ent_num));
    EXPECT_TRUE(std::regex_match(std::get<std::string>(r[4]), celex));
    EXPECT_GE(std::get<double>(r[6]), kMatchThreshold);
  }
  LagRequest lag;
  lag.target = "RUS";
  auto l = lag_table(u, lag);
  for (const char* k : {"pairs", "a_first", "b_first", "same_day", "median_days"}) EXPECT_TRUE(l.meta.contains(k)) << k;
  EXPECT_EQ(l.meta["pairs"].get<std::int64_t>(), l.meta["a_first"].get<std::int64_t>() +
                                                     l.meta["b_first"].get<std::int64_t>() +
                                                     l.meta["same_day"].get<std::int64_t>());
  EXPECT_GT(l.meta["pairs"].get<std::int64_t>(), 100);
  EntityRequest who;
  who.name = "Sovcomflot";
  auto e = entity_table(u, who);
  std::set<std::string> issuers;
  for (const auto& entry : e.meta["entries"]) issuers.insert(entry["issuer"].get<std::string>());
  EXPECT_TRUE(issuers.count("US") && issuers.count("EU"));
}

struct Labelled {
  std::string a_issuer, a_id, b_issuer, b_id;
  bool same = false;
  std::string sample;
};

std::vector<Labelled> read_labels() {
  std::ifstream in(std::string(ROSTRUM_SOURCE_DIR) + "/tests/sanctions/labelled_pairs.csv");
  std::vector<Labelled> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    Labelled l;
    std::string same;
    std::getline(ss, l.a_issuer, ',');
    std::getline(ss, l.a_id, ',');
    std::getline(ss, l.b_issuer, ',');
    std::getline(ss, l.b_id, ',');
    std::getline(ss, same, ',');
    std::getline(ss, l.sample, ',');
    l.same = same == "1";
    out.push_back(l);
  }
  return out;
}

// Precision and recall at the threshold on the hand-labelled pairs (figures and
// their stratum weights in docs/sanctions.md). The bounds are the measured values
// rounded down, so a change that makes the matcher worse fails here.
TEST_F(RealSanctions, PrecisionAndRecallOnLabelledPairs) {
  const auto& u = **universe_;
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < u.records().size(); ++i)
    index[u.records()[i].issuer + "|" + u.records()[i].key] = static_cast<int>(i);
  auto labels = read_labels();
  ASSERT_EQ(labels.size(), 204u);
  std::map<std::string, std::array<int, 3>> counts;  // sample -> tp, fp, fn
  int positives_blocked = 0, positives = 0;
  for (const auto& l : labels) {
    auto a = index.find(l.a_issuer + "|" + l.a_id), b = index.find(l.b_issuer + "|" + l.b_id);
    ASSERT_NE(a, index.end()) << l.a_id;
    ASSERT_NE(b, index.end()) << l.b_id;
    bool predicted = u.matcher().compare(a->second, b->second).score >= kMatchThreshold;
    for (const std::string& s : {l.sample, std::string("all")}) {
      if (predicted && l.same) counts[s][0]++;
      if (predicted && !l.same) counts[s][1]++;
      if (!predicted && l.same) counts[s][2]++;
    }
    if (l.same) {
      ++positives;
      positives_blocked += u.matcher().blocked_together(a->second, b->second) ? 1 : 0;
    }
  }
  auto precision = [&](const std::string& s) { return counts[s][0] / double(counts[s][0] + counts[s][1]); };
  auto recall = [&](const std::string& s) { return counts[s][0] / double(counts[s][0] + counts[s][2]); };
  EXPECT_EQ(positives_blocked, positives);  // blocking loses none of the labelled matches
  EXPECT_GE(precision("dev"), 0.96);
  EXPECT_GE(recall("dev"), 0.94);
  EXPECT_GE(precision("test"), 0.70);
  EXPECT_GE(recall("test"), 0.89);
  EXPECT_GE(precision("all"), 0.82);
  EXPECT_GE(recall("all"), 0.92);
}

}  // namespace
}  // namespace rostrum::sanctions
