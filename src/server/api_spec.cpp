#include "server/api_spec.hpp"

namespace rostrum::server {
namespace {

ParamSpec str(std::string name, std::string description, std::string example = {}) {
  return {std::move(name), "string", std::move(description), {}, std::move(example)};
}
ParamSpec integer(std::string name, std::string description, std::string example = {}) {
  return {std::move(name), "integer", std::move(description), {}, std::move(example)};
}
ParamSpec number(std::string name, std::string description, std::string example = {}) {
  return {std::move(name), "number", std::move(description), {}, std::move(example)};
}
ParamSpec boolean(std::string name, std::string description) {
  return {std::move(name), "boolean", std::move(description), {"0", "1", "true", "false"}, {}};
}
ParamSpec choice(std::string name, std::string description, std::vector<std::string> values) {
  return {std::move(name), "string", std::move(description), std::move(values), {}};
}

ParamSpec body() {
  return choice("body", "UN body: General Assembly plenary (ga, default) or Security Council (sc).",
                {"ga", "sc"});
}
ParamSpec by() {
  return choice("by", "Period of aggregation: one row per session, per calendar year, or one for the whole range.",
                {"session", "year", "all"});
}
ParamSpec from() { return integer("from", "First year included (inclusive).", "1991"); }
ParamSpec to() { return integer("to", "Last year included (inclusive).", "2019"); }
ParamSpec session() {
  return str("session", "One session (a number, or an emergency session such as ES-11).", "74");
}
ParamSpec year() { return integer("year", "One calendar year.", "2019"); }
ParamSpec issue() {
  return str("issue",
             "Only roll calls on this issue: me (Palestinian conflict), nu (nuclear weapons), "
             "di (arms control and disarmament), hr (human rights), co (colonialism), "
             "ec (economic development).",
             "hr");
}
ParamSpec important() { return boolean("important", "Only roll calls flagged as important votes."); }
ParamSpec source() {
  return str("source", "Imported source to read (see /api/info); default: the body's default source.");
}
ParamSpec no_amendments() { return boolean("no-amendments", "Leave out votes on amendments."); }
ParamSpec no_paragraphs() { return boolean("no-paragraphs", "Leave out separate votes on paragraphs."); }

std::vector<EndpointSpec> build() {
  std::vector<EndpointSpec> e;
  e.push_back({"/api", "", "List the endpoints", "The endpoints of this API and what they answer.", {}, {}});
  e.push_back({"/api/health", "", "Liveness check",
               "Always answers 200 while the server runs: status, version, store path and uptime.", {}, {}});
  e.push_back({"/api/openapi.json", "", "This API as an OpenAPI 3 document", "", {}, {}});
  e.push_back({"/api/info", "info", "What the store holds",
               "Sources, bodies, roll calls, votes, countries and the data version (same content as "
               "`rostrum info --format json`).",
               {},
               {}});
  e.push_back({"/api/countries", "countries", "Countries in the registry",
               "Canonical ids (ISO 3166 alpha-3 or a project code for historic states), ISO2, COW code, "
               "UN M49 numeric code and region, display name, successor links.",
               {},
               {"iso3", "iso2", "cow", "cow_abbr", "m49", "name", "region", "subregion", "historic", "successors"}});
  e.push_back({"/api/groups", "groups", "Country groups",
               "Named groups (EU, NATO, G7, BRICS, CRINK, ...) with their dated membership.",
               {str("date", "Membership on this date (YYYY-MM-DD); default today.", "2020-01-01")},
               {"name", "members", "size", "ever_members", "description"}});
  e.push_back({"/api/agree", "agree", "Agreement between pairs of states",
               "One row per pair and period. a and b take comma-separated countries (ISO3, ISO2, COW "
               "code or name), group names, or `all` (a=all&b=all gives every unordered pair). With "
               "ci=0.95 the rows carry bootstrap percentile intervals (lo, hi) from resampling roll "
               "calls within each period. The period column holds the session, the year, or the "
               "label of the whole range.",
               {str("a", "First side: countries (comma-separated), a group, or all.", "USA"),
                str("b", "Second side: countries (comma-separated), a group, or all.", "RUS,CHN"),
                choice("measure",
                       "Agreement measure: agree (Voeten; drops unanimous roll calls unless "
                       "keep-unanimous=1), coincidence (US State Department, see rule), s "
                       "(Signorino-Ritter S, absolute), s2 (S, squared), kappa and pi (Häge 2011, "
                       "quadratic weights), a (chance-adjusted S).",
                       {"agree", "coincidence", "s", "s2", "kappa", "pi", "a"}),
                choice("rule", "Coincidence regime (measure=coincidence): default partial.",
                       {"votes-only", "partial", "nonvoting-as-abstain"}),
                boolean("keep-unanimous", "measure=agree: keep roll calls on which every voting state voted alike."),
                by(), from(), to(), session(), year(), issue(), important(), no_amendments(), no_paragraphs(),
                body(), source(),
                number("ci", "Confidence level of bootstrap percentile intervals (lo, hi), e.g. 0.95; 0 = none.", "0.95"),
                integer("boot", "Bootstrap replicates when ci > 0 (default 1000).", "1000"),
                integer("seed", "Random seed for the bootstrap.", "1")},
               {"a", "b", "period", "measure", "value", "n", "lo", "hi"}});
  e.push_back({"/api/cohesion", "cohesion", "Cohesion of groups over time",
               "Per group and period, the mean over roll calls of the chosen index (absences "
               "excluded), with a simulated null (mean and 95% band) for a random group of the same "
               "size.",
               {str("group", "One group name (G7, EU, CRINK, ...) or a comma-separated list of countries forming an ad-hoc group.",
                    "CRINK"),
                choice("index", "Cohesion index: Rice, Attinà, or Hix-Noury-Roland agreement index (default ai).",
                       {"rice", "attina", "ai"}),
                integer("null", "Replicates of the simulated null (random groups of the same size); default 200.", "200"),
                integer("seed", "Random seed for the null.", "1"),
                boolean("defections", "Instead of cohesion: per member, how often it voted against the group majority "
                        "(columns group, period, country, votes, defections, rate)."),
                by(), from(), to(), session(), year(), issue(), important(), no_amendments(), no_paragraphs(),
                body(), source()},
               {"group", "period", "index", "value", "n", "members", "null_mean", "null_lo", "null_hi"}});
  e.push_back({"/api/ideal", "ideal", "Ideal points over time",
               "Dynamic ordinal ideal points per country and session (Bailey, Strezhnev & Voeten "
               "2017 model) with SD and 95% interval, from the latest estimation run saved in the store "
               "by `rostrum ideal`; the metadata holds the run, its parameters and fit. Without a saved "
               "run: 400 with a message saying to run `rostrum ideal` first.",
               {str("countries", "Countries (comma-separated) or a group; default all.", "USA,CHN,RUS"),
                from(), to(), session(), year(), body(), source()},
               {"country", "session", "year", "ideal", "sd", "lo", "hi", "nvotes"}});
  e.push_back({"/api/blocs", "blocs", "Voting blocs",
               "Communities of the agreement graph per period (Leiden or multilevel modularity with "
               "resolution gamma, consensus over runs), tracked across periods by Jaccard overlap so "
               "that a bloc keeps its label. With scan=1: a resolution scan per period instead.",
               {year(), session(), by(), from(), to(), issue(), important(), body(), source(),
                number("gamma", "Resolution parameter of the community detection (default 1).", "1.0"),
                choice("algorithm", "Community detection algorithm (default leiden).", {"leiden", "multilevel"}),
                integer("runs", "Runs combined into the consensus partition (default 20).", "20"),
                integer("seed", "Random seed.", "1"),
                choice("measure", "Agreement measure of the graph's edges (default agree).",
                       {"agree", "coincidence", "s", "s2", "kappa", "pi", "a"}),
                integer("min-n", "Pairs with fewer joint votes get no edge (default 10).", "10"),
                boolean("scan", "Scan gamma (gamma-min, gamma-max, gamma-step) and report stable partitions."),
                number("gamma-min", "Scan: smallest gamma (default 0.5).", "0.5"),
                number("gamma-max", "Scan: largest gamma (default 2).", "2"),
                number("gamma-step", "Scan: step (default 0.1).", "0.1")},
               {"period", "bloc", "label", "size", "members", "modularity", "gamma", "effective_blocs"}});
  e.push_back({"/api/poles", "poles", "Distance to two poles (swing states)",
               "Per period and country, agreement with each of two poles (countries or groups, e.g. "
               "USA,CHN or G7,CRINK) and which pole is nearer.",
               {str("poles", "Two poles separated by a comma; a pole may join countries with + (default USA,CHN).", "USA,CHN"),
                choice("measure", "Agreement measure (default agree).", {"agree", "coincidence", "s", "s2", "kappa", "pi", "a"}),
                integer("min-n", "Minimum joint votes (default 10).", "10"),
                number("tie", "Margin below which neither pole is nearer (default 0).", "0.05"),
                by(), from(), to(), session(), year(), issue(), important(), body(), source()},
               {"period", "country", "name", "region", "role", "to_a", "n_a", "to_b", "n_b", "margin", "nearer"}});
  e.push_back({"/api/shifts", "shifts", "Change points in agreement or cohesion",
               "Change points of a pair's agreement series (a and b) or of a group's cohesion series "
               "(group): binomial or beta-binomial cost on the agree/disagree counts, PELT or binary "
               "segmentation, penalty chosen by an information criterion over the CROPS path. Rows: "
               "kind=segment (first, last, mean, n) and kind=change (first = the first period of the "
               "new regime, before, after, cost_reduction); the metadata holds the series and the path.",
               {str("a", "First country.", "USA"), str("b", "Second country.", "RUS"),
                str("group", "Instead of a and b: a group (or a list of countries) whose cohesion series is segmented.", "EU"),
                choice("index", "Cohesion index when group is given (default ai).", {"rice", "attina", "ai"}),
                choice("measure", "agree (default) or coincidence: shifts works on proportions.", {"agree", "coincidence"}),
                choice("method", "Segmentation method (default pelt).", {"pelt", "binseg"}),
                choice("cost", "Segment cost (default beta-binomial).", {"binomial", "beta-binomial"}),
                str("select", "How the penalty is chosen: ic (default), elbow, or penalty (with penalty=).", "ic"),
                number("penalty", "Fixed penalty (select=penalty).", "10"),
                number("ic-multiplier", "Information-criterion multiplier (default 2).", "2"),
                integer("min-segment", "Minimum periods per segment (default 3).", "3"),
                by(), from(), to(), session(), year(), issue(), important(), body(), source()},
               {"kind", "first", "last", "mean", "before", "after", "n", "cost_reduction"}});
  return e;
}

nlohmann::json param_json(const ParamSpec& p) {
  nlohmann::json schema = {{"type", p.type}};
  if (!p.values.empty() && p.type == "string") schema["enum"] = p.values;
  if (p.type == "boolean") schema = {{"type", "string"}, {"enum", p.values}};
  nlohmann::json j = {{"name", p.name}, {"in", "query"}, {"required", false}, {"description", p.description},
                      {"schema", schema}};
  if (!p.example.empty()) j["example"] = p.example;
  return j;
}

nlohmann::json table_schema(const std::vector<std::string>& columns) {
  nlohmann::json row = {{"type", "object"}, {"additionalProperties", true}};
  if (!columns.empty()) {
    nlohmann::json props = nlohmann::json::object();
    for (const auto& c : columns) props[c] = nlohmann::json::object();
    row["properties"] = props;
  }
  return {{"type", "object"},
          {"required", {"columns", "rows"}},
          {"properties",
           {{"columns", {{"type", "array"}, {"items", {{"type", "string"}}}}},
            {"rows", {{"type", "array"}, {"items", row}}}}},
          {"additionalProperties", true}};
}

}  // namespace

const std::vector<EndpointSpec>& endpoints() {
  static const std::vector<EndpointSpec> all = build();
  return all;
}

const EndpointSpec* find_endpoint(const std::string& path) {
  for (const auto& e : endpoints())
    if (e.path == path) return &e;
  return nullptr;
}

nlohmann::json openapi_document() {
  nlohmann::json paths = nlohmann::json::object();
  const nlohmann::json error_response = {
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  for (const auto& e : endpoints()) {
    nlohmann::json op = {{"summary", e.summary}, {"operationId", e.command.empty() ? (e.path == "/api" ? "index" : e.path.substr(5)) : e.command}};
    if (op["operationId"] == "openapi.json") op["operationId"] = "openapi";
    if (!e.description.empty()) op["description"] = e.description;
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : e.params) params.push_back(param_json(p));
    if (!e.command.empty()) {
      params.push_back(param_json({"format", "string", "Response format: json (default) or csv.", {"json", "csv"}, {}}));
    }
    if (!params.empty()) op["parameters"] = params;
    nlohmann::json ok = {{"description", "OK"}};
    if (!e.command.empty()) {
      ok["content"] = {{"application/json", {{"schema", table_schema(e.columns)}}},
                       {"text/csv", {{"schema", {{"type", "string"}}}}}};
    } else {
      ok["content"] = {{"application/json", {{"schema", {{"type", "object"}}}}}};
    }
    nlohmann::json responses = {{"200", ok}};
    if (!e.command.empty()) {
      responses["400"] = error_response;
      responses["400"]["description"] = "Bad parameter (the error names it)";
      responses["413"] = error_response;
      responses["413"]["description"] = "Result too large: narrow the query";
      responses["501"] = error_response;
      responses["501"]["description"] = "This analysis is not available in this build yet";
      responses["503"] = error_response;
      responses["503"]["description"] = "The store cannot be read";
    }
    op["responses"] = responses;
    paths[e.path] = {{"get", op}};
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "rostrum alignment observatory API"},
            {"version", "0.1.0"},
            {"description",
             "Read-only JSON over the rostrum query layer: agreement between states, group "
             "cohesion, ideal points, blocs and change points from UN roll-call votes. Every table "
             "endpoint answers {\"columns\": [...], \"rows\": [{column: value}, ...]} plus metadata, "
             "or CSV with format=csv. Errors answer {\"error\": message, \"parameter\": name}."}}},
          {"servers", {{{"url", "/"}}}},
          {"paths", paths},
          {"components",
           {{"schemas",
             {{"Error",
               {{"type", "object"},
                {"required", {"error"}},
                {"properties",
                 {{"error", {{"type", "string"}}},
                  {"parameter", {{"type", "string"}}},
                  {"command", {{"type", "string"}}}}}}}}}}}};
}

}  // namespace rostrum::server
