// Request-level limits and parsing: method, request-target and header sizes, the
// query string, and the checks on query parameters. Pure functions over the plain
// request (exchange.hpp), applied before any handler runs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "query/query.hpp"
#include "server/exchange.hpp"

namespace rostrum::server {

struct RequestLimits {
  std::size_t max_request_bytes = 8192;  // request target (path + query string)
  std::size_t max_header_bytes = 16384;  // all header names and values together
  std::size_t max_header_fields = 100;
  std::size_t max_params = 64;         // distinct query parameters
  std::size_t max_value_bytes = 4096;  // one parameter's value
};

// Checks the method (GET/HEAD, else 405 with Allow), the target's size (414), the
// headers (431), decodes the path and the query string into request.path and
// request.query, and reads Accept-Encoding. Returns the refusal, if any.
std::optional<Response> prepare_request(Request& request, const RequestLimits& limits);

// The query parameters of an API call: names of letters, digits, '_', '-', '.';
// values without control characters (a NUL would cut messages and C strings) and
// at most max_value_bytes; a repeated parameter is joined with commas; an empty
// value means the default and is dropped. `format` is taken out into `format`
// (json or csv). Returns the refusal (400 naming the parameter), if any.
std::optional<Response> query_params(const Request& request, const RequestLimits& limits, query::Params& params,
                                     std::string& format);

// "%41+b" -> "A b" (plus as space only when `plus_is_space`); a malformed escape is
// kept as written.
std::string percent_decode(std::string_view text, bool plus_is_space);

// A value as a message shows it: printable ASCII as is, other bytes as \xNN, cut
// at 64 characters.
std::string printable(std::string_view value);

const char* status_text(int status);

}  // namespace rostrum::server
