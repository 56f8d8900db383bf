#include "query/catalogue_export.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"
#include "query/catalogue.hpp"
#include "query/columns.hpp"

namespace rostrum::query {

namespace {

std::string column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::integer:
      return "integer";
    case ColumnType::number:
      return "number";
    case ColumnType::text:
      return "text";
  }
  return "text";
}

// "ideal-latest" -> "IdealLatest", "sanctions/lag" -> "SanctionsLag"
std::string type_name(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-' || c == '/' || c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string ts_param_type(const ParamSpec& p) {
  switch (p.type) {
    case ParamType::integer:
    case ParamType::number:
      return "number";
    case ParamType::boolean:
      return "boolean | 0 | 1";
    case ParamType::choice: {
      std::vector<std::string> quoted;
      for (const auto& c : p.choices) quoted.push_back("'" + c + "'");
      return join(quoted, " | ");
    }
    case ParamType::date:
    case ParamType::sessions:
    case ParamType::years:
      return "string | number";
    default:
      return "string";
  }
}

std::string ts_key(const std::string& name) {
  const bool plain = std::all_of(name.begin(), name.end(),
                                 [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  return plain ? name : "'" + name + "'";
}

std::string surfaces_text(unsigned s) {
  std::vector<std::string> out;
  if (s & kCli) out.push_back("cli");
  if (s & kApi) out.push_back("api");
  if (s & kBindings) out.push_back("bindings");
  return join(out, ", ");
}

}  // namespace

nlohmann::json catalogue_json() {
  nlohmann::json analyses = nlohmann::json::array();
  for (const auto& a : catalogue()) {
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : a.params) {
      nlohmann::json j = {{"name", p.name},
                          {"type", std::string(param_type_name(p.type))},
                          {"help", p.help},
                          {"default", value_json(p.fallback)},
                          {"required", p.required}};
      if (std::isfinite(p.min)) j["min"] = p.min;
      if (std::isfinite(p.max)) j["max"] = p.max;
      if (!p.choices.empty()) j["choices"] = p.choices;
      if (!p.example.empty()) j["example"] = p.example;
      if (p.positional) j["positional"] = true;
      if (p.cli_only) j["cli_only"] = true;
      params.push_back(std::move(j));
    }
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& c : a.columns) {
      columns.push_back(
          {{"name", c.name}, {"type", column_type_name(c.type)}, {"nullable", c.nullable}, {"help", c.help}});
      if (is_date_column(c)) columns.back()["date"] = true;  // the bindings give it as dates
    }
    nlohmann::json surfaces = nlohmann::json::array();
    if (a.surfaces & kCli) surfaces.push_back("cli");
    if (a.surfaces & kApi) surfaces.push_back("api");
    if (a.surfaces & kBindings) surfaces.push_back("bindings");
    analyses.push_back({{"name", a.name},
                        {"summary", a.summary},
                        {"description", a.description},
                        {"kind", a.kind},
                        {"path", a.path()},
                        {"surfaces", surfaces},
                        {"examples", a.examples},
                        {"params", params},
                        {"columns", columns}});
  }
  return {{"analyses", analyses}};
}

std::string catalogue_typescript() {
  std::string out =
      "// Generated from the query catalogue by `rostrum catalogue --typescript`; do not edit.\n"
      "// tests/query checks that this file is current: regenerate it after changing an analysis.\n\n";
  std::string endpoints = "export const endpoints = {\n";
  std::string index = "export interface Analyses {\n";
  for (const auto& a : catalogue()) {
    if (!(a.surfaces & kApi)) continue;
    const std::string t = type_name(a.name);
    out += "/** " + a.summary + " */\nexport interface " + t + "Params {\n";
    for (const auto& p : a.params) {
      if (p.cli_only) continue;
      out += "  /** " + p.help + " */\n  " + ts_key(p.name) + (p.required ? "" : "?") + ": " + ts_param_type(p) + ";\n";
    }
    out += "}\n\nexport interface " + t + "Row {\n";
    for (const auto& c : a.columns) {
      const std::string type = c.type == ColumnType::text ? "string" : "number";
      out += "  " + ts_key(c.name) + ": " + type + (c.nullable ? " | null" : "") + ";\n";
    }
    out += "}\n\n";
    const std::string path = a.path().substr(5);  // without "/api/"
    endpoints += "  " + ts_key(a.name) + ": '" + path + "',\n";
    index += "  " + ts_key(a.name) + ": { params: " + t + "Params; row: " + t + "Row };\n";
  }
  endpoints += "} as const;\n\n";
  index += "}\n";
  return out + endpoints + index;
}

std::string catalogue_markdown() {
  std::string out =
      "# Analyses reference\n\n"
      "Generated from the query catalogue by `rostrum catalogue --markdown`; do not edit. Every analysis is a "
      "CLI subcommand (`rostrum NAME --FLAG VALUE`) and, where marked api, an HTTP endpoint (`GET PATH?FLAG=VALUE`) "
      "with the same parameters and the same answer. See docs/architecture.md for how to add one.\n\n";
  for (const auto& a : catalogue()) {
    out += "## " + a.name + "\n\n" + a.summary + ".\n\n";
    out += "Offered on: " + surfaces_text(a.surfaces) + (a.surfaces & kApi ? " (`GET " + a.path() + "`)" : "") + "\n\n";
    if (!a.description.empty()) out += "```\n" + a.description + "\n```\n\n";
    if (!a.params.empty()) {
      out += "| parameter | type | default | help |\n|---|---|---|---|\n";
      for (const auto& p : a.params) {
        std::string type(param_type_name(p.type));
        if (p.type == ParamType::choice) type += ": " + join(p.choices, ", ");
        if (std::isfinite(p.min) || std::isfinite(p.max)) type += fmt::format(" [{}, {}]", p.min, p.max);
        std::string def =
            value_json(p.fallback).is_null() ? (p.required ? "required" : "") : value_json(p.fallback).dump();
        out += "| `" + p.name + "` | " + type + " | " + def + " | " + p.help + " |\n";
      }
      out += "\n";
    }
    if (!a.columns.empty()) {
      std::vector<std::string> cols;
      for (const auto& c : a.columns) cols.push_back("`" + c.name + "` (" + column_type_name(c.type) + ")");
      out += "Columns: " + join(cols, ", ") + ".\n\n";
    }
    if (!a.examples.empty()) {
      out += "```sh\n";
      for (const auto& e : a.examples) out += e + "\n";
      out += "```\n\n";
    }
  }
  return out;
}

}  // namespace rostrum::query
