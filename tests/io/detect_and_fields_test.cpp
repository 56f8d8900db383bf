// Format detection, import_path dispatch, and the field parsers the importers
// share (dates, counts, flags, session symbols).
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/import.hpp"
#include "io/import_common.hpp"
#include "io/io_helpers.hpp"
#include "support/test_support.hpp"

namespace rostrum::io {
namespace {

using rostrum::testing::TempDir;
using namespace rostrum::io::testing;

TEST(Detect, EachLayout) {
  TempDir tmp;
  EXPECT_EQ(detect_format(tmp.write("a.csv", "undl_id,ms_code,ms_vote,date\n")), "undl");
  EXPECT_EQ(detect_format(tmp.write("b.csv", "undl_id,MS_CODES,ms_votes\n")), "undl");
  EXPECT_EQ(detect_format(tmp.write("c.csv",
                                    "\xEF\xBB\xBF"
                                    "Council,Date,Title,Resolution,token,USSR\n")),
            "wide");
  EXPECT_EQ(detect_format(tmp.write("d.csv", "\"rcid\",\"ccode\",\"vote\"\n")), "voeten");
  tmp.write("dir/un_votes.csv.gz", "");
  EXPECT_EQ(detect_format((tmp.path() / "dir").string()), "unvotes");
}

TEST(Detect, Failures) {
  TempDir tmp;
  auto e = input_error([&] { detect_format(tmp.write("x.csv", "a,b,c\n1,2,3\n")); });
  EXPECT_AT(e, "x.csv", 1, 1);
  e = input_error([&] { detect_format((tmp.path() / "missing.csv").string()); });
  EXPECT_EQ(e.line(), 0u);
  std::filesystem::create_directory(tmp.path() / "emptydir");
  e = input_error([&] { detect_format((tmp.path() / "emptydir").string()); });
  EXPECT_NE(std::string(e.what()).find("un_votes.csv"), std::string::npos) << e.what();
  // A quoting error in the header is reported as such.
  e = input_error([&] { detect_format(tmp.write("q.csv", "a,\"b\n")); });
  EXPECT_AT(e, "q.csv", 1, 3);
}

TEST(Detect, ForcedFormat) {
  TempDir tmp;
  auto p = tmp.write("x.csv", "rcid,ccode,vote,session,date\n1,2,1,5,1950-01-01\n");
  EXPECT_EQ(import_path(p, "voeten").votes.size(), 1u);
  // Forcing the wrong format gives that format's header error.
  EXPECT_AT(input_error([&] { import_path(p, "undl"); }), "x.csv", 1, 1);
  EXPECT_THROW(import_path(p, "bogus"), UsageError);
}

TEST(Fields, ParseDate) {
  EXPECT_EQ(parse_date("2019-12-31"), make_date(2019, 12, 31));
  EXPECT_EQ(parse_date("2019/12/31"), make_date(2019, 12, 31));
  EXPECT_EQ(parse_date("2019-12-31T10:00:00Z"), make_date(2019, 12, 31));
  EXPECT_EQ(parse_date("2000-02-29"), make_date(2000, 2, 29));
  EXPECT_EQ(parse_date("2004-02-29"), make_date(2004, 2, 29));
  for (const char* bad : {"1900-02-29", "2019-02-29", "2019-04-31", "2019-00-10", "2019-13-01", "2019-01-00",
                          "2019-01-32", "2019-1-01", "2019/01-01", "2019-01/01", "+019-01-01", "2019-+1-01",
                          "2019-01- 1", "", "2019", "abcd-ef-gh", "1799-12-31", "2201-01-01", "2019-12-31x"})
    EXPECT_FALSE(parse_date(bad).has_value()) << bad;
  EXPECT_EQ(parse_date_bound("1990", false), make_date(1990, 1, 1));
  EXPECT_EQ(parse_date_bound("1990", true), make_date(1990, 12, 31));
  EXPECT_EQ(format_date(make_date(1946, 1, 2)), "1946-01-02");
  EXPECT_EQ(format_date(0), "");
  // Round trip over every day of four years, leap years included.
  int n = 0;
  for (int y = 1999; y <= 2002; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= 31; ++d) {
        auto parsed = parse_date(format_date(make_date(y, m, d)));
        if (parsed) {
          EXPECT_EQ(*parsed, make_date(y, m, d));
          ++n;
        }
      }
  EXPECT_EQ(n, 365 * 3 + 366);
}

TEST(Fields, SessionFromSymbol) {
  using detail::session_from_symbol;
  EXPECT_EQ(session_from_symbol("A/RES/74/10").session, 74);
  EXPECT_EQ(session_from_symbol("A/RES/74/10").label, "74");
  EXPECT_EQ(session_from_symbol("A/DEC/80/506").session, 80);  // a decision adopted by recorded vote
  EXPECT_EQ(session_from_symbol("A/RES/80/84 A").session, 80);
  EXPECT_EQ(session_from_symbol("A/RES/1514(XV)").session, 15);
  EXPECT_EQ(session_from_symbol("A/RES/2758(XXVI)").session, 26);
  EXPECT_EQ(session_from_symbol("A/RES/3379(XXX)").session, 30);
  EXPECT_EQ(session_from_symbol("A/RES/44/240").session, 44);
  EXPECT_EQ(session_from_symbol("A/RES/ES-11/1").session, 0);
  EXPECT_EQ(session_from_symbol("A/RES/ES-11/1").label, "ES-11");
  EXPECT_EQ(session_from_symbol("A/RES/ES-10/14").label, "ES-10");
  EXPECT_EQ(session_from_symbol("A/RES/S-26/2").label, "S-26");
  EXPECT_EQ(session_from_symbol("A/RES/S-26/2").session, 0);
  EXPECT_EQ(session_from_symbol("A/RES/377(V)").session, 5);
  EXPECT_EQ(session_from_symbol("A/RES/1001(ES-I)").label, "ES-1");
  EXPECT_EQ(session_from_symbol("A/RES/1001(ES-I)").session, 0);
  EXPECT_EQ(session_from_symbol("A/RES/106(S-1)").label, "S-1");  // digits, as in the 2022 scrape
  EXPECT_EQ(session_from_symbol("A/RES/189(S-2)").session, 0);
  EXPECT_EQ(session_from_symbol("A/RES/189(S-2)").label, "S-2");
  EXPECT_EQ(session_from_symbol("A/RES/1(ES-2x)").label, "");
  EXPECT_EQ(session_from_symbol("A/RES/1(12)").label, "");  // a bare number in brackets is no session
  EXPECT_EQ(session_from_symbol("S/RES/2334(2016)").label, "");
  EXPECT_EQ(session_from_symbol("").label, "");
  EXPECT_EQ(session_from_symbol("A/RES/").label, "");
  EXPECT_EQ(session_from_symbol("A/RES/(Q)").label, "");
  EXPECT_EQ(roman_to_int("XIV"), 14);
  EXPECT_EQ(roman_to_int("XL"), 40);
  EXPECT_EQ(roman_to_int("ABC"), 0);
}

TEST(Fields, SourceStem) {
  EXPECT_EQ(detail::source_stem("/x/unvotes-0.3.0"), "unvotes-0.3.0");
  EXPECT_EQ(detail::source_stem("/x/unvotes-0.3.0/"), "unvotes-0.3.0");
  EXPECT_EQ(detail::source_stem("/x/un_data_wide.csv.gz"), "un_data_wide");
  EXPECT_EQ(detail::source_stem("a.csv"), "a");
}

}  // namespace
}  // namespace rostrum::io
