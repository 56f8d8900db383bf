// The importers on small files the tests write: what each reads, and how a
// malformed file is reported (file, line or element, field).
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "sanctions/import.hpp"
#include "support/test_support.hpp"

namespace rostrum::sanctions {
namespace {

using rostrum::testing::TempDir;

InputError input_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected InputError, got: " << e.what();
    return InputError("", 0, 0, "");
  }
  ADD_FAILURE() << "expected InputError, nothing thrown";
  return InputError("", 0, 0, "");
}

const Entry* entry(const SanctionsList& l, const std::string& key) {
  for (const auto& e : l.entries)
    if (e.key == key) return &e;
  return nullptr;
}

const Identifier* id_of(const Entry& e, const std::string& kind) {
  for (const auto& id : e.ids)
    if (id.kind == kind) return &id;
  return nullptr;
}

bool has_name(const Entry& e, const std::string& text, NameKind kind) {
  return std::any_of(e.names.begin(), e.names.end(), [&](const Name& n) { return n.text == text && n.kind == kind; });
}

const std::string kSdn =
    "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
    "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'; Linked To: "
    "AEROCARIBBEAN AI\"\r\n"
    "2674,\"ABBAS, Abu\",\"individual\",\"SDGT] [SDT\",\"Director\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 10 Dec "
    "1948.\"\r\n"
    "31794,\"YURY TOPCHEV\",\"vessel\",\"PEESA-EO\",-0- ,\"UFYE\",\"Anchor Handling Vessel\",-0- ,-0- ,\"Russia\",-0- "
    ",\"Vessel Registration Identification IMO 9338230.\"\r\n"
    "\x1A";

TEST(SanctionsImportOfac, LegacyListWithCompanions) {
  TempDir dir;
  std::string sdn = dir.write("ofac/sdn.csv", kSdn);
  dir.write("ofac/alt.csv",
            "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n2674,1,\"fka\",\"ZAYDAN, Muhammad\",-0-\r\n");
  dir.write("ofac/add.csv",
            "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n306,199,\"Zweierstrasse 35\",\"Zurich\",\"Switzerland\",-0-\r\n");
  // The comment continues the remarks in the middle of a word.
  dir.write("ofac/sdn_comments.csv", "306,\"RLINES.\"\n99999,\"orphan\"\n");
  auto l = read_ofac_legacy(sdn);
  EXPECT_EQ(l.key, "ofac-sdn");
  EXPECT_EQ(l.issuer, "US");
  EXPECT_EQ(l.as_of, 0);
  ASSERT_EQ(l.entries.size(), 4u);
  const Entry* bank = entry(l, "306");
  ASSERT_TRUE(bank);
  EXPECT_EQ(bank->type, EntryType::organisation);
  EXPECT_TRUE(has_name(*bank, "BANCO NACIONAL DE CUBA", NameKind::primary));
  EXPECT_TRUE(has_name(*bank, "NATIONAL BANK OF CUBA", NameKind::aka));
  EXPECT_TRUE(has_name(*bank, "BNC", NameKind::weak));
  ASSERT_EQ(bank->links.size(), 1u);
  EXPECT_EQ(bank->links[0], "AEROCARIBBEAN AIRLINES");  // remarks + comment
  EXPECT_EQ(bank->target, "CUB");
  EXPECT_EQ(bank->target_basis, "programme");
  EXPECT_EQ(bank->address_countries, std::vector<std::string>{"CHE"});
  const Entry* person = entry(l, "2674");
  ASSERT_TRUE(person);
  EXPECT_EQ(person->type, EntryType::person);
  EXPECT_EQ(person->programmes, (std::vector<std::string>{"SDGT", "SDT"}));
  EXPECT_TRUE(has_name(*person, "ZAYDAN, Muhammad", NameKind::fka));
  ASSERT_TRUE(id_of(*person, "dob"));
  EXPECT_EQ(id_of(*person, "dob")->value, "1948-12-10");
  EXPECT_EQ(person->target, "");  // thematic programmes, no nationality, no address
  const Entry* vessel = entry(l, "31794");
  ASSERT_TRUE(vessel);
  EXPECT_EQ(vessel->type, EntryType::vessel);
  ASSERT_TRUE(id_of(*vessel, "imo"));
  EXPECT_EQ(id_of(*vessel, "imo")->value, "9338230");
  EXPECT_EQ(vessel->target, "RUS");
  // The comment for an entry the list does not hold is reported, not fatal.
  EXPECT_EQ(l.warnings.by_kind.at("comment for an entry not in the list (ignored)").count, 1);
}

TEST(SanctionsImportOfac, MalformedFilesNameFileLineAndField) {
  TempDir dir;
  std::string path = dir.write("a/sdn.csv", kSdn.substr(0, kSdn.find('\n') + 1) + "37,\"SHORT ROW\",-0-\n");
  auto e = input_error([&] { read_ofac_legacy(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(std::string(e.what()).find("expected 12 fields"), std::string::npos);

  path = dir.write("b/sdn.csv", "40,\"X\",\"submarine\",\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n");
  e = input_error([&] { read_ofac_legacy(path); });
  EXPECT_EQ(e.line(), 1u);
  EXPECT_NE(std::string(e.what()).find("field 'SDN_Type'"), std::string::npos);

  path = dir.write("c/sdn.csv", "4x,\"X\",-0-,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n");
  e = input_error([&] { read_ofac_legacy(path); });
  EXPECT_NE(std::string(e.what()).find("field 'ent_num'"), std::string::npos);

  path = dir.write("d/sdn.csv", kSdn);
  dir.write("d/alt.csv", "777,1,\"aka\",\"NOBODY\",-0-\n");
  e = input_error([&] { read_ofac_legacy(path); });
  EXPECT_NE(e.file().find("alt.csv"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("entry 777 is not in"), std::string::npos);

  path = dir.write("e/sdn.csv", std::string("50,\"BAD \xC3\x28 NAME\",-0-,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n"));
  e = input_error([&] { read_ofac_legacy(path); });
  EXPECT_NE(std::string(e.what()).find("invalid UTF-8"), std::string::npos);
}

TEST(SanctionsImportOfac, HistoryDatesListingsAmendmentsAndRemovals) {
  TempDir dir;
  std::string base =
      dir.write("h/sdn_base_2021-08-18.csv",
                "100,\"OLD SHIP\",\"vessel\",\"RUSSIA-EO14024\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"IMO 9000001.\"\n"
                "101,\"GONE CO\",-0-,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n");
  dir.write("h/sdn_changes.csv",
            "2022-02-24,add,200,\"NEW BANK\",-0-,\"RUSSIA-EO14024\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"Tax ID No. "
            "7707083893 (Russia).\"\n"
            "2022-03-01,change,100,\"RENAMED SHIP\",\"vessel\",\"RUSSIA-EO14024\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"IMO "
            "9000001.\"\n"
            "2022-03-01,remove,101,\"GONE CO\",-0-,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n");
  auto l = read_ofac_history(base);
  EXPECT_EQ(l.key, "ofac-sdn-history");
  EXPECT_EQ(l.as_of, make_date(2022, 3, 1));
  EXPECT_EQ(l.as_of_basis, "stated");
  const Entry* added = entry(l, "200");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->events.size(), 1u);
  EXPECT_EQ(added->events[0].kind, EventKind::listed);
  EXPECT_EQ(added->events[0].date, make_date(2022, 2, 24));
  EXPECT_EQ(added->events[0].date_lo, make_date(2021, 8, 19));  // the day after the previous snapshot
  const Entry* ship = entry(l, "100");
  ASSERT_TRUE(ship);
  EXPECT_EQ(ship->primary_name(), "RENAMED SHIP");
  EXPECT_TRUE(has_name(*ship, "OLD SHIP", NameKind::fka));
  ASSERT_EQ(ship->events.size(), 2u);
  EXPECT_EQ(ship->events[0].date, make_date(2021, 8, 18));
  EXPECT_EQ(ship->events[0].date_lo, 0);  // on or before the base day
  EXPECT_EQ(ship->events[1].kind, EventKind::amended);
  EXPECT_EQ(ship->events[1].date_lo, make_date(2022, 2, 25));
  EXPECT_NE(ship->events[1].detail.find("name"), std::string::npos);
  const Entry* gone = entry(l, "101");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->events.back().kind, EventKind::delisted);
  EXPECT_EQ(gone->events.back().date, make_date(2022, 3, 1));
}

TEST(SanctionsImportOfac, HistoryInconsistenciesAreInputErrors) {
  TempDir dir;
  std::string row = "\"X\",-0-,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n";
  std::string base = dir.write("a/sdn_base_2021-08-18.csv", "1," + row);
  std::string changes = dir.write("a/sdn_changes.csv", "2022-01-02,add,2," + row + "2022-01-01,add,3," + row);
  auto e = input_error([&] { read_ofac_history(base); });
  EXPECT_EQ(e.file(), changes);
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(std::string(e.what()).find("field 'date'"), std::string::npos);

  base = dir.write("b/sdn_base_2021-08-18.csv", "1," + row);
  dir.write("b/sdn_changes.csv", "2022-01-02,remove,9," + row);
  e = input_error([&] { read_ofac_history(base); });
  EXPECT_NE(std::string(e.what()).find("which is not listed"), std::string::npos);

  base = dir.write("c/sdn_base_2021-08-18.csv", "1," + row);
  dir.write("c/sdn_changes.csv", "2022-01-02,rename,1," + row);
  e = input_error([&] { read_ofac_history(base); });
  EXPECT_NE(std::string(e.what()).find("field 'op'"), std::string::npos);

  base = dir.write("d/sdn_base.csv", "1," + row);
  e = input_error([&] { read_ofac_history(base); });
  EXPECT_NE(std::string(e.what()).find("base day"), std::string::npos);
}

const std::string kUnXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>KIM</FIRST_NAME>
      <SECOND_NAME>MUN CHOL</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.060</REFERENCE_NUMBER>
      <LISTED_ON>2020-01-01-05:00</LISTED_ON>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
      <LAST_DAY_UPDATED><VALUE>2021-05-06</VALUE><VALUE/></LAST_DAY_UPDATED>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Mun Chol</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1957-03-25</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1956</FROM_YEAR><TO_YEAR>1958</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>Afghan passport number SE012820</NUMBER><ISSUING_COUNTRY>Afghanistan</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME>COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)</FIRST_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDe.003</REFERENCE_NUMBER>
      <LISTED_ON>2007-03-29</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>CAGL</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Rwanda</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
)";

TEST(SanctionsImportUn, IndividualsAndEntities) {
  TempDir dir;
  auto l = read_un_xml(dir.write("un.xml", kUnXml));
  EXPECT_EQ(l.as_of, make_date(2026, 2, 27));
  ASSERT_EQ(l.entries.size(), 2u);
  const Entry* kim = entry(l, "KPi.060");
  ASSERT_TRUE(kim);
  EXPECT_EQ(kim->primary_name(), "KIM MUN CHOL");
  EXPECT_TRUE(has_name(*kim, "Mun Chol", NameKind::weak));
  EXPECT_EQ(kim->target, "PRK");
  ASSERT_GE(kim->events.size(), 2u);
  EXPECT_EQ(kim->events[0].date, make_date(2020, 1, 1));  // the time zone is dropped
  EXPECT_EQ(kim->events[1].kind, EventKind::amended);
  int dobs = 0;
  for (const auto& id : kim->ids) dobs += id.kind == "dob";
  EXPECT_EQ(dobs, 2);
  ASSERT_TRUE(id_of(*kim, "passport"));
  EXPECT_EQ(id_of(*kim, "passport")->value, "SE012820");
  EXPECT_EQ(id_of(*kim, "passport")->country, "AFG");
  const Entry* cagl = entry(l, "CDe.003");
  ASSERT_TRUE(cagl);
  EXPECT_EQ(cagl->type, EntryType::organisation);
  EXPECT_EQ(cagl->primary_name(), "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)");
  EXPECT_TRUE(has_name(*cagl, "GREAT LAKES BUSINESS COMPANY (GLBC)", NameKind::aka));
  EXPECT_TRUE(has_name(*cagl, "CAGL", NameKind::fka));
  EXPECT_EQ(cagl->target, "COD");
}

TEST(SanctionsImportUn, MalformedXmlNamesLineAndElement) {
  TempDir dir;
  std::string broken = kUnXml;
  broken.replace(broken.find("</SECOND_NAME>"), 14, "</SECOND>");
  auto e = input_error([&] { read_un_xml(dir.write("broken.xml", broken)); });
  EXPECT_EQ(e.line(), 7u);
  EXPECT_NE(std::string(e.what()).find("XML"), std::string::npos);

  std::string undated = kUnXml;
  undated.replace(undated.find("2007-03-29"), 10, "29/03/2007");
  e = input_error([&] { read_un_xml(dir.write("undated.xml", undated)); });
  EXPECT_NE(std::string(e.what()).find("element ENTITY[CDe.003]"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("field LISTED_ON"), std::string::npos);
  EXPECT_EQ(e.line(), 25u);

  e = input_error([&] { read_un_xml(dir.write("other.xml", "<?xml version=\"1.0\"?><LIST/>")); });
  EXPECT_NE(std::string(e.what()).find("CONSOLIDATED_LIST"), std::string::npos);
}

const std::string kEuHeader =
    "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,country,"
    "nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,gender,appearance,ethnicity,fatherName,"
    "motherName,incorporationDate,legalForm,sector,registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,"
    "okpoCode,leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,notes\n";

std::string eu_row(const std::string& record, const std::string& annex, const std::string& start,
                   const std::string& schema, const std::string& name, const std::string& alias,
                   const std::string& nationality = "", const std::string& birth = "",
                   const std::string& registration = "", const std::string& imo = "", const std::string& address = "") {
  std::string r = "32014R0269," + record + ",EU-UKR," + annex + ",Asset freeze," + start + ",reason," + schema + ",\"" +
                  name + "\",\"" + alias + "\",,,," + nationality + ",,\"" + birth + "\",,,,,,,,,,,,\"" + registration +
                  "\",,,,,,,,,," + imo + ",,,\"" + address + "\",,,,\n";
  return r;
}

TEST(SanctionsImportEu, EveryDateShapeAndFieldConvention) {
  TempDir dir;
  std::string csv = kEuHeader +
                    eu_row("1", "I.PERSONS", "17.3.2014", "Person", "Sergey Valeryevich AKSYONOV",
                           "Sergei Valerievich AKSENOV (Сергей Валерьевич АКСЁНОВ); Serhiy AKSYONOV", "Russian",
                           "(a) 26.11.1972, (b) 1973") +
                    eu_row("1", "I.ENTITIES", "12 May 2022", "LegalEntity", "JSC Sovcomflot", "", "", "",
                           "7702060116 (Tax ID/INN)", "", "3A Gasheka Street, Moscow 125047, Russia") +
                    eu_row("", "I.ENTITIES", "26 Feb. 2011", "Vessel", "Krasnoyarsk", "", "", "", "", "9312896") +
                    eu_row("", "I.ENTITIES", "2022-03-15", "Asset", "Vnukovo International Airport", "") +
                    eu_row("7", "I.PERSONS", "sometime in 2022", "Person", "Undated Person", "") +
                    eu_row("8", "I.PERSONS", "", "Person", "No Date", "");
  auto l = read_eu_journal(dir.write("32014R0269.csv", csv));
  ASSERT_EQ(l.entries.size(), 6u);
  // recordId restarts in each annex; a row without one is numbered by its place
  // among the annex's rows.
  const Entry* person = entry(l, "32014R0269:I.PERSONS/1");
  const Entry* company = entry(l, "32014R0269:I.ENTITIES/1");
  const Entry* vessel = entry(l, "32014R0269:I.ENTITIES/#2");
  const Entry* asset = entry(l, "32014R0269:I.ENTITIES/#3");
  ASSERT_TRUE(person && company && vessel && asset);
  EXPECT_EQ(person->events.at(0).date, make_date(2014, 3, 17));
  EXPECT_EQ(company->events.at(0).date, make_date(2022, 5, 12));
  EXPECT_EQ(vessel->events.at(0).date, make_date(2011, 2, 26));
  EXPECT_EQ(asset->events.at(0).date, make_date(2022, 3, 15));
  EXPECT_EQ(asset->type, EntryType::unknown);
  EXPECT_TRUE(has_name(*person, "Сергей Валерьевич АКСЁНОВ", NameKind::aka));
  EXPECT_TRUE(has_name(*person, "Sergei Valerievich AKSENOV", NameKind::aka));
  ASSERT_TRUE(id_of(*person, "nationality"));
  EXPECT_EQ(id_of(*person, "nationality")->value, "RUS");
  int dobs = 0;
  for (const auto& id : person->ids) dobs += id.kind == "dob";
  EXPECT_EQ(dobs, 2);
  EXPECT_EQ(person->target, "RUS");  // EU-UKR counts as target RUS
  ASSERT_TRUE(id_of(*company, "tax_id"));
  EXPECT_EQ(id_of(*company, "tax_id")->country, "RUS");
  EXPECT_EQ(company->address_countries, std::vector<std::string>{"RUS"});
  ASSERT_TRUE(id_of(*vessel, "imo"));
  EXPECT_EQ(id_of(*vessel, "imo")->value, "9312896");
  // The unreadable startDate is reported with its file and line, never guessed.
  const Entry* undated = entry(l, "32014R0269:I.PERSONS/7");
  ASSERT_TRUE(undated);
  EXPECT_TRUE(undated->events.empty());
  bool reported = false;
  for (const auto& n : l.notes)
    if (n.find("startDate not understood") != std::string::npos && n.find("32014R0269.csv:6") != std::string::npos &&
        n.find("'sometime in 2022'") != std::string::npos)
      reported = true;
  EXPECT_TRUE(reported);
  EXPECT_EQ(l.as_of, make_date(2022, 5, 12));
  EXPECT_EQ(l.as_of_basis, "latest-listing");
}

TEST(SanctionsImportEu, TarGzOfRegulationsAndBadFiles) {
  TempDir dir;
  std::string path = (dir.path() / "eu.tar.gz").string();
  {
    archive* a = archive_write_new();
    archive_write_add_filter_gzip(a);
    archive_write_set_format_pax_restricted(a);
    ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
    auto add = [&](const std::string& name, const std::string& content) {
      archive_entry* e = archive_entry_new();
      archive_entry_set_pathname(e, name.c_str());
      archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_perm(e, 0644);
      archive_write_header(a, e);
      archive_write_data(a, content.data(), content.size());
      archive_entry_free(e);
    };
    add("32014R0269.csv", kEuHeader + eu_row("1", "I.PERSONS", "17.3.2014", "Person", "A PERSON", ""));
    add("32004R0314.csv", kEuHeader);  // a regulation whose annexes list nobody
    add("32014R0833.csv", kEuHeader + eu_row("1", "IV", "25.2.2023", "LegalEntity", "A COMPANY", ""));
    archive_write_close(a);
    archive_write_free(a);
  }
  auto l = read_eu_journal(path);
  EXPECT_EQ(l.entries.size(), 2u);
  EXPECT_EQ(l.as_of, make_date(2023, 2, 25));

  std::string bad = dir.write("32099R0001.csv", "celex,recordId,name\n32099R0001,1,X\n");
  auto e = input_error([&] { read_eu_journal(bad); });
  EXPECT_NE(std::string(e.what()).find("column 'programKey' missing"), std::string::npos);
  bad = dir.write("32099R0002.csv", kEuHeader + eu_row("1", "I", "1.1.2020", "Spaceship", "X", ""));
  e = input_error([&] { read_eu_journal(bad); });
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(std::string(e.what()).find("field 'schema'"), std::string::npos);
}

TEST(SanctionsImportCn, TwoDigitYearsOnlyWithCorroboration) {
  TempDir dir;
  std::string csv =
      "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source "
      "URL,Address\n"
      "Organization,,National Endowment for Democracy,,美国国家民主基金会,US,sanction.counter,,,Ministry of Foreign "
      "Affairs,,02.12.2019,,https://www.fmprc.gov.cn/web/201912/t20191202_9712164.shtml,\n"
      "Person,,Some Senator,,,US,sanction.counter,US Senator,,Ministry of Foreign Affairs,,13.07.20,,"
      "https://www.fmprc.gov.cn/web/202007/t20200713_9712330.shtml,\n"
      "Company,,Sierra Nevada Corporation,,内华达山脉公司,US,export.control,,,Ministry of Commerce,List of Export "
      "Controls,10.08.20,,https://www.mofcom.gov.cn/2021/art.html,\n"
      "Company,,Undated Co,,,TW,sanction.counter,,,Taiwan Affairs Office of the State Council,,,,,\n";
  auto l = read_cn_csv(dir.write("cn.csv", csv));
  ASSERT_EQ(l.entries.size(), 4u);
  EXPECT_EQ(l.entries[0].events.at(0).date, make_date(2019, 12, 2));
  EXPECT_EQ(l.entries[0].target, "USA");
  EXPECT_EQ(l.entries[0].sector, "civil society, media and research");
  EXPECT_TRUE(has_name(l.entries[0], "美国国家民主基金会", NameKind::aka));
  // "13.07.20" agrees with the URL's 2020: read as 2020-07-13.
  ASSERT_EQ(l.entries[1].events.size(), 1u);
  EXPECT_EQ(l.entries[1].events[0].date, make_date(2020, 7, 13));
  EXPECT_EQ(l.entries[1].sector, "politics and government");
  // "10.08.20" against a URL dated 2021: reported, not used.
  EXPECT_TRUE(l.entries[2].events.empty());
  EXPECT_EQ(l.entries[2].sector, "defence industry");
  bool reported = false;
  for (const auto& n : l.notes) reported |= n.find(":4 Date '10.08.20'") != std::string::npos;
  EXPECT_TRUE(reported);
  EXPECT_EQ(l.entries[3].target, "TWN");
}

TEST(SanctionsImport, DirectoryFindsEveryFormat) {
  TempDir dir;
  dir.write("ofac/sdn.csv", kSdn);
  dir.write("ofac/alt.csv", "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \n");
  dir.write("un/list.xml", kUnXml);
  dir.write("eu/32014R0269.csv", kEuHeader + eu_row("1", "I.PERSONS", "17.3.2014", "Person", "A PERSON", ""));
  dir.write("notes/readme.csv", "a,b\n1,2\n");  // not a list: skipped
  auto lists = read_lists(dir.path().string());
  std::vector<std::string> keys;
  keys.reserve(lists.size());
  for (const auto& l : lists) keys.push_back(l.key);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"eu-journal", "ofac-sdn", "un-consolidated"}));
  // A companion file selects its list.
  auto one = read_lists((dir.path() / "ofac/alt.csv").string());
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].key, "ofac-sdn");
  EXPECT_THROW(read_lists((dir.path() / "notes/readme.csv").string()), UsageError);
  EXPECT_THROW(read_lists((dir.path() / "missing").string()), UsageError);
}

}  // namespace
}  // namespace rostrum::sanctions
