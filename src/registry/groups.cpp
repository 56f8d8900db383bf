// Built-in groups with dated membership, and user groups read from JSON or TOML.
//
// Dates are the first and last day of membership (inclusive). Where a source gives
// only a year or where the date is an approximation, docs/registry.md says so.
#include "registry/groups.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"

namespace rostrum::registry {

bool Group::is_member(std::string_view iso3, Date on) const {
  if (std::any_of(members.begin(), members.end(),
                  [&](const Membership& m) { return m.iso3 == iso3 && m.from <= on && on <= m.to; }))
    return true;
  // A state's series carries the votes of the state it continues (RUS those of
  // SUN before 1991-12-24), so it is a member on the dates its predecessor was.
  for (const Continuation& c : continuations())
    if (c.successor == iso3 && on < c.on && is_member(c.predecessor, on)) return true;
  return false;
}

std::vector<std::string> Group::members_on(Date on) const {
  std::set<std::string> ids;
  for (const auto& m : members) {
    if (m.from <= on && on <= m.to) ids.insert(m.iso3);
  }
  return {ids.begin(), ids.end()};
}

std::vector<std::string> Group::ever_members() const {
  std::set<std::string> ids;
  for (const auto& m : members) ids.insert(m.iso3);
  return {ids.begin(), ids.end()};
}

namespace {

constexpr Date kOpen = kOpenEnd;

// Adds each space-separated id with the same dates.
void add(Group& g, std::string_view ids, Date from, Date to = kOpen) {
  std::istringstream in{std::string(ids)};
  std::string id;
  while (in >> id) g.members.push_back({id, from, to});
}

Group eu() {
  Group g{"EU",
          "European Union with its EEC/EC history; dates are the entry into force of the Rome "
          "Treaties and of each accession treaty (EUR-Lex), GBR's withdrawal at 2020-01-31 "
          "(Withdrawal Agreement)",
          {}};
  add(g, "BEL DEU FRA ITA LUX NLD", 19580101);  // DEU: West Germany, continued as Germany
  add(g, "DNK IRL", 19730101);
  add(g, "GBR", 19730101, 20200131);
  add(g, "GRC", 19810101);
  add(g, "ESP PRT", 19860101);
  add(g, "AUT FIN SWE", 19950101);
  add(g, "CYP CZE EST HUN LTU LVA MLT POL SVK SVN", 20040501);
  add(g, "BGR ROU", 20070101);
  add(g, "HRV", 20130701);
  return g;
}

Group nato() {
  Group g{"NATO",
          "North Atlantic Treaty Organization; founders from the Treaty's entry into force "
          "(1949-08-24), others from the deposit of their instrument of accession (nato.int, "
          "'Member countries')",
          {}};
  add(g, "BEL CAN DNK FRA GBR ISL ITA LUX NLD NOR PRT USA", 19490824);
  add(g, "GRC TUR", 19520218);
  add(g, "DEU", 19550506);  // West Germany; the former GDR joined with unification
  add(g, "ESP", 19820530);
  add(g, "CZE HUN POL", 19990312);
  add(g, "BGR EST LTU LVA ROU SVK SVN", 20040329);
  add(g, "ALB HRV", 20090401);
  add(g, "MNE", 20170605);
  add(g, "MKD", 20200327);
  add(g, "FIN", 20230404);
  add(g, "SWE", 20240307);
  return g;
}

Group g7() {
  Group g{"G7",
          "Group of Seven; the six from the first summit (Rambouillet, 1975-11-15), Canada "
          "from the second (San Juan, 1976-06-27); Russia's G8 years (1997-2014) are not "
          "counted (G7 Research Group, University of Toronto)",
          {}};
  add(g, "DEU FRA GBR ITA JPN USA", 19751115);
  add(g, "CAN", 19760627);
  return g;
}

Group g20() {
  Group g{"G20",
          "Group of Twenty, its 19 member states (the EU and, since 2023, the African Union "
          "are members but not states) from the first finance ministers' meeting, Berlin "
          "1999-12-15 (g20.org)",
          {}};
  add(g, "ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF", 19991215);
  return g;
}

Group brics() {
  Group g{"BRICS",
          "BRICS; BRIC from the first summit (Yekaterinburg, 2009-06-16), South Africa from "
          "its invitation (2010-12-24), the 2024-01-01 and 2025-01-06 (Indonesia) "
          "enlargements; Saudi Arabia, invited in 2023, has not confirmed and is not counted "
          "(summit declarations, Brazilian 2025 presidency)",
          {}};
  add(g, "BRA CHN IND RUS", 20090616);
  add(g, "ZAF", 20101224);
  add(g, "ARE EGY ETH IRN", 20240101);
  add(g, "IDN", 20250106);
  return g;
}

Group sco() {
  Group g{"SCO",
          "Shanghai Cooperation Organisation; founders from 2001-06-15, India and Pakistan "
          "2017-06-09 (Astana summit), Iran 2023-07-04, Belarus 2024-07-04 (sectsco.org)",
          {}};
  add(g, "CHN KAZ KGZ RUS TJK UZB", 20010615);
  add(g, "IND PAK", 20170609);
  add(g, "IRN", 20230704);
  add(g, "BLR", 20240704);
  return g;
}

Group asean() {
  Group g{"ASEAN",
          "Association of Southeast Asian Nations; Bangkok Declaration 1967-08-08, then "
          "Brunei 1984-01-07, Viet Nam 1995-07-28, Laos and Myanmar 1997-07-23, Cambodia "
          "1999-04-30, Timor-Leste 2025-10-26 (asean.org)",
          {}};
  add(g, "IDN MYS PHL SGP THA", 19670808);
  add(g, "BRN", 19840107);
  add(g, "VNM", 19950728);
  add(g, "LAO MMR", 19970723);
  add(g, "KHM", 19990430);
  add(g, "TLS", 20251026);
  return g;
}

Group au() {
  Group g{"AU",
          "African Union, dated from its predecessor the OAU (Charter signed 1963-05-25); "
          "later members from independence (approximate), South Africa 1994-05-23, SADR "
          "(ESH) 1982-02-22, Morocco out 1984-11-12 to 2017-01-30; suspensions not modelled "
          "(au.int, OAU records)",
          {}};
  // The 32 signatories of the OAU Charter; TZA stands for Tanganyika.
  add(g,
      "BDI BEN BFA CAF CIV CMR COD COG DZA EGY ETH GAB GHA GIN LBR LBY MDG MLI MRT NER NGA "
      "RWA SDN SEN SLE SOM TCD TGO TUN TZA UGA",
      19630525);
  add(g, "MAR", 19630525, 19841111);
  add(g, "MAR", 20170130);
  add(g, "KEN", 19631212);
  add(g, "MWI", 19640706);
  add(g, "ZMB", 19641024);
  add(g, "GMB", 19650218);
  add(g, "BWA", 19660930);
  add(g, "LSO", 19661004);
  add(g, "MUS", 19680312);
  add(g, "SWZ", 19680906);
  add(g, "GNQ", 19681012);
  add(g, "GNB", 19730924);
  add(g, "MOZ", 19750625);
  add(g, "CPV", 19750705);
  add(g, "COM", 19750706);
  add(g, "STP", 19750712);
  add(g, "AGO", 19751111);
  add(g, "SYC", 19760629);
  add(g, "DJI", 19770627);
  add(g, "ZWE", 19800418);
  add(g, "ESH", 19820222);  // the Sahrawi Arab Democratic Republic
  add(g, "NAM", 19900321);
  add(g, "ERI", 19930524);
  add(g, "ZAF", 19940523);
  add(g, "SSD", 20110709);
  return g;
}

Group arab_league() {
  Group g{"ARAB_LEAGUE",
          "League of Arab States; founders 1945-03-22 (North Yemen 1945-05-05), later "
          "accessions by admission date; Egypt suspended 1979-03-26 to 1989-05-22, Libya "
          "2011-02-22 to 2011-08-26, Syria 2011-11-16 to 2023-05-06 (League records, "
          "press reports)",
          {}};
  add(g, "EGY", 19450322, 19790325);
  add(g, "EGY", 19890523);
  add(g, "IRQ JOR LBN SAU", 19450322);
  add(g, "SYR", 19450322, 20111115);
  add(g, "SYR", 20230507);
  add(g, "YAR", 19450505, 19900521);
  add(g, "LBY", 19530328, 20110221);
  add(g, "LBY", 20110827);
  add(g, "SDN", 19560119);
  add(g, "MAR TUN", 19581001);
  add(g, "KWT", 19610720);
  add(g, "DZA", 19620816);
  add(g, "YMD", 19671212, 19900521);
  add(g, "YEM", 19900522);
  add(g, "BHR QAT", 19710911);
  add(g, "OMN", 19710929);
  add(g, "ARE", 19711206);
  add(g, "MRT", 19731126);
  add(g, "SOM", 19740214);
  add(g, "PSE", 19760909);  // the PLO, full member; the State of Palestine since 1988
  add(g, "DJI", 19770904);
  add(g, "COM", 19931120);
  return g;
}

Group nam() {
  Group g{"NAM",
          "Non-Aligned Movement, its 120 current members; the 25 Belgrade founders from "
          "1961-09-01, Belarus 1998-09-02, Azerbaijan and Fiji 2011-05-25, every other "
          "member dated from 1961-09-01 too (approximation: join dates not modelled); former "
          "members (Yugoslavia, Cyprus, Malta, Argentina) omitted (NAM summit documents)",
          {}};
  constexpr Date kBelgrade = 19610901;
  // Africa (53)
  add(g,
      "AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ETH GAB GHA GIN GMB GNB "
      "GNQ KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI NAM NER NGA RWA SDN SEN SLE SOM STP SWZ "
      "SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE",
      kBelgrade);
  // Asia and the Pacific (39)
  add(g,
      "AFG ARE BGD BHR BRN BTN IDN IND IRN IRQ JOR KHM KWT LAO LBN LKA MDV MMR MNG MYS NPL OMN "
      "PAK PHL PNG PRK PSE QAT SAU SGP SYR THA TKM TLS UZB VNM VUT YEM",
      kBelgrade);
  add(g, "FJI", 20110525);
  // Latin America and the Caribbean (26)
  add(g,
      "ATG BHS BLZ BOL BRB CHL COL CUB DMA DOM ECU GRD GTM GUY HND HTI JAM KNA LCA NIC PAN PER "
      "SUR TTO VCT VEN",
      kBelgrade);
  // Europe (2)
  add(g, "AZE", 20110525);
  add(g, "BLR", 19980902);
  return g;
}

Group g77() {
  Group g{
      "G77",
      "Group of 77 at the UN, its 133 current member states (g77.org lists 134 with "
      "China, which associates as 'G77 and China' and is not counted here), all dated from the Joint Declaration of "
      "1964-06-15 (approximation: join and leave dates not modelled)",
      {}};
  add(g,
      "AFG AGO ARG ATG BDI BEN BFA BGD BHR BHS BIH BLZ BOL BRA BRB BRN BTN BWA CAF CHL CIV CMR "
      "COD COG COL COM CPV CRI CUB DJI DMA DOM DZA ECU EGY ERI ETH FJI FSM GAB GHA GIN GMB "
      "GNB GNQ GRD GTM GUY HND HTI IDN IND IRN IRQ JAM JOR KEN KHM KIR KNA KWT LAO LBN LBR "
      "LBY LCA LKA LSO MAR MDG MDV MHL MLI MMR MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NPL "
      "NRU OMN PAK PAN PER PHL PNG PRK PRY PSE QAT RWA SAU SDN SEN SGP SLB SLE SLV SOM SSD "
      "STP SUR SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TZA UGA URY VCT VEN VNM VUT WSM "
      "YEM ZAF ZMB ZWE ARE",
      19640615);
  return g;
}

Group p5() {
  Group g{"P5",
          "Permanent members of the Security Council (UN Charter art. 23) from 1945-10-24; "
          "the China seat is TWN until the adoption of GA resolution 2758 (1971-10-25) and "
          "CHN from the next day; the USSR seat passes to Russia on 1991-12-24 (the seat rules of "
          "registry/seats.cpp)",
          {}};
  add(g, "FRA GBR USA", 19451024);
  add(g, "TWN", 19451024, 19711025);
  add(g, "CHN", 19711026);
  add(g, "SUN", 19451024, 19911223);
  add(g, "RUS", 19911224);
  return g;
}

Group crink() {
  Group g{"CRINK",
          "China, Russia, Iran and North Korea: an analysts' label (c. 2024), not an "
          "organisation; undated",
          {}};
  add(g, "CHN IRN PRK RUS", 0);
  return g;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) { return upper(a) == upper(b); }

// ---- user group files --------------------------------------------------------

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, 0, "cannot open groups file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Position {
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

// 1-based line and column of byte `offset` (clamped to the text).
Position position_of(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  Position p{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

// nlohmann::json keeps no source positions after parsing, so a semantic error is
// pinned to the first place the offending string literal appears; good enough to
// find it, and exact when the value is unique in the file.
Position locate_json_string(const std::string& text, const std::string& value) {
  std::string needle = nlohmann::json(value).dump();
  auto at = text.find(needle);
  if (at == std::string::npos) return {};
  return position_of(text, at);
}

Date parse_bound(const std::string& text, bool end, const std::string& file, Position pos, const std::string& group) {
  auto d = parse_date_bound(text, end);
  if (!d) {
    throw InputError(file, pos.line, pos.column,
                     "invalid date '" + text + "' in group '" + group + "' (want YYYY or YYYY-MM-DD)");
  }
  return *d;
}

std::string resolve_country(const std::string& text, const std::string& file, Position pos, const std::string& group) {
  const Country* c = lookup(text);
  if (!c) throw InputError(file, pos.line, pos.column, "unknown country '" + text + "' in group '" + group + "'");
  return std::string(c->iso3);
}

void check_membership(Membership& m, const std::string& file, Position pos, const std::string& group) {
  if (m.from > m.to) {
    throw InputError(file, pos.line, pos.column,
                     "membership of '" + m.iso3 + "' in group '" + group + "' ends before it starts");
  }
}

void check_unique_names(const std::vector<Group>& groups, const std::string& file, const std::vector<Position>& where) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (same_name(groups[i].name, groups[j].name)) {
        throw InputError(file, where[i].line, where[i].column, "group '" + groups[i].name + "' defined twice");
      }
    }
  }
}

std::vector<Group> load_json(const std::string& path, const std::string& text) {
  using nlohmann::json;
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based: the position of the last byte read.
    Position p = position_of(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    auto colon = what.find("]: ");  // drop nlohmann's "[json.exception.parse_error.101] " prefix
    throw InputError(path, p.line, p.column,
                     "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 3)));
  }
  auto fail = [&](const std::string& msg, Position p = {}) { throw InputError(path, p.line, p.column, msg); };
  if (!doc.is_object() || !doc.contains("groups") || !doc["groups"].is_array()) {
    fail("expected an object with a \"groups\" array");
  }
  std::vector<Group> out;
  std::vector<Position> where;
  for (const json& jg : doc["groups"]) {
    if (!jg.is_object()) fail("each entry of \"groups\" must be an object");
    if (!jg.contains("name") || !jg["name"].is_string() || jg["name"].get<std::string>().empty()) {
      fail("a group has no \"name\" string");
    }
    Group g;
    g.name = jg["name"].get<std::string>();
    Position gpos = locate_json_string(text, g.name);
    if (jg.contains("description")) {
      if (!jg["description"].is_string()) fail("\"description\" of group '" + g.name + "' must be a string", gpos);
      g.description = jg["description"].get<std::string>();
    }
    if (!jg.contains("members") || !jg["members"].is_array()) {
      fail("group '" + g.name + "' has no \"members\" array", gpos);
    }
    for (const json& jm : jg["members"]) {
      Membership m;
      if (jm.is_string()) {
        auto name = jm.get<std::string>();
        m.iso3 = resolve_country(name, path, locate_json_string(text, name), g.name);
      } else if (jm.is_object()) {
        if (!jm.contains("country") || !jm["country"].is_string()) {
          fail("a member of group '" + g.name + "' has no \"country\" string", gpos);
        }
        auto name = jm["country"].get<std::string>();
        Position pos = locate_json_string(text, name);
        m.iso3 = resolve_country(name, path, pos, g.name);
        for (const char* key : {"from", "to"}) {
          if (!jm.contains(key)) continue;
          if (!jm[key].is_string()) {
            fail(std::string("\"") + key + "\" of '" + name + "' in group '" + g.name + "' must be a date string", pos);
          }
          auto value = jm[key].get<std::string>();
          Date d = parse_bound(value, std::string_view(key) == "to", path, locate_json_string(text, value), g.name);
          (std::string_view(key) == "from" ? m.from : m.to) = d;
        }
        check_membership(m, path, pos, g.name);
      } else {
        fail("a member of group '" + g.name + "' must be a country string or an object", gpos);
      }
      g.members.push_back(std::move(m));
    }
    out.push_back(std::move(g));
    where.push_back(gpos);
  }
  check_unique_names(out, path, where);
  return out;
}

Position pos_of(const toml::node& n) { return {n.source().begin.line, n.source().begin.column}; }

std::vector<Group> load_toml(const std::string& path, const std::string& text) {
  toml::table doc;
  try {
    doc = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw InputError(path, e.source().begin.line, e.source().begin.column,
                     "invalid TOML: " + std::string(e.description()));
  }
  auto fail = [&](const std::string& msg, Position p = {}) { throw InputError(path, p.line, p.column, msg); };
  const toml::array* groups = doc["group"].as_array();
  if (!groups) fail("expected [[group]] tables");
  std::vector<Group> out;
  std::vector<Position> where;
  for (const toml::node& node : *groups) {
    const toml::table* tg = node.as_table();
    Position gpos = pos_of(node);
    if (!tg) fail("each [[group]] must be a table", gpos);
    auto name = (*tg)["name"].value<std::string>();
    if (!name || name->empty()) fail("a group has no name string", gpos);
    Group g;
    g.name = *name;
    if (const toml::node* d = tg->get("description")) {
      if (!d->is_string()) fail("description of group '" + g.name + "' must be a string", pos_of(*d));
      g.description = *d->value<std::string>();
    }
    const toml::node* members_node = tg->get("members");
    const toml::array* members = members_node ? members_node->as_array() : nullptr;
    if (!members) fail("group '" + g.name + "' has no members array", members_node ? pos_of(*members_node) : gpos);
    for (const toml::node& mn : *members) {
      Membership m;
      Position pos = pos_of(mn);
      if (auto s = mn.value<std::string>(); s && mn.is_string()) {
        m.iso3 = resolve_country(*s, path, pos, g.name);
      } else if (const toml::table* tm = mn.as_table()) {
        const toml::node* c = tm->get("country");
        if (!c || !c->is_string()) fail("a member of group '" + g.name + "' has no country string", pos);
        m.iso3 = resolve_country(*c->value<std::string>(), path, pos_of(*c), g.name);
        for (const char* key : {"from", "to"}) {
          const toml::node* v = tm->get(key);
          if (!v) continue;
          bool end = std::string_view(key) == "to";
          Date d = 0;
          if (const auto* date = v->as_date()) {
            const toml::date& td = date->get();
            d = make_date(td.year, td.month, td.day);
          } else if (v->is_string()) {
            d = parse_bound(*v->value<std::string>(), end, path, pos_of(*v), g.name);
          } else if (v->is_integer()) {  // a bare year: from = 1995
            d = parse_bound(std::to_string(*v->value<std::int64_t>()), end, path, pos_of(*v), g.name);
          } else {
            fail(std::string(key) + " of a member of group '" + g.name + "' must be a date", pos_of(*v));
          }
          (end ? m.to : m.from) = d;
        }
        check_membership(m, path, pos, g.name);
      } else {
        fail("a member of group '" + g.name + "' must be a country string or an inline table", pos);
      }
      g.members.push_back(std::move(m));
    }
    out.push_back(std::move(g));
    where.push_back(gpos);
  }
  check_unique_names(out, path, where);
  return out;
}

}  // namespace

const std::vector<Group>& builtin_groups() {
  static const std::vector<Group> groups = {eu(), nato(),        g7(),  g20(), brics(), sco(),  asean(),
                                            au(), arab_league(), nam(), g77(), p5(),    crink()};
  return groups;
}

const Group* find_group(std::string_view name, const std::vector<Group>& extra) {
  // A user's group of the same name shadows the built-in one.
  for (const auto& g : extra) {
    if (same_name(g.name, name)) return &g;
  }
  for (const auto& g : builtin_groups()) {
    if (same_name(g.name, name)) return &g;
  }
  return nullptr;
}

std::vector<Group> load_groups_file(const std::string& path) {
  const std::string lower = ascii_lower(path);
  if (!ends_with(lower, ".json") && !ends_with(lower, ".toml")) {
    throw InputError(path, 0, 0, "groups file must end in .json or .toml");
  }
  std::string text = read_whole(path);
  return ends_with(lower, ".json") ? load_json(path, text) : load_toml(path, text);
}

}  // namespace rostrum::registry
