// The one description of the HTTP API: every endpoint, its parameters and the
// columns of its result. The router, the /api index and the OpenAPI document are
// all built from it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rostrum::server {

struct ParamSpec {
  std::string name;
  std::string type;  // "string", "integer", "number", "boolean"
  std::string description;
  std::vector<std::string> values;  // allowed values when it is an enumeration
  std::string example;
};

struct EndpointSpec {
  std::string path;     // "/api/agree"
  std::string command;  // query-layer command; "" for endpoints the server answers itself
  std::string summary;
  std::string description;
  std::vector<ParamSpec> params;
  std::vector<std::string> columns;  // result columns (tables only)
};

const std::vector<EndpointSpec>& endpoints();
const EndpointSpec* find_endpoint(const std::string& path);

// The OpenAPI 3.0 document for every endpoint.
nlohmann::json openapi_document();

}  // namespace rostrum::server
