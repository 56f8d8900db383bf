// TextStreamSink: a streamed answer written as it comes is the same CSV and the
// same JSON document as the Table rendered whole, whatever the block boundaries.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/table_stream.hpp"

namespace rostrum {
namespace {

Table sample(std::size_t n) {
  Table t;
  t.columns = {"a", "b, quoted", "value", "n", "none"};
  for (std::size_t i = 0; i < n; ++i)
    t.add_row({std::string(i % 3 ? "USA" : "has \"quotes\", commas\nand a newline"), std::string("RUS"),
               i % 5 ? 1.0 / static_cast<double>(i + 3) : std::numeric_limits<double>::quiet_NaN(),
               static_cast<std::int64_t>(i) * 1000003, std::monostate{}});
  t.meta = {{"measure", "agree"}, {"periods", 74}};
  return t;
}

// Streams `t` through the sink as an analysis would; returns the text and the number of writes.
std::pair<std::string, int> stream(const Table& t, Format f) {
  std::string out;
  int writes = 0;
  TextStreamSink sink(f, [&](std::string_view block) {
    out += block;
    ++writes;
  });
  sink.set_columns(t.columns);
  for (auto row : t.rows) sink.add_row(row);
  sink.meta = t.meta;
  EXPECT_EQ(sink.row_count(), t.rows.size());
  sink.finish();
  return {out, writes};
}

TEST(TextStreamSink, CsvIsWriteCsvByteForByte) {
  for (std::size_t n : {0u, 1u, 7u, 20000u}) {
    const Table t = sample(n);
    std::string whole;
    write_csv(t, whole);
    const auto [streamed, writes] = stream(t, Format::csv);
    EXPECT_EQ(streamed, whole) << n;
    // Large answers go out in several blocks, not as one string at the end.
    if (n == 20000) {
      EXPECT_GT(writes, 5);
    }
  }
}

TEST(TextStreamSink, JsonIsTheSameDocument) {
  for (std::size_t n : {0u, 1u, 7u, 20000u}) {
    const Table t = sample(n);
    const auto [streamed, writes] = stream(t, Format::json);
    const auto parsed = nlohmann::json::parse(streamed);
    EXPECT_EQ(parsed, to_json(t)) << n;
  }
}

TEST(TextStreamSink, AlignedTextCannotStream) {
  EXPECT_THROW(TextStreamSink(Format::table, [](std::string_view) {}), std::logic_error);
}

// A measure with no joint votes (NaN) is "-" in an aligned table, an empty field in
// CSV and null in JSON: never the word "NaN".
TEST(TableRender, NaNIsADashEmptyOrNull) {
  Table t;
  t.columns = {"a", "agree", "n"};
  t.add_row({std::string("USA"), std::numeric_limits<double>::quiet_NaN(), std::int64_t{0}});
  t.add_row({std::string("RUS"), 0.25, std::int64_t{4}});
  const std::string text = render(t, Format::table);
  EXPECT_EQ(text.find("NaN"), std::string::npos) << text;
  EXPECT_NE(text.find(" - "), std::string::npos) << text;
  EXPECT_NE(text.find("0.2500"), std::string::npos) << text;
  EXPECT_EQ(render(t, Format::csv), "a,agree,n\nUSA,,0\nRUS,0.25,4\n");
  EXPECT_TRUE(to_json(t)["rows"][0]["agree"].is_null());
}

}  // namespace
}  // namespace rostrum
