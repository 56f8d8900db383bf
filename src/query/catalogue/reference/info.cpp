// info: what the store holds -- sources, bodies, roll calls, votes, dates.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "query/catalogue.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

// How to fill a year no shared file covers: the UN Library's bulk files hold the
// whole record to the latest session, and the undl importer reads them.
constexpr const char* kHowToFill =
    "download the UN Digital Library's voting CSVs (General Assembly: record 4060887, and the Security Council "
    "file beside it) with 'rostrum data pull --url URL --to DIR', then 'rostrum import DIR/FILE.csv'; the record "
    "re-stitches and counts each resolution once";

// The record per body, its coverage by year and body, and the years inside its
// span that no source covers.
nlohmann::json record_json(const store::Store& store) {
  nlohmann::json rec = nlohmann::json::object();
  const auto bodies = store.record();
  if (bodies.empty()) return rec;
  const auto summary = store.record_stitch_summary();
  int first_year = 9999, last_year = 0;
  for (const auto& b : bodies) {
    nlohmann::json j = {{"first_date", b.first_date},
                        {"last_date", b.last_date},
                        {"rollcalls", b.rollcalls},
                        {"votes", {{"yes", b.yes}, {"no", b.no}, {"abstain", b.abstain}, {"nonvoting", b.nonvoting}}}};
    if (summary.contains("precedence") && summary["precedence"].contains(b.body))
      j["sources"] = summary["precedence"][b.body];
    rec[b.body] = std::move(j);
    first_year = std::min(first_year, std::atoi(b.first_date.c_str()));
    last_year = std::max(last_year, std::atoi(b.last_date.c_str()));
  }
  std::map<int, nlohmann::json> by_year;
  for (const auto& c : store.record_coverage()) {
    auto& y = by_year[c.year];
    if (y.is_null()) y = {{"year", c.year}, {"ga", 0}, {"sc", 0}};
    y[c.body] = c.rollcalls;
    y["sources_" + c.body] = c.sources;
  }
  nlohmann::json coverage = nlohmann::json::array(), gaps = nlohmann::json::array();
  // Runs of empty years, per body, from the record's first to its last year.
  for (const char* body : {"ga", "sc"}) {
    if (!rec.contains(body)) continue;
    int run_from = 0;
    for (int y = first_year; y <= last_year + 1; ++y) {
      const bool empty = y <= last_year && (!by_year.count(y) || by_year[y][body].get<std::int64_t>() == 0);
      if (empty && !run_from) run_from = y;
      if (!empty && run_from) {
        nlohmann::json gap = {{"body", body}, {"from", run_from}, {"to", y - 1}};
        if (std::string(body) == "ga" && run_from == 1964 && y - 1 == 1964) {
          gap["why"] = "the 19th session (1964-65) held no recorded vote";
        } else {
          gap["why"] = "no imported source holds a roll call of these years";
          gap["fill"] = kHowToFill;
        }
        gaps.push_back(std::move(gap));
        run_from = 0;
      }
    }
  }
  for (auto& [year, j] : by_year) coverage.push_back(j);
  rec["coverage"] = std::move(coverage);
  rec["gaps"] = std::move(gaps);
  if (summary.contains("matches")) rec["matches"] = summary["matches"];
  if (summary.contains("pairs")) rec["duplicates"] = summary["pairs"];
  if (summary.contains("conflicts")) rec["conflicts"] = summary["conflicts"];
  nlohmann::json model = nlohmann::json::array();
  for (const auto& s : store.issue_model_scores())
    model.push_back({{"code", s.code},
                     {"train_years", s.train_years},
                     {"test_years", s.test_years},
                     {"n", s.n},
                     {"accuracy", s.accuracy},
                     {"always_no", s.always_no},
                     {"precision", s.precision},
                     {"recall", s.recall},
                     {"f1", s.f1}});
  if (!model.empty()) rec["predicted_issues"] = std::move(model);
  return rec;
}

// The record in a few lines for the terminal.
std::string record_text(const nlohmann::json& rec) {
  if (rec.empty()) return "";
  std::string out =
      "\nthe record (every source stitched, each resolution once; analyses use it unless --source names one):\n";
  for (const char* body : {"ga", "sc"}) {
    if (!rec.contains(body)) continue;
    const auto& b = rec[body];
    std::string sources;
    if (b.contains("sources"))
      for (const auto& s : b["sources"]) sources += (sources.empty() ? "" : " > ") + s.get<std::string>();
    out += std::string("  ") + (std::string(body) == "ga" ? "General Assembly" : "Security Council") + ": " +
           std::to_string(b["rollcalls"].get<std::int64_t>()) + " roll calls, " + b["first_date"].get<std::string>() +
           " to " + b["last_date"].get<std::string>() + (sources.empty() ? "" : " (precedence: " + sources + ")") +
           "\n";
  }
  if (rec.contains("conflicts"))
    out += "  duplicates matched: " + rec.value("matches", nlohmann::json::object()).dump() +
           "; conflicting votes: " + std::to_string(rec["conflicts"].get<std::int64_t>()) +
           " (rostrum record conflicts)\n";
  for (const auto& g : rec["gaps"]) {
    out += "  gap: " + g["body"].get<std::string>() + " " + std::to_string(g["from"].get<int>()) +
           (g["to"] != g["from"] ? "-" + std::to_string(g["to"].get<int>()) : std::string()) + ": " +
           g["why"].get<std::string>() + "\n";
    if (g.contains("fill")) out += "       to fill it: " + g["fill"].get<std::string>() + "\n";
  }
  if (rec.contains("predicted_issues"))
    out += "  issue codes after the last source that has them are predicted from titles (rostrum record issues)\n";
  return out;
}

Table info(Context& ctx, const Request&) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  Table t;
  t.columns = {"name", "format", "body", "rollcalls", "yes", "no", "abstain", "nonvoting", "first_date", "last_date"};
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : store.sources()) {
    t.add_row({s.name, s.format, s.body, s.rollcalls, s.yes, s.no, s.abstain, s.nonvoting, s.first_date, s.last_date});
    sources.push_back({{"name", s.name},
                       {"format", s.format},
                       {"body", s.body},
                       {"rollcalls", s.rollcalls},
                       {"votes", {{"yes", s.yes}, {"no", s.no}, {"abstain", s.abstain}, {"nonvoting", s.nonvoting}}},
                       {"first_date", s.first_date},
                       {"last_date", s.last_date},
                       {"imported_at", s.imported_at}});
  }
  t.meta = {{"countries", store.country_count()}, {"sources", sources}, {"db", ctx.db_path()}};
  if (auto rec = record_json(store); !rec.empty()) t.meta["record"] = std::move(rec);
  if (t.rows.empty())
    t.meta["reason"] =
        "the store holds no source yet: import one with 'rostrum import PATH' (see rostrum import --help)";
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(info) {
  return {
      .name = "info",
      .summary = "What the store holds: sources, roll calls, votes, dates",
      .description =
          "One row per imported source and body: format, roll calls, votes by value, first and last date; then the "
          "record every analysis uses by default: all sources stitched into one GA and one SC history, each "
          "resolution counted once (docs/store.md), with its coverage by year and body and the years no source "
          "covers. JSON: {\"countries\", \"sources\": [...], \"db\", \"record\": {\"ga\": {\"first_date\", "
          "\"last_date\", \"rollcalls\", ...}, \"sc\": {...}, \"coverage\": [...], \"gaps\": [...]}}.",
      .examples = {"rostrum info", "rostrum info --format json"},
      .columns = {{"name", ColumnType::text, "source name"},
                  {"format", ColumnType::text, "import format"},
                  {"body", ColumnType::text, "ga or sc"},
                  {"rollcalls", ColumnType::integer, "roll calls"},
                  {"yes", ColumnType::integer, "yes votes"},
                  {"no", ColumnType::integer, "no votes"},
                  {"abstain", ColumnType::integer, "abstentions"},
                  {"nonvoting", ColumnType::integer, "present, not voting"},
                  {"first_date", ColumnType::text, "first roll call (YYYY-MM-DD)"},
                  {"last_date", ColumnType::text, "last roll call (YYYY-MM-DD)"}},
      .run = info,
      .json_document =
          [](const Table& t) {
            nlohmann::json j = t.meta;
            j.erase("reason");
            return j;
          },
      .text_document =
          [](const Table& t) {
            return "store: " + t.meta["db"].get<std::string>() +
                   "\ncountries in the registry: " + std::to_string(t.meta["countries"].get<std::int64_t>()) + "\n\n" +
                   render(t, Format::table) + record_text(t.meta.value("record", nlohmann::json::object()));
          },
  };
}

}  // namespace rostrum::query
