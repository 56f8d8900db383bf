// The UN Digital Library bulk CSV importer on small files in both header layouts.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "core/error.hpp"
#include "io/import.hpp"
#include "io/io_helpers.hpp"
#include "registry/registry.hpp"
#include "support/test_support.hpp"

namespace rostrum::io {
namespace {

using rostrum::testing::TempDir;
using namespace rostrum::io::testing;

std::string iso(int country) { return std::string(registry::countries()[country].iso3); }

const std::string kSingular =
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,"
    "subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n";
// Same columns under the 2024 data dictionary's plural names, in another order,
// with a modality column and without vote_note.
const std::string kPlural =
    "undl_id,date,session,resolutions,ms_codes,ms_names,ms_votes,modality,draft,committee_report,meeting,title,"
    "agenda_title,subjects,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n";

struct Row {
  std::string id, code, name, vote, date, session, res, title, subjects, ty, tn, ta, tx;
};

std::string singular_row(const Row& r) {
  return r.id + "," + r.code + ",\"" + r.name + "\"," + r.vote + "," + r.date + "," + r.session + "," + r.res +
         ",A/74/L.1,,A/74/PV.5,\"" + r.title + "\",\"agenda, item\",\"" + r.subjects + "\",," + r.ty + "," + r.tn +
         "," + r.ta + "," + r.tx + ",193,https://digitallibrary.un.org/record/" + r.id + "\n";
}
std::string plural_row(const Row& r) {
  return r.id + "," + r.date + "," + r.session + "," + r.res + "," + r.code + ",\"" + r.name + "\"," + r.vote +
         ",Recorded vote,A/74/L.1,,A/74/PV.5,\"" + r.title + "\",\"agenda, item\",\"" + r.subjects + "\"," + r.ty +
         "," + r.tn + "," + r.ta + "," + r.tx + ",193,https://digitallibrary.un.org/record/" + r.id + "\n";
}

// Three roll calls: a regular GA session with float totals and '--' subjects, an
// emergency special session (ES-11) and a Security Council resolution.
std::vector<Row> sample_rows() {
  std::vector<Row> rows;
  auto ga = [&](const std::string& code, const std::string& name, const std::string& vote) {
    rows.push_back({"1001", code, name, vote, "2019-10-30", "74", "A/RES/74/7", "Cuba embargo",
                    "CUBA--EMBARGO|SANCTIONS", "2.0", "1.0", "1.0", "1.0"});
  };
  ga("USA", "UNITED STATES", "N");
  ga("CHN", "CHINA", "Y");
  ga("RUS", "RUSSIAN FEDERATION", "Y");
  ga("GBR", "UNITED KINGDOM", "A");
  ga("VEN", "VENEZUELA (BOLIVARIAN REPUBLIC OF)", "X");
  ga("SSD", "SOUTH SUDAN", "");  // not a member on that date: no vote
  auto es = [&](const std::string& code, const std::string& name, const std::string& vote) {
    rows.push_back({"2002", code, name, vote, "2022-03-02", "ES-11", "A/RES/ES-11/1", "Aggression against Ukraine",
                    "UKRAINE--ARMED CONFLICT", "2.0", "1.0", "0.0", "0.0"});
  };
  es("UKR", "UKRAINE", "Y");
  es("DEU", "GERMANY", "Y");
  es("RUS", "RUSSIAN FEDERATION", "N");
  auto sc = [&](const std::string& code, const std::string& name, const std::string& vote) {
    rows.push_back(
        {"3003", code, name, vote, "2016-12-23", "71", "S/RES/2334(2016)", "Settlements", "", "2", "0", "1", ""});
  };
  sc("USA", "UNITED STATES", "A");
  sc("FRA", "FRANCE", "Y");
  sc("EGY", "EGYPT", "Y");
  return rows;
}

std::string sample(bool plural) {
  std::string s = plural ? kPlural : kSingular;
  for (const auto& r : sample_rows()) s += plural ? plural_row(r) : singular_row(r);
  return s;
}

const ImportedRollCall& by_key(const ImportBatch& b, const std::string& key) {
  for (const auto& rc : b.rollcalls)
    if (rc.info.key == key) return rc;
  throw std::runtime_error("no roll call " + key);
}

void check_sample(const ImportBatch& b) {
  EXPECT_EQ(b.format, "undl");
  ASSERT_EQ(b.rollcalls.size(), 3u);
  ASSERT_EQ(b.votes.size(), 11u);  // 12 rows, one empty vote

  const auto& ga = by_key(b, "1001");
  EXPECT_EQ(ga.info.body, Body::GeneralAssembly);
  EXPECT_EQ(ga.info.session, 74);
  EXPECT_EQ(ga.info.session_label, "74");
  EXPECT_EQ(ga.info.date, make_date(2019, 10, 30));
  EXPECT_EQ(ga.info.symbol, "A/RES/74/7");
  EXPECT_EQ(ga.info.title, "Cuba embargo");
  EXPECT_EQ(ga.info.description, "agenda, item");
  EXPECT_EQ(ga.info.subjects, "CUBA|EMBARGO|SANCTIONS");
  ASSERT_TRUE(ga.totals.has_value());
  EXPECT_EQ(ga.totals->yes, 2);
  EXPECT_EQ(ga.totals->no, 1);
  EXPECT_EQ(ga.totals->abstain, 1);
  EXPECT_EQ(ga.totals->nonvoting, 1);
  EXPECT_EQ(ga.link, "https://digitallibrary.un.org/record/1001");

  const auto& es = by_key(b, "2002");
  EXPECT_EQ(es.info.body, Body::GeneralAssembly);
  EXPECT_EQ(es.info.session, 0);
  EXPECT_EQ(es.info.session_label, "ES-11");
  EXPECT_EQ(es.info.symbol, "A/RES/ES-11/1");
  EXPECT_EQ(es.info.subjects, "UKRAINE|ARMED CONFLICT");

  const auto& sc = by_key(b, "3003");
  EXPECT_EQ(sc.info.body, Body::SecurityCouncil);
  EXPECT_EQ(sc.info.session_label, "2016");
  EXPECT_FALSE(sc.totals.has_value());  // total_non_voting is empty

  std::set<std::tuple<std::string, std::string, Vote>> got,
      want = {
          {"1001", "USA", Vote::No},      {"1001", "CHN", Vote::Yes},       {"1001", "RUS", Vote::Yes},
          {"1001", "GBR", Vote::Abstain}, {"1001", "VEN", Vote::NonVoting}, {"2002", "UKR", Vote::Yes},
          {"2002", "DEU", Vote::Yes},     {"2002", "RUS", Vote::No},        {"3003", "USA", Vote::Abstain},
          {"3003", "FRA", Vote::Yes},     {"3003", "EGY", Vote::Yes},
      };
  for (const auto& v : b.votes) got.emplace(b.rollcalls.at(v.rollcall).info.key, iso(v.country), v.vote);
  EXPECT_EQ(got, want);
  // The GA and ES totals match the counted votes: no warning.
  EXPECT_EQ(b.warnings.total(), 0) << (b.warnings.by_kind.empty() ? "" : b.warnings.by_kind.begin()->first);
}

TEST(ImportUndl, SingularHeaders) {
  TempDir tmp;
  auto p = tmp.write("undl_ga.csv", sample(false));
  EXPECT_EQ(detect_format(p), "undl");
  ImportBatch b = import_undl(p);
  EXPECT_EQ(b.source_name, "undl_ga");
  check_sample(b);
}

TEST(ImportUndl, PluralHeaders) {
  TempDir tmp;
  auto p = tmp.write("undl_plural.csv", sample(true));
  EXPECT_EQ(detect_format(p), "undl");
  check_sample(import_path(p, ""));
}

TEST(ImportUndl, GzipWithBomAndCrlf) {
  TempDir tmp;
  std::string s = "\xEF\xBB\xBF", plain = sample(false);
  for (char c : plain) {
    if (c == '\n') s += '\r';
    s += c;
  }
  auto p = (tmp.path() / "undl.csv.gz").string();
  write_gz_file(p, s);
  EXPECT_EQ(detect_format(p), "undl");
  ImportBatch b = import_path(p, "");
  EXPECT_EQ(b.source_name, "undl");
  check_sample(b);
}

TEST(ImportUndl, TotalsThatDisagreeAreAWarning) {
  TempDir tmp;
  Row r{"1", "USA", "UNITED STATES", "Y", "2019-10-30", "74", "A/RES/74/1", "t", "", "5.0", "0.0", "0.0", "0.0"};
  auto p = tmp.write("u.csv", kSingular + singular_row(r));
  ImportBatch b = import_undl(p);
  EXPECT_EQ(b.warnings.total(), 1);
}

TEST(ImportUndl, SessionAsFloat) {
  TempDir tmp;
  Row r{"1", "USA", "UNITED STATES", "Y", "2019-10-30", "74.0", "A/RES/74/1", "t", "", "1", "0", "0", "0"};
  ImportBatch b = import_undl(tmp.write("u.csv", kSingular + singular_row(r)));
  EXPECT_EQ(b.rollcalls.at(0).info.session, 74);
}

TEST(ImportUndl, CountryByNameWhenCodeEmpty) {
  TempDir tmp;
  Row r{"1", "", "USSR", "Y", "1960-10-30", "15", "A/RES/1514(XV)", "t", "", "", "", "", ""};
  ImportBatch b = import_undl(tmp.write("u.csv", kSingular + singular_row(r)));
  ASSERT_EQ(b.votes.size(), 1u);
  EXPECT_EQ(iso(b.votes[0].country), "SUN");
}

// ---- malformed input -------------------------------------------------------

// The file: header + sample rows (13 lines) + `bad` at line 14.
std::string with_bad_row(const Row& bad) { return sample(false) + singular_row(bad); }
Row base_row() {
  return {"4004", "FRA", "FRANCE", "Y", "2019-12-01", "74", "A/RES/74/99", "t", "", "1.0", "0.0", "0.0", "0.0"};
}
// Column where field `index` of singular_row(r) starts.
std::uint64_t column_of(const Row& r, int index) {
  std::string line = singular_row(r);
  std::uint64_t col = 1;
  bool quoted = false;
  int field = 0;
  for (std::size_t i = 0; i < line.size() && field < index; ++i) {
    if (line[i] == '"')
      quoted = !quoted;
    else if (line[i] == ',' && !quoted) {
      ++field;
      col = i + 2;
    }
  }
  return col;
}

TEST(ImportUndl, MissingColumn) {
  TempDir tmp;
  std::string header = kSingular;
  header.replace(header.find("ms_vote"), 7, "ms_ballot");
  auto p = tmp.write("u.csv", header + singular_row(base_row()));
  auto e = input_error([&] { import_undl(p); });
  EXPECT_AT(e, "u.csv", 1, 1);
  EXPECT_NE(std::string(e.what()).find("ms_vote"), std::string::npos) << e.what();
  // Without ms_vote the header is not recognised at all.
  EXPECT_THROW(detect_format(p), InputError);
}

TEST(ImportUndl, ShortRow) {
  TempDir tmp;
  auto p = tmp.write("u.csv", sample(false) + "4004,FRA,\"FRANCE\"\n");
  auto e = input_error([&] { import_undl(p); });
  EXPECT_AT(e, "u.csv", 14, 10);
  EXPECT_NE(std::string(e.what()).find("row has 3 fields"), std::string::npos) << e.what();
}

TEST(ImportUndl, BadDate) {
  TempDir tmp;
  Row r = base_row();
  r.date = "2019-13-01";
  auto p = tmp.write("u.csv", with_bad_row(r));
  EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 14, column_of(r, 4));
}

TEST(ImportUndl, BadSession) {
  TempDir tmp;
  for (std::string s : {"seventy", "74.5", "", "0", "E-11"}) {
    Row r = base_row();
    r.session = s;
    auto p = tmp.write("u.csv", with_bad_row(r));
    EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 14, column_of(r, 5));
  }
}

TEST(ImportUndl, BadTotal) {
  TempDir tmp;
  Row r = base_row();
  r.tn = "1.5";
  auto p = tmp.write("u.csv", with_bad_row(r));
  EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 14, column_of(r, 15));
  r.tn = "-1";
  p = tmp.write("u.csv", with_bad_row(r));
  EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 14, column_of(r, 15));
}

TEST(ImportUndl, UnknownVoteValue) {
  TempDir tmp;
  for (std::string v : {"YES", "y", "Q", "1"}) {
    Row r = base_row();
    r.vote = v;
    auto p = tmp.write("u.csv", with_bad_row(r));
    auto e = input_error([&] { import_undl(p); });
    EXPECT_AT(e, "u.csv", 14, column_of(r, 3));
    EXPECT_NE(std::string(e.what()).find("'" + v + "'"), std::string::npos) << e.what();
  }
}

TEST(ImportUndl, UnknownCountry) {
  TempDir tmp;
  Row r = base_row();
  r.code = "ZZZ";
  r.name = "NOWHERE";
  auto p = tmp.write("u.csv", with_bad_row(r));
  auto e = input_error([&] { import_undl(p); });
  EXPECT_AT(e, "u.csv", 14, column_of(r, 1));
  EXPECT_NE(std::string(e.what()).find("ZZZ"), std::string::npos) << e.what();
  // With no code at all the name column is named.
  r.code = "";
  p = tmp.write("u.csv", with_bad_row(r));
  EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 14, column_of(r, 2));
}

TEST(ImportUndl, DuplicateVote) {
  TempDir tmp;
  Row r = base_row();
  r.id = "1001";  // FRA has no vote on 1001 yet: the first row is fine
  std::string s = sample(false) + singular_row(r);
  r.vote = "N";
  s += singular_row(r);
  auto p = tmp.write("u.csv", s);
  auto e = input_error([&] { import_undl(p); });
  EXPECT_AT(e, "u.csv", 15, column_of(r, 1));
  EXPECT_NE(std::string(e.what()).find("duplicate"), std::string::npos) << e.what();
}

TEST(ImportUndl, EmptyId) {
  TempDir tmp;
  Row r = base_row();
  r.id = "";
  auto p = tmp.write("u.csv", with_bad_row(r));
  EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 14, 1);
}

TEST(ImportUndl, EmptyFile) {
  TempDir tmp;
  auto p = tmp.write("u.csv", "");
  EXPECT_AT(input_error([&] { import_undl(p); }), "u.csv", 1, 1);
  EXPECT_AT(input_error([&] { detect_format(p); }), "u.csv", 1, 1);
}

}  // namespace
}  // namespace rostrum::io
