// The RFC 4180 reader: fields, quoting, line ends, and the line/column of every
// field and every error.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/csv.hpp"

namespace rostrum::io {
namespace {

struct Row {
  std::uint64_t line;
  std::vector<std::string> fields;
  std::vector<std::uint64_t> columns;
  std::vector<std::uint64_t> lines;
};

std::vector<Row> read_all(std::string_view data, char sep = ',') {
  CsvReader reader("t.csv", data, sep);
  CsvRecord rec;
  std::vector<Row> rows;
  while (reader.next(rec)) {
    Row r{rec.line, {}, rec.columns, rec.lines};
    for (auto f : rec.fields) r.fields.emplace_back(f);
    EXPECT_EQ(rec.fields.size(), rec.columns.size());
    EXPECT_EQ(rec.fields.size(), rec.lines.size());
    rows.push_back(std::move(r));
  }
  return rows;
}

// Runs the reader to the end and returns the error it throws.
InputError error_of(std::string_view data) {
  CsvReader reader("bad.csv", data);
  CsvRecord rec;
  try {
    while (reader.next(rec)) {
    }
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for input: " << data;
  return InputError("none", 0, 0, "none");
}

using Fields = std::vector<std::string>;

TEST(Csv, PlainFieldsAndColumns) {
  auto rows = read_all("a,bb,ccc\n1,22,333\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "bb", "ccc"}));
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[0].columns, (std::vector<std::uint64_t>{1, 3, 6}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "22", "333"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].columns, (std::vector<std::uint64_t>{1, 3, 6}));
}

TEST(Csv, LastLineWithoutNewline) {
  auto rows = read_all("a,b\nc,d");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(rows[1].line, 2u);
}

TEST(Csv, EmptyFields) {
  auto rows = read_all("a,,c\n,\n\"\",x,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"", ""}));
  EXPECT_EQ(rows[2].fields, (Fields{"", "x", ""}));
  EXPECT_EQ(rows[2].columns, (std::vector<std::uint64_t>{1, 4, 6}));
}

TEST(Csv, QuotedFieldsWithSeparators) {
  auto rows = read_all("\"a,b\",c,\"d, e, f\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"a,b", "c", "d, e, f"}));
  // The column of a quoted field is that of its opening quote.
  EXPECT_EQ(rows[0].columns, (std::vector<std::uint64_t>{1, 7, 9}));
}

TEST(Csv, DoubledQuotesAreUnescaped) {
  auto rows = read_all("\"he said \"\"hi\"\"\",\"\"\"\",\"a\"\"b\"\"c\",plain\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"he said \"hi\"", "\"", "a\"b\"c", "plain"}));
}

TEST(Csv, ManyEscapedFieldsInOneRecordStayValid) {
  // Each escaped field is stored separately; earlier views must survive later ones.
  std::string line;
  for (int i = 0; i < 200; ++i) line += (i ? "," : "") + std::string("\"x\"\"") + std::to_string(i) + "\"";
  line += "\n";
  CsvReader reader("t.csv", line);
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec));
  ASSERT_EQ(rec.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(rec.fields[i], "x\"" + std::to_string(i)) << i;
}

TEST(Csv, EmbeddedNewlinesKeepLineNumbersRight) {
  const std::string data =
      "h1,h2,h3\n"                       // line 1
      "1,\"two\nlines\",x\n"             // lines 2-3
      "2,\"three\n\nlines\",\"q\nr\"\n"  // lines 4-7
      "3,c,\"last\"\n";                  // line 8
  auto rows = read_all(data);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "two\nlines", "x"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].lines, (std::vector<std::uint64_t>{2, 2, 3}));
  EXPECT_EQ(rows[1].columns[2], 8u);  // after `lines",` on line 3
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[2].fields[1], "three\n\nlines");
  EXPECT_EQ(rows[2].fields[2], "q\nr");
  EXPECT_EQ(rows[2].lines, (std::vector<std::uint64_t>{4, 4, 6}));
  EXPECT_EQ(rows[3].line, 8u);
  EXPECT_EQ(rows[3].lines, (std::vector<std::uint64_t>{8, 8, 8}));
}

TEST(Csv, ErrorAfterEmbeddedNewlineNamesThePhysicalLine) {
  // A stray quote on the record after a multi-line field: line 4, not 3.
  auto e = error_of("h\n\"a\nb\"\nxy\"z\n");
  EXPECT_EQ(e.line(), 4u);
  EXPECT_EQ(e.column(), 3u);
}

TEST(Csv, Crlf) {
  auto rows = read_all("a,b\r\n\"c\r\nd\",e\r\nf,\"g\"\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(rows[1].fields, (Fields{"c\r\nd", "e"}));  // inside quotes, bytes are kept
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].fields, (Fields{"f", "g"}));
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[2].columns, (std::vector<std::uint64_t>{1, 3}));
}

TEST(Csv, ByteOrderMarkIsSkippedAndColumnsStartAtOne) {
  auto rows = read_all("\xEF\xBB\xBFrcid,vote\n1,yes\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"rcid", "vote"}));
  EXPECT_EQ(rows[0].columns, (std::vector<std::uint64_t>{1, 6}));
  EXPECT_EQ(rows[1].line, 2u);
}

TEST(Csv, ByteOrderMarkBeforeQuotedHeader) {
  auto rows = read_all("\xEF\xBB\xBF\"rcid\",\"vote\"\r\n1,yes\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"rcid", "vote"}));
  EXPECT_EQ(rows[0].columns[0], 1u);
}

TEST(Csv, ByteOrderMarkOnlyWhenAtTheStart) {
  auto rows = read_all(
      "a\n\xEF\xBB\xBF"
      "b\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields[0],
            "\xEF\xBB\xBF"
            "b");
}

TEST(Csv, BlankLinesAreSkippedButCounted) {
  auto rows = read_all("\n\na,b\n\n\r\n\nc,d\n\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 3u);
  EXPECT_EQ(rows[1].line, 7u);
  EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
}

TEST(Csv, EmptyInputAndOnlyBlankLines) {
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\n\r\n\n").empty());
  EXPECT_TRUE(read_all("\xEF\xBB\xBF").empty());
}

TEST(Csv, OtherSeparator) {
  auto rows = read_all("a;\"b;c\";d\n", ';');
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b;c", "d"}));
}

TEST(Csv, UnterminatedQuoteNamesWhereTheFieldOpened) {
  auto e = error_of("a,b\nc,\"xyz\nmore\n");
  EXPECT_EQ(e.file(), "bad.csv");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 3u);
  EXPECT_NE(std::string(e.what()).find("bad.csv:2:3:"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("unterminated"), std::string::npos) << e.what();
}

TEST(Csv, UnterminatedQuoteAfterEscapedQuote) {
  auto e = error_of("x\n\"a\"\"");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 1u);
}

TEST(Csv, StrayQuoteInUnquotedField) {
  auto e = error_of("a,b\ncd,e\"f\n");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 5u);
  EXPECT_NE(std::string(e.what()).find("bad.csv:2:5:"), std::string::npos) << e.what();
}

TEST(Csv, CharacterAfterClosingQuote) {
  auto e = error_of("h\n\"ab\"c,d\n");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 5u);
}

TEST(Csv, StrayQuoteAfterBomCountsColumnsFromTheFirstCharacter) {
  auto e = error_of(
      "\xEF\xBB\xBF"
      "ab\"c\n");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 3u);
}

TEST(Csv, FindColumnIgnoresCaseAndSpaces) {
  CsvReader reader("t.csv", "Council, Date ,TOKEN,x\n");
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec));
  EXPECT_EQ(find_column(rec, "council"), 0);
  EXPECT_EQ(find_column(rec, "DATE"), 1);
  EXPECT_EQ(find_column(rec, "token"), 2);
  EXPECT_EQ(find_column(rec, "missing"), -1);
  EXPECT_EQ(find_column(rec, "Dat"), -1);
}

TEST(Csv, OffsetReachesSize) {
  std::string data = "a,b\nc,d\n";
  CsvReader reader("t.csv", data);
  CsvRecord rec;
  while (reader.next(rec)) {
  }
  EXPECT_EQ(reader.offset(), reader.size());
  EXPECT_EQ(reader.size(), data.size());
}

}  // namespace
}  // namespace rostrum::io
