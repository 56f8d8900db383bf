// The HTTP API's description: the server's own endpoints (/api, /api/health,
// /api/openapi.json) plus one endpoint per analysis of the query catalogue
// offered over HTTP. The router, the /api index and the OpenAPI document are all
// built from it, so a new catalogue entry is served with no edit here.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/catalogue.hpp"

namespace rostrum::server {

struct EndpointSpec {
  std::string path;     // "/api/agree"
  std::string command;  // catalogue analysis; "" for endpoints the server answers itself
  std::string summary;
  std::string description;
  const query::AnalysisSpec* analysis = nullptr;  // null for the server's own endpoints
};

// Built on first use from the catalogue (analyses added later are not seen).
const std::vector<EndpointSpec>& endpoints();
const EndpointSpec* find_endpoint(const std::string& path);

// The OpenAPI 3.0 document for every endpoint.
nlohmann::json openapi_document();

// The API version (the project's version).
const char* api_version();

}  // namespace rostrum::server
