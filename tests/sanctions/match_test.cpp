// Record linkage on small hand-made lists: scores worked out by hand, identifiers,
// dates of birth, blocking and entities.
#include <gtest/gtest.h>

#include <cmath>

#include "sanctions/match.hpp"
#include "sanctions/sanctions_helpers.hpp"

namespace rostrum::sanctions {
namespace {

using namespace rostrum::sanctions::testing;

Dataset dataset(const std::vector<SanctionsList>& lists) {
  Dataset d;
  for (const auto& l : lists) {
    ListRecord r;
    r.key = l.key;
    r.issuer = l.issuer;
    r.name = l.name;
    r.format = l.format;
    r.as_of = l.as_of;
    r.as_of_basis = l.as_of_basis;
    r.entries = static_cast<std::int64_t>(l.entries.size());
    for (const auto& e : l.entries) {
      d.entries.push_back(e);
      d.entry_list.push_back(static_cast<int>(d.lists.size()));
    }
    d.lists.push_back(r);
  }
  return d;
}

int find(const std::vector<Record>& recs, const std::string& issuer, const std::string& key) {
  for (std::size_t i = 0; i < recs.size(); ++i)
    if (recs[i].issuer == issuer && recs[i].key == key) return static_cast<int>(i);
  return -1;
}

TEST(SanctionsMatch, SoftTfIdfByHand) {
  // Three organisation names: "alpha beta" twice and "alpha". Over N = 3 names,
  // idf(alpha) = log(1 + 3/3) = log 2, idf(beta) = log(1 + 3/2) = log 2.5. The
  // unit vector of "alpha beta" gives alpha the weight log 2 / sqrt(log²2 + log²2.5)
  // = 0.60330; "alpha" alone has weight 1. SoftTFIDF both ways = 0.60330; a one-word
  // name inside a longer one counts 0.85 of it: 0.51280.
  auto d =
      dataset({make_list("l1", "US", 0, {{"1", EntryType::organisation, {"ALPHA BETA"}}}),
               make_list("l2", "EU", 0,
                         {{"a", EntryType::organisation, {"Alpha Beta"}}, {"b", EntryType::organisation, {"Alpha"}}})});
  auto recs = build_records(d);
  Matcher m(recs);
  int us = find(recs, "US", "1"), eu_a = find(recs, "EU", "a"), eu_b = find(recs, "EU", "b");
  auto same = m.compare(us, eu_a);
  EXPECT_DOUBLE_EQ(same.name_score, 1.0);
  EXPECT_DOUBLE_EQ(same.score, 1.0);
  auto part = m.compare(us, eu_b);
  double w = std::log(2.0) / std::sqrt(std::log(2.0) * std::log(2.0) + std::log(2.5) * std::log(2.5));
  EXPECT_NEAR(part.name_score, 0.85 * w, 1e-12);
  EXPECT_NEAR(part.name_score, 0.51280, 1e-5);
  EXPECT_NEAR(part.score, part.name_score, 1e-12);  // no other evidence
}

TEST(SanctionsMatch, RenamedVesselMatchesByImo) {
  auto d = dataset({make_list("us", "US", 0,
                              {{"47046", EntryType::vessel, {"NS CREATION"}, {}, {id("imo", "9312896")}},
                               {"1", EntryType::vessel, {"OTHER SHIP"}, {}, {id("imo", "9000001")}}}),
                    make_list("eu", "EU", 0,
                              {{"32014R0833:XLII/26", EntryType::vessel, {"Krasnoyarsk"}, {}, {id("imo", "9312896")}},
                               {"2", EntryType::vessel, {"Other Ship"}, {}, {id("imo", "9000002")}}})});
  auto recs = build_records(d);
  Matcher m(recs);
  auto r = m.compare(find(recs, "US", "47046"), find(recs, "EU", "32014R0833:XLII/26"));
  EXPECT_DOUBLE_EQ(r.name_score, 0.0);
  EXPECT_DOUBLE_EQ(r.score, 0.9);  // 0.9 + 0.1 x name similarity 0
  EXPECT_GE(r.score, kMatchThreshold);
  EXPECT_NE(r.evidence.find("imo 9312896"), std::string::npos);
  // Same name, different IMO numbers: two ships.
  auto other = m.compare(find(recs, "US", "1"), find(recs, "EU", "2"));
  EXPECT_DOUBLE_EQ(other.name_score, 1.0);
  EXPECT_NEAR(other.score, 0.6, 1e-12);  // 1.0 - 0.40 for the conflicting IMO
  EXPECT_NE(other.evidence.find("imo differs"), std::string::npos);
  // Blocking pairs the renamed vessel by its IMO although no word is shared.
  auto all = m.match({find(recs, "US", "47046"), find(recs, "US", "1")},
                     {find(recs, "EU", "32014R0833:XLII/26"), find(recs, "EU", "2")}, kMatchThreshold);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(recs[static_cast<std::size_t>(all[0].b)].key, "32014R0833:XLII/26");
}

TEST(SanctionsMatch, DatesOfBirthNationalityAndType) {
  auto d = dataset(
      {make_list("us", "US", 0,
                 {{"p1", EntryType::person, {"KANG, Ryong"}, {}, {id("dob", "1968-08-21"), id("nationality", "PRK")}},
                  {"p2", EntryType::person, {"KIM, Chol"}, {}, {id("dob", "1960-01-01")}},
                  {"p3", EntryType::person, {"LEE, Min"}, {}, {id("dob", "1970"), id("nationality", "KOR")}},
                  {"o1", EntryType::organisation, {"KANG RYONG"}}}),
       make_list("eu", "EU", 0,
                 {{"q1", EntryType::person, {"Kang Ryong"}, {}, {id("dob", "1968-08-21"), id("nationality", "PRK")}},
                  {"q2", EntryType::person, {"Kim Chol"}, {}, {id("dob", "1975-05-05")}},
                  {"q3", EntryType::person, {"Lee Min"}, {}, {id("dob", "1970-06-01"), id("nationality", "JPN")}},
                  {"q4", EntryType::person, {"Kim Chol"}, {}, {id("dob", "1961-01-01")}}})});
  auto recs = build_records(d);
  Matcher m(recs);
  // Exact date of birth and nationality agree: 1.0 + 0.10 + 0.02, clipped to 1.
  auto exact = m.compare(find(recs, "US", "p1"), find(recs, "EU", "q1"));
  EXPECT_DOUBLE_EQ(exact.score, 1.0);
  EXPECT_NE(exact.evidence.find("dob 1968-08-21"), std::string::npos);
  // Dates of birth fourteen years apart: 1.0 - 0.30.
  auto far = m.compare(find(recs, "US", "p2"), find(recs, "EU", "q2"));
  EXPECT_NEAR(far.score, 0.70, 1e-12);
  EXPECT_NE(far.evidence.find("dob differs"), std::string::npos);
  // A year and a day within it agree partially (+0.04); nationalities differ (-0.08).
  auto partial = m.compare(find(recs, "US", "p3"), find(recs, "EU", "q3"));
  EXPECT_NEAR(partial.score, 0.96, 1e-12);
  // One field of the date differs (a likely typing error): no penalty.
  auto close = m.compare(find(recs, "US", "p2"), find(recs, "EU", "q4"));
  EXPECT_NEAR(close.score, 1.0, 1e-12);
  EXPECT_NE(close.evidence.find("dob close"), std::string::npos);
  // A person never matches an organisation.
  EXPECT_DOUBLE_EQ(m.compare(find(recs, "US", "o1"), find(recs, "EU", "q1")).score, 0.0);
}

TEST(SanctionsMatch, IdentifierFamiliesAndConflicts) {
  auto d = dataset(
      {make_list("us", "US", 0,
                 {{"a", EntryType::organisation, {"LLC DRAKE"}, {}, {id("tax_id", "1646047020", "RUS")}},
                  {"b", EntryType::organisation, {"JSC NPZ"}, {}, {id("tax_id", "5445115799", "RUS")}}}),
       make_list(
           "eu", "EU", 0,
           {{"x", EntryType::organisation, {"LIMITED LIABILITY COMPANY DRAKE"}, {}, {id("registration", "1646047020")}},
            {"y", EntryType::organisation, {"AO NPZ"}, {}, {id("tax_id", "5402534361")}}})});
  auto recs = build_records(d);
  Matcher m(recs);
  // The EU's registration number is OFAC's tax number: one family of company numbers.
  auto drake = m.compare(find(recs, "US", "a"), find(recs, "EU", "x"));
  EXPECT_DOUBLE_EQ(drake.score, 1.0);
  EXPECT_NE(drake.evidence.find("tax_id 1646047020 (registration in b)"), std::string::npos);
  // Same short name, different tax numbers (the unstated country is no conflict in itself).
  auto npz = m.compare(find(recs, "US", "b"), find(recs, "EU", "y"));
  EXPECT_NEAR(npz.score, 0.6, 1e-12);
  EXPECT_NE(npz.evidence.find("tax_id differs"), std::string::npos);
}

TEST(SanctionsMatch, BlockingAndEntities) {
  auto d = dataset({make_list("us", "US", 0,
                              {{"1", EntryType::organisation, {"ROSOBORONEXPORT"}},
                               {"2", EntryType::organisation, {"SOVCOMFLOT"}},
                               {"3", EntryType::organisation, {"UNRELATED TRADING"}}}),
                    make_list("eu", "EU", 0,
                              {{"a", EntryType::organisation, {"JSC Rosoboronexport"}},
                               {"b", EntryType::organisation, {"PAO Sovcomflot"}}}),
                    make_list("un", "UN", 0, {{"u", EntryType::organisation, {"ROSOBORONEXPORT OAO"}}})});
  auto recs = build_records(d);
  Matcher m(recs);
  int r1 = find(recs, "US", "1"), r3 = find(recs, "US", "3"), ra = find(recs, "EU", "a"), ru = find(recs, "UN", "u");
  EXPECT_TRUE(m.blocked_together(r1, ra));
  EXPECT_FALSE(m.blocked_together(r3, ra));  // no word in common
  auto ent = cluster_records(m, kMatchThreshold);
  EXPECT_EQ(ent[static_cast<std::size_t>(r1)], ent[static_cast<std::size_t>(ra)]);
  EXPECT_EQ(ent[static_cast<std::size_t>(r1)], ent[static_cast<std::size_t>(ru)]);
  EXPECT_EQ(ent[static_cast<std::size_t>(find(recs, "US", "2"))], ent[static_cast<std::size_t>(find(recs, "EU", "b"))]);
  EXPECT_NE(ent[static_cast<std::size_t>(r3)], ent[static_cast<std::size_t>(r1)]);
  int entities = *std::max_element(ent.begin(), ent.end()) + 1;
  EXPECT_EQ(entities, 3);
}

TEST(SanctionsMatch, OneDesignationAcrossAnIssuersLists) {
  // The same OFAC ent_num in an older SDN snapshot and in the history is one
  // designation: names are pooled, the newest list's primary name leads.
  auto d = dataset(
      {make_list("ofac-sdn-history", "US", make_date(2024, 5, 3),
                 {{"100", EntryType::vessel, {"NEW NAME"}, {}, {}, {listed(make_date(2021, 8, 18), 0)}}}),
       make_list("ofac-sdn", "US", make_date(2019, 1, 31), {{"100", EntryType::vessel, {"OLD NAME", "ALIAS"}}})});
  auto recs = build_records(d);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].name(), "NEW NAME");
  EXPECT_EQ(recs[0].names.size(), 3u);
  EXPECT_EQ(recs[0].entries.size(), 2u);
  // Listed on or before the earliest dated snapshot holding it.
  EXPECT_EQ(recs[0].listed, make_date(2019, 1, 31));
  EXPECT_EQ(recs[0].listed_lo, 0);
}

}  // namespace
}  // namespace rostrum::sanctions
