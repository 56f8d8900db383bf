// The issue-code classifier: tokens, the naive Bayes log-odds worked out by hand
// on a three-document corpus, threshold choice and scoring.
#include <gtest/gtest.h>

#include <cmath>

#include "classify/issues.hpp"

namespace rostrum::classify {
namespace {

TEST(Tokens, WordsStopWordsAndBigrams) {
  EXPECT_EQ(tokens("Question of Palestine : resolution / adopted by the General Assembly"),
            (std::vector<std::string>{"question", "palestine", "question_palestine"}));
  EXPECT_EQ(
      tokens("NUCLEAR-WEAPON-FREE ZONES, 1995"),
      (std::vector<std::string>{"nuclear", "weapon", "free", "zones", "nuclear_weapon", "weapon_free", "free_zones"}));
  EXPECT_EQ(tokens("Palestine's refugees"),
            (std::vector<std::string>{"palestines", "refugees", "palestines_refugees"}));
  EXPECT_TRUE(tokens("of the 12 / :").empty());
}

// Corpus: d1 = {a, b} label 1; d2 = {a, c} and d3 = {c, c} label 0; alpha = 1.
// V = 3, total(1) = 2, total(0) = 4; P(a|1) = 2/5, P(a|0) = 2/7, P(b|1) = 2/5,
// P(b|0) = 1/7, P(c|1) = 1/5, P(c|0) = (3+1)/7; prior log((1+1)/(2+1)) = log(2/3).
// Token ids: a = 0, b = 1, c = 2, d = 3 (in the id space, never in a document).
TEST(NaiveBayes, LogOddsByHand) {
  const std::vector<std::vector<int>> docs = {{0, 1}, {0, 2}, {2, 2}};
  NaiveBayes nb;
  nb.train(docs, {1, 0, 0}, 4, 1.0);
  EXPECT_NEAR(nb.log_odds({0}), std::log(2.0 / 3 * (2.0 / 5) / (2.0 / 7)), 1e-12);  // log(14/15)
  EXPECT_NEAR(nb.log_odds({1, 3}), std::log(28.0 / 15), 1e-12);  // d is outside the training vocabulary
  EXPECT_NEAR(nb.log_odds({2}), std::log(7.0 / 30), 1e-12);
  EXPECT_NEAR(nb.log_odds({0, 2}), std::log(2.0 / 3 * (7.0 / 5) * (7.0 / 20)), 1e-12);
  EXPECT_NEAR(nb.log_odds({}), std::log(2.0 / 3), 1e-12);
  // alpha = 0.5: P(b|1) = 1.5/3.5, P(b|0) = 0.5/5.5.
  nb.train(docs, {1, 0, 0}, 4, 0.5);
  EXPECT_NEAR(nb.log_odds({1}), std::log(2.0 / 3) + std::log((1.5 / 3.5) / (0.5 / 5.5)), 1e-12);
  // Rows {0, 2} only: d1 = {a, b} label 1, d3 = {c, c} label 0; V = 3 (a, b, c),
  // total(1) = 2, total(0) = 2: P(a|1) = 2/5, P(a|0) = 1/5; prior log(2/2) = 0.
  nb.train(docs, {1, 0, 0}, 4, 1.0, {0, 2});
  EXPECT_NEAR(nb.log_odds({0}), std::log(2.0), 1e-12);
  EXPECT_THROW(nb.train({{0}}, {1, 0}, 4), std::invalid_argument);
  EXPECT_THROW(nb.train({{0}}, {1}, 4, 0.0), std::invalid_argument);
  EXPECT_THROW(nb.train({{7}}, {1}, 4), std::invalid_argument);
}

// Titles drawn from a known rule (hr when "rights" is in the title, nu when
// "nuclear" is) over 1990-2009, with filler words shared by both classes: the
// classifier recovers the rule on titles it has not seen.
std::vector<Example> simulated(int from, int to) {
  const char* filler[] = {"situation", "question", "implementation", "cooperation", "assistance", "measures"};
  const char* places[] = {"myanmar", "iran", "syria", "africa", "pacific", "asia", "europe"};
  std::vector<Example> out;
  int i = 0;
  for (int year = from; year <= to; ++year)
    for (int k = 0; k < 12; ++k, ++i) {
      Example e;
      e.year = year;
      const bool hr = i % 3 == 0, nu = i % 4 == 1;
      // Filler and places vary with the year and the position, not with the codes.
      e.text = std::string(filler[(year + k / 4) % 6]) + " " + places[(year * 5 + k) % 7];
      if (hr) e.text += " human rights";
      if (nu) e.text += " nuclear weapons";

      e.codes = static_cast<std::uint8_t>((hr ? 1u << 3 : 0u) | (nu ? 1u << 1 : 0u));
      out.push_back(e);
    }
  return out;
}

TEST(IssueClassifier, RecoversASimulatedRuleOnLaterYears) {
  auto model = IssueClassifier::train(simulated(1990, 2009));
  EXPECT_EQ(model.predict("Situation of human rights in Belarus"), 1u << 3);
  EXPECT_EQ(model.predict("Nuclear weapons in Antarctica"), 1u << 1);
  EXPECT_EQ(model.predict("Cooperation with the Pacific"), 0u);
  EXPECT_EQ(model.predict("Law of the sea"), 0u);  // no known word: the prior says no
  auto scores = evaluate(model, simulated(2010, 2012));
  ASSERT_EQ(scores.size(), 6u);
  EXPECT_EQ(scores[3].code, "hr");
  EXPECT_EQ(scores[3].n, 36);
  EXPECT_EQ(scores[3].tp, 12);  // i % 3 == 0 for 12 of 36
  EXPECT_EQ(scores[3].fp + scores[3].fn, 0);
  EXPECT_DOUBLE_EQ(scores[3].accuracy, 1.0);
  EXPECT_DOUBLE_EQ(scores[3].always_no, 24.0 / 36);
  EXPECT_EQ(scores[1].tp, 9);  // i % 4 == 1
  EXPECT_DOUBLE_EQ(scores[1].f1, 1.0);
  // No example of "me": nothing predicted, precision and recall 0 by convention.
  EXPECT_EQ(scores[0].tp + scores[0].fp, 0);
  EXPECT_DOUBLE_EQ(scores[0].precision, 0.0);
  EXPECT_DOUBLE_EQ(scores[0].accuracy, 1.0);
}

TEST(Evaluate, ConfusionCountsByHand) {
  // A model trained to call "rights" hr; scored on four titles with known truth:
  // tp (rights, hr), fp (rights, not hr), fn (no rights, hr), tn.
  auto model = IssueClassifier::train(simulated(1990, 2009));
  std::vector<Example> test = {
      {2010, "human rights in Myanmar", 1u << 3},
      {2010, "human rights defenders and trade", 0},
      {2010, "question of Tibet", 1u << 3},
      {2010, "assistance to Africa", 0},
  };
  auto s = evaluate(model, test)[3];
  EXPECT_EQ(s.tp, 1);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.fn, 1);
  EXPECT_EQ(s.tn, 1);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.5);
  EXPECT_DOUBLE_EQ(s.always_no, 0.5);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
}

}  // namespace
}  // namespace rostrum::classify
