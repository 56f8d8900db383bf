#include "server/api_spec.hpp"

#include <cmath>

#include "core/version.hpp"

namespace rostrum::server {
namespace {

std::vector<EndpointSpec> build() {
  std::vector<EndpointSpec> e;
  e.push_back({"/api", "", "List the endpoints", "The endpoints of this API and what they answer.", nullptr});
  e.push_back({"/api/health", "", "Health check",
               "Status of the service and of its store: ok (200), or degraded (503) when queries cannot be "
               "answered; version, store path and uptime.",
               nullptr});
  e.push_back({"/api/openapi.json", "", "This API as an OpenAPI 3 document", "", nullptr});
  for (const auto& a : query::catalogue())
    if (a.surfaces & query::kApi) e.push_back({a.path(), a.name, a.summary, a.description, &a});
  return e;
}

nlohmann::json param_schema(const query::ParamSpec& p) {
  using query::ParamType;
  nlohmann::json s;
  switch (p.type) {
    case ParamType::integer:
      s = {{"type", "integer"}};
      break;
    case ParamType::number:
      s = {{"type", "number"}};
      break;
    case ParamType::boolean:
      s = {{"type", "boolean"}};
      break;
    case ParamType::choice:
      s = {{"type", "string"}, {"enum", p.choices}};
      break;
    case ParamType::date:
      s = {{"type", "string"}, {"pattern", "^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$"}};
      break;
    default:
      s = {{"type", "string"}};
      break;
  }
  if (std::isfinite(p.min)) s["minimum"] = p.min;
  if (std::isfinite(p.max)) s["maximum"] = p.max;
  if (!std::holds_alternative<std::monostate>(p.fallback)) s["default"] = query::value_json(p.fallback);
  return s;
}

nlohmann::json param_json(const query::ParamSpec& p) {
  nlohmann::json j = {{"name", p.name},
                      {"in", "query"},
                      {"required", p.required},
                      {"description", p.help},
                      {"schema", param_schema(p)}};
  if (!p.example.empty()) j["example"] = p.example;
  return j;
}

nlohmann::json column_schema(const query::ColumnSpec& c) {
  nlohmann::json s;
  switch (c.type) {
    case query::ColumnType::integer:
      s = {{"type", "integer"}};
      break;
    case query::ColumnType::number:
      s = {{"type", "number"}};
      break;
    case query::ColumnType::text:
      s = {{"type", "string"}};
      break;
  }
  if (c.nullable) s["nullable"] = true;
  if (!c.help.empty()) s["description"] = c.help;
  return s;
}

nlohmann::json table_schema(const query::AnalysisSpec& a) {
  nlohmann::json row = {{"type", "object"}, {"additionalProperties", true}};
  if (!a.columns.empty()) {
    nlohmann::json props = nlohmann::json::object();
    for (const auto& c : a.columns) props[c.name] = column_schema(c);
    row["properties"] = props;
  }
  return {{"type", "object"},
          {"required", {"columns", "rows"}},
          {"properties",
           {{"columns", {{"type", "array"}, {"items", {{"type", "string"}}}}},
            {"rows", {{"type", "array"}, {"items", row}}},
            {"reason", {{"type", "string"}, {"description", "why the answer has no rows (only then)"}}}}},
          {"additionalProperties", true}};
}

std::string operation_id(const EndpointSpec& e) {
  if (e.path == "/api") return "index";
  if (e.path == "/api/openapi.json") return "openapi";
  std::string id = e.command.empty() ? e.path.substr(5) : e.command;
  for (char& c : id)
    if (c == '/' || c == '-') c = '_';
  return id;
}

}  // namespace

const char* api_version() { return version(); }

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
    nlohmann::json op = {{"summary", e.summary}, {"operationId", operation_id(e)}};
    if (!e.description.empty()) op["description"] = e.description;
    nlohmann::json params = nlohmann::json::array();
    if (e.analysis) {
      for (const auto& p : e.analysis->params)
        if (!p.cli_only) params.push_back(param_json(p));
      params.push_back(param_json({.name = "format",
                                   .type = query::ParamType::choice,
                                   .help = "Response format: json (default) or csv",
                                   .fallback = std::string("json"),
                                   .choices = {"json", "csv"}}));
    }
    if (!params.empty()) op["parameters"] = params;
    nlohmann::json ok = {{"description", "OK"}};
    if (e.analysis) {
      ok["content"] = {{"application/json", {{"schema", table_schema(*e.analysis)}}},
                       {"text/csv", {{"schema", {{"type", "string"}}}}}};
    } else {
      ok["content"] = {{"application/json", {{"schema", {{"type", "object"}}}}}};
    }
    nlohmann::json responses = {{"200", ok}};
    auto add = [&](const char* status, const char* description) {
      responses[status] = error_response;
      responses[status]["description"] = description;
    };
    if (e.analysis) {
      add("400", "Bad parameter (the error names it in `parameter`)");
      add("404", "Not available from this store yet (e.g. no saved run); the message says what to run");
      add("413", "Result too large: narrow the query");
      add("503", "The store cannot be read, or the server is busy");
    } else if (e.path == "/api/health") {
      add("503", "Degraded: the store cannot answer queries");
    }
    op["responses"] = responses;
    paths[e.path] = {{"get", op}};
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "rostrum alignment observatory API"},
            {"version", version()},
            {"description",
             "Read-only JSON over the rostrum query layer: agreement between states, group cohesion, ideal "
             "points, blocs and change points from UN roll-call votes, and the other channels of alignment. Every "
             "table endpoint answers {\"columns\": [...], \"rows\": [{column: value}, ...]} plus metadata (and "
             "\"reason\" when there are no rows), or CSV with format=csv. Errors answer {\"error\": message, "
             "\"parameter\": name}. Generated from the query catalogue."}}},
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
                  {"status", {{"type", "integer"}}}}}}}}}}}};
}

}  // namespace rostrum::server
