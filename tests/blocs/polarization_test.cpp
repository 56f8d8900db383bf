// Polarization measures and pole lean, worked by hand.
#include "blocs/polarization.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/error.hpp"

namespace rostrum::blocs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Polarization, EffectiveNumberOfBlocsByHand) {
  // Shares 3/4 and 1/4: 1 / (9/16 + 1/16) = 1.6.
  EXPECT_NEAR(effective_number_of_blocs({0, 0, 0, 1}), 1.6, 1e-12);
  EXPECT_NEAR(effective_number_of_blocs({4, 4, 4}), 1.0, 1e-12);
  EXPECT_NEAR(effective_number_of_blocs({0, 1, 2, 0, 1, 2}), 3.0, 1e-12);
  EXPECT_TRUE(std::isnan(effective_number_of_blocs({})));
}

TEST(Polarization, StandardDeviationAndMedianGapByHand) {
  // Mean 5, squared deviations 9 + 1 + 1 + 9 = 20, / 3.
  EXPECT_NEAR(standard_deviation({2, 4, 6, 8}), std::sqrt(20.0 / 3.0), 1e-12);
  EXPECT_NEAR(standard_deviation({2, kNaN, 4, 6, 8}), std::sqrt(20.0 / 3.0), 1e-12);
  EXPECT_TRUE(std::isnan(standard_deviation({1})));
  // Medians 2 (odd count) and 6.5 (even count).
  EXPECT_NEAR(median_gap({1, 2, 3}, {5, 6, 7, 100}), 4.5, 1e-12);
  EXPECT_NEAR(median_gap({5, 6, 7, 100}, {1, 2, 3}), 4.5, 1e-12);
  EXPECT_TRUE(std::isnan(median_gap({}, {1})));
}

TEST(Polarization, BimodalityCoefficientByHand) {
  // Five 0s and five 1s: m2 = 1/4, m3 = 0, m4 = 1/16, so g2 = -2 and skewness 0.
  // Excess kurtosis (11 * -2 + 6) * 9 / (8 * 7) = -144/56; 3 * 81 / 56 = 243/56;
  // b = 1 / (99/56) = 56/99, above the uniform's 5/9.
  const std::vector<double> two_peaks{0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
  EXPECT_NEAR(bimodality_coefficient(two_peaks), 56.0 / 99.0, 1e-12);
  EXPECT_GT(bimodality_coefficient(two_peaks), 5.0 / 9.0);
  // A peaked symmetric sample is well below 5/9.
  EXPECT_LT(bimodality_coefficient({-2, -1, -0.5, 0, 0, 0, 0, 0.5, 1, 2}), 0.4);
  // Skewness raises b: one outlier among equal values.
  EXPECT_GT(bimodality_coefficient({0, 0, 0, 0, 0, 0, 0, 0, 0, 10}), 5.0 / 9.0);
  EXPECT_TRUE(std::isnan(bimodality_coefficient({1, 2, 3})));
  EXPECT_TRUE(std::isnan(bimodality_coefficient({2, 2, 2, 2, 2})));
}

TEST(Poles, LeanByAgreement) {
  const auto lean =
      lean_by_agreement({"IND", "BRA", "ZAF", "XXX"}, {0.60, 0.50, 0.40, kNaN}, {0.55, 0.50, 0.70, 0.8}, 0.01);
  ASSERT_EQ(lean.size(), 4u);
  EXPECT_EQ(lean[0].nearer, Pole::a);
  EXPECT_NEAR(lean[0].margin, 0.05, 1e-12);
  EXPECT_EQ(lean[1].nearer, Pole::tie);
  EXPECT_EQ(lean[2].nearer, Pole::b);
  EXPECT_NEAR(lean[2].margin, -0.30, 1e-12);
  EXPECT_EQ(lean[3].nearer, Pole::unknown);
  EXPECT_EQ(lean[2].state, "ZAF");
  EXPECT_THROW(lean_by_agreement({"A"}, {0.5, 0.5}, {0.5}), UsageError);
}

TEST(Poles, LeanByPosition) {
  // Poles at +2 (A) and -1 (B): x = 0 is 2 from A and 1 from B, so it leans to B.
  const auto lean = lean_by_position({"P", "Q"}, {0.0, 1.5}, 2.0, -1.0);
  EXPECT_NEAR(lean[0].to_a, 2.0, 1e-12);
  EXPECT_NEAR(lean[0].to_b, 1.0, 1e-12);
  EXPECT_NEAR(lean[0].margin, -1.0, 1e-12);
  EXPECT_EQ(lean[0].nearer, Pole::b);
  EXPECT_EQ(lean[1].nearer, Pole::a);
}

}  // namespace
}  // namespace rostrum::blocs
