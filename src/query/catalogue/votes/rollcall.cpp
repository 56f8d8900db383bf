// rollcall: look up a roll call -- by symbol, words of its title, date or session
// -- and, for one, how every state voted: yes, no, abstain, absent (a member that
// did not vote) or non-member, with the totals, the source and its page in the
// UN Digital Library.
#include <algorithm>
#include <bit>
#include <map>

#include "core/error.hpp"
#include "core/text.hpp"
#include "query/catalogue.hpp"
#include "query/rollcall_lookup.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

struct Tally {
  std::int64_t counts[5] = {0, 0, 0, 0, 0};  // by StateVote
  void add(StateVote v) { ++counts[static_cast<int>(v)]; }
  std::int64_t of(StateVote v) const { return counts[static_cast<int>(v)]; }
  nlohmann::json json() const {
    return {{"yes", of(StateVote::yes)},
            {"no", of(StateVote::no)},
            {"abstain", of(StateVote::abstain)},
            {"absent", of(StateVote::absent)},
            {"non_member", of(StateVote::non_member)}};
  }
};

// The UN Library's title where a source of the record has it: unvotes' short
// titles are often subject headings ("ARMED CONFLICTS PREVENTION--MEDIATION").
// Some unvotes roll calls have no short title: then the description.
std::string title_of(const RollCallInfo& rc) {
  return !rc.library_title.empty() ? rc.library_title : !rc.title.empty() ? rc.title : rc.description;
}

// The rows worth listing: a historic state (SUN, YUG, DDR, ...) that held no seat
// on the date is left out rather than listed as a non-member.
// On the Security Council only its members are listed.
bool listed(std::string_view state, StateVote v, Body body) {
  if (v != StateVote::non_member) return true;
  if (body == Body::SecurityCouncil) return false;
  const registry::Country* c = registry::lookup(state);
  return c && !c->historic;
}

Table rollcall(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  const std::string& symbol = r.text("symbol");
  if (!r.has("body") && !symbol.empty() && is_council_symbol(symbol)) sel.body = "sc";
  if (r.has("date")) {
    const Date from = *parse_date_bound(r.text("date"), false), to = *parse_date_bound(r.text("date"), true);
    sel.filter.date_from = sel.filter.date_from ? std::max(*sel.filter.date_from, from) : from;
    sel.filter.date_to = sel.filter.date_to ? std::min(*sel.filter.date_to, to) : to;
    sel.label = sel.label == "all" ? r.text("date") : sel.label + " " + r.text("date");
  }
  auto m = ctx.matrix(sel.source, sel.body);
  const std::vector<std::string> words = search_words(r.text("search"));
  if (r.has("search") && words.empty())
    throw ParameterError("search", "no word to search for in '" + r.text("search") + "'");
  const std::vector<Word> mask = m->select(sel.filter);
  std::vector<int> matches, parts;
  for (int k = 0; k < m->rollcalls(); ++k) {
    if (!(mask[static_cast<std::size_t>(k / kWordBits)] >> (k % kWordBits) & 1)) continue;
    const RollCallInfo& rc = m->rollcall(k);
    if (r.has("id") && rc.id != r.integer("id")) continue;
    if (!words.empty() && !has_words(rc, words)) continue;
    if (symbol.empty() || symbol_matches(symbol, rc.symbol))
      matches.push_back(k);
    else if (symbol_part_of(symbol, rc.symbol))
      parts.push_back(k);
  }
  // No exact symbol: the parts of the resolution (a source's "R/26/2758G").
  if (matches.empty()) matches = std::move(parts);

  // Source formats by name: a roll call's format decides its link and whether a
  // missing record is an absence.
  std::map<std::string, std::string, std::less<>> formats;
  for (const auto& s : store::Store::open(ctx.db_path(), false, true).sources()) formats[s.name] = s.format;
  auto format_of = [&](const RollCallInfo& rc) {
    auto it = formats.find(rc.source.empty() ? sel.source : rc.source);
    return it == formats.end() ? std::string() : it->second;
  };
  const RecordSpans spans = record_spans(*m);
  auto tally_of = [&](int k, bool absences) {
    Tally t;
    for (int c = 0; c < m->countries(); ++c) t.add(state_vote(*m, c, k, absences, spans));
    return t;
  };

  Table t;
  std::vector<std::string> criteria;
  if (!symbol.empty()) criteria.push_back("symbol " + symbol);
  if (!words.empty()) criteria.push_back("title words '" + join(words, " ") + "'");
  if (r.has("id")) criteria.push_back("id " + std::to_string(r.integer("id")));
  const std::string selected = sel.describe() + (criteria.empty() ? "" : ", " + join(criteria, ", "));

  if (matches.size() != 1) {
    t.meta["mode"] = "matches";
    t.columns = {"id", "body", "session", "date", "symbol", "title", "yes", "no", "abstain", "source"};
    const auto limit = static_cast<std::size_t>(r.integer("limit"));
    for (std::size_t i = 0; i < matches.size() && i < limit; ++i) {
      const RollCallInfo& rc = m->rollcall(matches[i]);
      const Tally tally = tally_of(matches[i], true);
      t.add_row({rc.id, std::string(body_code(rc.body)), rc.session_label, format_date(rc.date), rc.symbol,
                 title_of(rc), tally.of(StateVote::yes), tally.of(StateVote::no), tally.of(StateVote::abstain),
                 rc.source});
    }
    t.meta["matches"] = static_cast<std::int64_t>(matches.size());
    if (matches.size() > limit)
      t.meta["notice"] = std::to_string(matches.size()) + " roll calls match; the first " + std::to_string(limit) +
                         " are listed (narrow the search or raise --limit)";
    if (matches.empty()) {
      std::int64_t in_selection = 0;
      for (Word w : mask) in_selection += std::popcount(w);
      const std::string why = explain_empty(*m, sel);
      t.meta["reason"] = !why.empty() ? why
                                      : "no roll call matches " + selected + " (" + std::to_string(in_selection) +
                                            " roll calls of the " +
                                            (sel.body == "sc" ? "Security Council" : "General Assembly") + " searched)";
    }
    return t;
  }

  const int k = matches.front();
  const RollCallInfo& rc = m->rollcall(k);
  const std::string format = format_of(rc);
  const bool absences = records_absences(format);
  GroupSpec group;
  const bool by_group = r.has("group");
  if (by_group) group = parse_group(r.text("group"), "group", ctx.user_groups(), 1);
  std::vector<int> only;
  if (r.has("countries")) only = parse_countries(*m, r.text("countries"), "countries", true, ctx.user_groups());
  const bool by_countries = r.has("countries") && r.text("countries") != "all";

  t.meta["mode"] = "votes";
  t.columns = {"country", "name", "vote"};
  Tally all, shown;
  std::vector<std::pair<std::string, StateVote>> rows;
  for (int c = 0; c < m->countries(); ++c) {
    const StateVote v = state_vote(*m, c, k, absences, spans);
    const std::string state = state_on(m->iso3(c), rc.date);
    if (!listed(state, v, rc.body)) continue;
    all.add(v);
    if (by_group && !group.is_member(m->iso3(c), rc.date)) continue;
    if (by_countries && std::find(only.begin(), only.end(), c) == only.end()) continue;
    shown.add(v);
    rows.emplace_back(state, v);
  }
  std::sort(rows.begin(), rows.end());
  for (const auto& [state, v] : rows) {
    const registry::Country* country = registry::lookup(state);
    t.add_row({state, country ? std::string(country->name) : state, std::string(state_vote_name(v))});
  }
  std::string link_kind;
  const std::string link = rollcall_link(rc, format, &link_kind);
  nlohmann::json info = {{"id", rc.id},
                         {"key", rc.key},
                         {"body", std::string(body_code(rc.body))},
                         {"session", rc.session_label},
                         {"date", format_date(rc.date)},
                         {"symbol", rc.symbol},
                         {"title", title_of(rc)},
                         {"library_title", rc.library_title},
                         {"source", rc.source},
                         {"format", format},
                         {"link", link},
                         {"link_kind", link_kind}};
  const nlohmann::json totals = all.json();
  for (auto it = totals.begin(); it != totals.end(); ++it) info[it.key()] = it.value();
  t.meta["rollcall"] = info;
  // The CLI prints it on stderr above the rows: which roll call this is.
  t.meta["notice"] = rc.symbol + ", " + format_date(rc.date) + " (session " + rc.session_label + "): yes " +
                     std::to_string(all.of(StateVote::yes)) + ", no " + std::to_string(all.of(StateVote::no)) +
                     ", abstain " + std::to_string(all.of(StateVote::abstain)) + ", absent " +
                     std::to_string(all.of(StateVote::absent)) + "; source " + rc.source +
                     (link.empty() ? "" : ", " + link);
  t.meta["absences"] = absences
                           ? "recorded by the source"
                           : "inferred: the source does not record absences; a state holding its seat with records "
                             "before this date is counted absent";
  if (by_group || by_countries) t.meta["tally"] = shown.json();
  if (t.rows.empty())
    t.meta["reason"] = "none of the selected states (" + (by_group ? r.text("group") : r.text("countries")) +
                       ") is listed for " + rc.symbol + " of " + format_date(rc.date);
  return t;
}

nlohmann::json rollcall_document(const Table& t) {
  nlohmann::json rows = to_json(t)["rows"];
  nlohmann::json doc;
  if (t.meta.value("mode", "") == "votes") {
    doc = {{"rollcall", t.meta["rollcall"]}, {"votes", rows}};
    if (t.meta.contains("tally")) doc["tally"] = t.meta["tally"];
  } else {
    doc = {{"matches", rows}, {"count", t.meta.value("matches", std::int64_t{0})}};
  }
  if (t.meta.contains("reason")) doc["reason"] = t.meta["reason"];
  return doc;
}

std::vector<ParamSpec> rollcall_selectors() {
  std::vector<ParamSpec> out;
  for (auto& p : selector_params({.by = "", .issue = true}))
    if (p.name != "important" && p.name != "no-amendments" && p.name != "no-paragraphs") out.push_back(std::move(p));
  return out;
}

}  // namespace

ROSTRUM_ANALYSIS(rollcall) {
  return {
      .name = "rollcall",
      .summary = "Look up a roll call: the matches, or for one every state's vote, the totals and the source",
      .description =
          "Finds roll calls by symbol (case and spacing do not matter; A/RES/2758(XXVI) also finds unvotes'\n"
          "R/26/2758; a Security Council symbol S/RES/... searches the council), by words of the title (each word\n"
          "must begin a word of the title, the UN Library's title or the description), by date (a day or a year;\n"
          "unvotes' dates can be off by up to a month), by session (74, ES-11) or by id. Several matches: one row\n"
          "per roll call with its totals. Exactly one (or --id): one row per state -- yes, no, abstain, absent (a\n"
          "member that did not vote) or non-member -- and meta.rollcall with the symbol, title, date, totals (over\n"
          "the states listed without filters), source and link. Where the source has no record of a state: on the\n"
          "Security Council, not a council member; in the General Assembly, a non-member when its seat was another's\n"
          "or none (SUN after 1991, TWN after 1971) or it had no record yet (not admitted); with records before and\n"
          "after the date, a non-member if the source records absences (the UN Library's files, Voeten's) and absent\n"
          "if it does not (unvotes); with records before only, absent (a state still holding its seat). Historic\n"
          "states (SUN, YUG, ...) are not listed on dates when they held no seat, nor, on the Security Council, "
          "states\n"
          "not on it; the RUS row before 1991-12-24 is listed as SUN. A symbol that matches no roll call exactly "
          "finds\n"
          "the parts of the resolution (unvotes' R/26/2758G for A/RES/2758(XXVI)).\n"
          "\n"
          "meta.rollcall.link is the UN Digital Library record (https://digitallibrary.un.org/record/<id>)\n"
          "for roll calls of the Library's files whose key is the record id (undl_id of the bulk file, token of the\n"
          "scrapes), else a Library search for the symbol (link_kind: record or search).",
      .examples = {"rostrum rollcall A/RES/ES-11/7", "rostrum rollcall --search \"peace in Ukraine\"",
                   "rostrum rollcall a/res/es-11/7 --group G20", "rostrum rollcall --date 2025-02-24",
                   "rostrum rollcall --session ES-11 --format csv"},
      .params = params_of({
          {{.name = "symbol",
            .type = ParamType::text,
            .help = "Resolution symbol (A/RES/ES-11/7, S/RES/2334(2016)); case and spaces do not matter",
            .example = "A/RES/ES-11/7",
            .positional = true},
           {.name = "search",
            .type = ParamType::text,
            .help = "Words of the title (all must occur, as word beginnings)",
            .example = "peace in Ukraine"},
           {.name = "date",
            .type = ParamType::date,
            .help = "The day (YYYY-MM-DD) or year (YYYY) of the vote",
            .example = "2025-02-24"},
           {.name = "id",
            .type = ParamType::integer,
            .help = "The roll call's id in the store (the id column of a list)",
            .min = 1,
            .example = "1"},
           {.name = "group",
            .type = ParamType::countries,
            .help = "One roll call: only states of this group on the date (G20, EU, X+Y+Z)",
            .example = "G20"},
           {.name = "countries",
            .type = ParamType::countries,
            .help = "One roll call: only these states",
            .example = "USA,CHN,RUS"},
           {.name = "limit",
            .type = ParamType::integer,
            .help = "At most this many matches listed",
            .fallback = std::int64_t{500},
            .min = 1,
            .max = 100000}},
          rollcall_selectors(),
      }),
      .columns = {{"country", ColumnType::text, "one roll call: ISO3 of the state as it voted (SUN before 1991-12-24)"},
                  {"name", ColumnType::text, "one roll call: the state's name"},
                  {"vote", ColumnType::text,
                   "one roll call: yes, no, abstain, absent (a member that did not vote) or non-member"},
                  {"id", ColumnType::integer, "matches: the roll call's id (--id)"},
                  {"body", ColumnType::text, "matches: ga or sc"},
                  {"session", ColumnType::text, "matches: session label (74, ES-11; the year for the council)"},
                  {"date", ColumnType::text, "matches: date of the vote (YYYY-MM-DD)"},
                  {"symbol", ColumnType::text, "matches: resolution symbol"},
                  {"title", ColumnType::text,
                   "matches: title (the UN Library's where a source of the record has it, else the source's title or "
                   "description)"},
                  {"yes", ColumnType::integer, "matches: states voting yes"},
                  {"no", ColumnType::integer, "matches: states voting no"},
                  {"abstain", ColumnType::integer, "matches: states abstaining"},
                  {"source", ColumnType::text,
                   "matches: the source whose votes these are (one roll call: meta.rollcall.source and .link, the UN "
                   "Digital Library record or a search for the symbol)"}},
      .run = rollcall,
      .json_document = rollcall_document,
  };
}

}  // namespace rostrum::query
