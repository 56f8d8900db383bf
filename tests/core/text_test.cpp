#include <gtest/gtest.h>

#include "core/text.hpp"

namespace rostrum {
namespace {

TEST(SplitList, TrimsItemsAndDropsEmptyOnes) {
  EXPECT_EQ(split_list(" USA, GBR,,FRA "), (std::vector<std::string>{"USA", "GBR", "FRA"}));
  EXPECT_EQ(split_list("CHN"), (std::vector<std::string>{"CHN"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_TRUE(split_list(" , ,").empty());
  EXPECT_EQ(split_list("Bolivia (Plurinational State of),Côte d’Ivoire"),
            (std::vector<std::string>{"Bolivia (Plurinational State of)", "Côte d’Ivoire"}));
  EXPECT_EQ(split_list("a|b", '|'), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace rostrum
