// Dates, names, identifiers, country labels and OFAC remarks: the parsing rules
// the importers share, on values taken from the real lists.
#include <gtest/gtest.h>

#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/identifiers.hpp"
#include "sanctions/names.hpp"
#include "sanctions/ofac_remarks.hpp"

namespace rostrum::sanctions {
namespace {

TEST(SanctionsDates, EveryShapeOfTheEuJournalAndOfac) {
  EXPECT_EQ(parse_day("12 May 2022"), make_date(2022, 5, 12));
  EXPECT_EQ(parse_day("15.3.2022"), make_date(2022, 3, 15));
  EXPECT_EQ(parse_day("04.03.2020"), make_date(2020, 3, 4));
  EXPECT_EQ(parse_day("2022-03-15"), make_date(2022, 3, 15));
  EXPECT_EQ(parse_day("26 Feb. 2011"), make_date(2011, 2, 26));
  EXPECT_EQ(parse_day("11 Sept. 2018"), make_date(2018, 9, 11));
  EXPECT_EQ(parse_day("08 March 2018"), make_date(2018, 3, 8));
  EXPECT_EQ(parse_day("30 Mar 1989"), make_date(1989, 3, 30));
  EXPECT_EQ(parse_day(" 1 Nov. 2005 "), make_date(2005, 11, 1));
}

TEST(SanctionsDates, RefusesWhatItWouldHaveToGuess) {
  EXPECT_FALSE(parse_day("13.07.23"));   // two-digit year
  EXPECT_FALSE(parse_day("31.2.2022"));  // no such day
  EXPECT_FALSE(parse_day("2022-13-01"));
  EXPECT_FALSE(parse_day("12 Mai 2022"));  // not an English month
  EXPECT_FALSE(parse_day("March 2022"));   // a month is not a day
  EXPECT_FALSE(parse_day(""));
}

TEST(SanctionsDates, DatesOfBirthKeepTheirPrecision) {
  EXPECT_EQ(parse_dob("30 Mar 1989"), "1989-03-30");
  EXPECT_EQ(parse_dob("Mar 1960"), "1960-03");
  EXPECT_EQ(parse_dob("1960"), "1960");
  EXPECT_EQ(parse_dob("circa 1951"), "~1951");
  EXPECT_EQ(parse_dob("1970 circa"), "~1970");
  EXPECT_EQ(parse_dob("1960 to 1962"), "1960..1962");
  EXPECT_EQ(parse_dob("01 Jan 1986 to 31 Dec 1987"), "1986..1987");
  EXPECT_EQ(parse_dob("8 Oct.1970"), "1970-10-08");
  EXPECT_FALSE(parse_dob("Qom"));
  auto r = dob_range("~1951");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lo, make_date(1950, 1, 1));
  EXPECT_EQ(r->hi, make_date(1952, 12, 31));
  r = dob_range("1960-02");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->hi, make_date(1960, 2, 29));  // 1960 is a leap year
  EXPECT_EQ(dob_precision("1989-03-30"), 3);
  EXPECT_EQ(dob_precision("1960..1962"), 0);
}

TEST(SanctionsDates, DaysBetweenByHand) {
  // 24 Feb 2022 to 15 Mar 2022: 4 days left in February, then 15.
  EXPECT_EQ(days_between(make_date(2022, 2, 24), make_date(2022, 3, 15)), 19);
  EXPECT_EQ(days_between(make_date(2022, 3, 15), make_date(2022, 2, 24)), -19);
  EXPECT_EQ(days_between(make_date(2023, 12, 31), make_date(2024, 12, 31)), 366);
  EXPECT_EQ(next_day(make_date(2024, 2, 28)), make_date(2024, 2, 29));
  EXPECT_EQ(next_day(make_date(2023, 12, 31)), make_date(2024, 1, 1));
}

TEST(SanctionsNames, TransliteratesAndFolds) {
  // BGN/PCGN romanisation, as the US and EU lists write Russian names.
  EXPECT_EQ(names::fold("Сергей Валерьевич АКСЁНОВ"), "sergey valeryevich aksenov");
  EXPECT_EQ(names::fold("Forces Démocratiques Alliées"), "forces democratiques alliees");
  EXPECT_EQ(names::fold("美国"), "mei guo");
  EXPECT_EQ(names::fold("Abu Bakar Ba’asyir"), "abu bakar baasyir");
  EXPECT_EQ(names::fold("AL-ZAWAHIRI, Ayman"), "al zawahiri ayman");
  EXPECT_EQ(names::fold("S&P"), "s and p");
  EXPECT_FALSE(names::fold("محمد").empty());
  EXPECT_EQ(names::fold(names::fold("Сергей АКСЁНОВ")), names::fold("Сергей АКСЁНОВ"));
}

TEST(SanctionsNames, LegalFormsDropOnlyForOrganisations) {
  using V = std::vector<std::string>;
  EXPECT_EQ(names::tokens(names::fold("OOO «Совкомфлот»"), EntryType::organisation), V{"sovkomflot"});
  EXPECT_EQ(names::tokens(names::fold("SOVCOMFLOT LLC"), EntryType::organisation), V{"sovcomflot"});
  EXPECT_EQ(names::tokens(names::fold("Public Joint Stock Company Sberbank"), EntryType::organisation), V{"sberbank"});
  EXPECT_EQ(names::tokens(names::fold("PETRO SUISSE INTERTRADE COMPANY S.A."), EntryType::organisation),
            (V{"petro", "suisse", "intertrade"}));
  EXPECT_EQ(names::tokens(names::fold("Aktsionernoe Obshchestvo Almaz"), EntryType::organisation), V{"almaz"});
  // Nothing left but a legal form: the words stay.
  EXPECT_EQ(names::tokens("ooo", EntryType::organisation), V{"ooo"});
  // A person named "Ao" keeps the word.
  EXPECT_EQ(names::tokens("ao li", EntryType::person), (V{"ao", "li"}));
}

TEST(SanctionsNames, JaroWinklerPublishedValues) {
  // Winkler (1990) / the usual worked examples: MARTHA-MARHTA 0.961,
  // DWAYNE-DUANE 0.840, DIXON-DICKSONX 0.813.
  EXPECT_NEAR(names::jaro_winkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(names::jaro_winkler("dwayne", "duane"), 0.8400, 1e-4);
  EXPECT_NEAR(names::jaro_winkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_EQ(names::jaro_winkler("abc", "xyz"), 0.0);
  EXPECT_EQ(names::jaro_winkler("same", "same"), 1.0);
}

TEST(SanctionsIdentifiers, NormalisedWithTheListsConventions) {
  EXPECT_EQ(normalise_id("AB 850901"), "AB850901");
  EXPECT_TRUE(is_lei("2534001F52UDT7V2KR58"));   // Lanta Bank, check digits mod 97 == 1
  EXPECT_FALSE(is_lei("2534001F52UDT7V2KR59"));  // one check digit off
  auto ogrn = make_identifier("registration", "1027700132195", "RUS", "", true);
  ASSERT_TRUE(ogrn);
  EXPECT_EQ(ogrn->kind, "ogrn");
  auto inn = make_identifier("tax_id", "7707083893", "RUS", "", true);
  ASSERT_TRUE(inn);
  EXPECT_EQ(inn->kind, "tax_id");
  auto lei = make_identifier("registration", "549300YR513TAPXJGM21", "", "", true);
  ASSERT_TRUE(lei);
  EXPECT_EQ(lei->kind, "lei");
  auto fake_lei = make_identifier("lei", "851683897", "NLD", "", true);
  ASSERT_TRUE(fake_lei);
  EXPECT_EQ(fake_lei->kind, "registration");
  EXPECT_FALSE(make_identifier("passport", "Provisional", "", "", true));  // no digit
  EXPECT_EQ(number_in_text("Colombia number AZ321704"), "AZ321704");
  EXPECT_EQ(number_in_text("Afghan passport number SE012820"), "SE012820");
  EXPECT_EQ(number_in_text("M 271351"), "M 271351");
}

TEST(SanctionsCountries, LabelsOfTheLists) {
  EXPECT_EQ(country_iso3("Korea, North"), "PRK");
  EXPECT_EQ(country_iso3("Korea, South"), "KOR");
  EXPECT_EQ(country_iso3("Congo, Democratic Republic of the"), "COD");
  EXPECT_EQ(country_iso3("Pakistani"), "PAK");
  EXPECT_EQ(country_iso3("Indonesian (as at December 2003)"), "IDN");
  EXPECT_EQ(country_iso3("Italian since 1990"), "ITA");
  EXPECT_EQ(country_iso3("TW"), "TWN");
  EXPECT_EQ(country_iso3("possibly Palestinian"), "");
  EXPECT_EQ(country_iso3("Jordanian (presumed)"), "");
  EXPECT_EQ(country_iso3("Congolese"), "");  // which Congo?
  EXPECT_EQ(split_nationalities("(a) Algerian, (b) German"), (std::vector<std::string>{"Algerian", "German"}));
  EXPECT_EQ(split_nationalities("Russian and Belarusian"), (std::vector<std::string>{"Russian", "Belarusian"}));
  EXPECT_EQ(split_nationalities("Trinidad and Tobago"), (std::vector<std::string>{"Trinidad and Tobago"}));
  EXPECT_EQ(programme_target("US", "RUSSIA-EO14024").iso3, "RUS");
  EXPECT_EQ(programme_target("US", "UKRAINE-EO13685").iso3, "RUS");
  EXPECT_EQ(programme_target("EU", "EU-UKR").iso3, "RUS");
  EXPECT_EQ(programme_target("UN", "DPRK").iso3, "PRK");
  auto sdgt = programme_target("US", "SDGT");
  EXPECT_TRUE(sdgt.known);
  EXPECT_EQ(sdgt.iso3, "");
  EXPECT_FALSE(programme_target("US", "NO-SUCH-PROGRAMME").known);
}

TEST(SanctionsOfacRemarks, IdentifiersAliasesAndLinks) {
  auto r = parse_ofac_remarks(
      "DOB 30 Mar 1989; alt. DOB 30 Mar 1988; POB Minsk, Belarus; nationality Belarus; Gender Male; "
      "Passport E59165201 (China) expires 01 Sep 2025; Tax ID No. 7707083893 (Russia); "
      "Registration Number 1027700132195 (Russia); Vessel Registration Identification IMO 9338230; "
      "SWIFT/BIC SABRUAUK; a.k.a. 'BNC'; f.k.a. 'OLD NAME'; Linked To: LLC KOKSOKHIMTRANS; DOB sometime.");
  auto find = [&](const std::string& kind) -> const Identifier* {
    for (const auto& id : r.ids)
      if (id.kind == kind) return &id;
    return nullptr;
  };
  ASSERT_TRUE(find("dob"));
  EXPECT_EQ(find("dob")->value, "1989-03-30");
  int dobs = 0;
  for (const auto& id : r.ids) dobs += id.kind == "dob";
  EXPECT_EQ(dobs, 2);
  ASSERT_TRUE(find("nationality"));
  EXPECT_EQ(find("nationality")->value, "BLR");
  ASSERT_TRUE(find("passport"));
  EXPECT_EQ(find("passport")->value, "E59165201");
  EXPECT_EQ(find("passport")->country, "CHN");
  ASSERT_TRUE(find("tax_id"));
  EXPECT_EQ(find("tax_id")->country, "RUS");
  ASSERT_TRUE(find("ogrn"));
  EXPECT_EQ(find("ogrn")->value, "1027700132195");
  ASSERT_TRUE(find("imo"));
  EXPECT_EQ(find("imo")->value, "9338230");
  ASSERT_TRUE(find("swift"));
  ASSERT_EQ(r.aliases.size(), 2u);
  EXPECT_EQ(r.aliases[0].text, "BNC");
  EXPECT_EQ(r.aliases[0].kind, NameKind::weak);
  EXPECT_EQ(r.aliases[1].kind, NameKind::fka);
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0], "LLC KOKSOKHIMTRANS");
  ASSERT_EQ(r.unreadable.size(), 1u);
  EXPECT_EQ(r.unreadable[0], "DOB sometime");
}

}  // namespace
}  // namespace rostrum::sanctions
