// The catalogue written out for other tools: as JSON (the bindings read it), as
// TypeScript types for the dashboard (web/src/api-types.ts), and as a Markdown
// reference (docs/reference.md). Tests check that the checked-in copies are current.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace rostrum::query {

// {"analyses": [{"name", "summary", "kind", "path", "surfaces": [...], "params": [{"name", "type",
// "help", "default", "min", "max", "choices", "required", ...}], "columns": [{"name", "type", "nullable", "help",
// "date" (when it holds YYYY-MM-DD dates)}]}]}
nlohmann::json catalogue_json();
std::string catalogue_typescript();
std::string catalogue_markdown();

}  // namespace rostrum::query
