// One HTTP request and its one response, as the handlers see them: plain structs,
// no HTTP library types, so that the connection layer (connections.cpp, Boost.Beast)
// and the handlers (api.cpp, static_files.cpp) meet only here.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/cancel.hpp"

namespace rostrum::server {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // as sent
  std::string target;  // as sent: path and query string, still percent-encoded
  Fields headers;      // as sent, in order
  std::string peer;    // the client's address
  std::chrono::steady_clock::time_point received;
  // Filled by prepare_request (limits.hpp):
  std::string path;  // percent-decoded
  Fields query;      // percent-decoded name/value pairs, in order
  bool head = false;
  bool accept_gzip = false;

  // The first header named `name` (case-insensitive), or "".
  std::string header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  Fields headers;        // extra headers (Cache-Control, Allow, X-Cache, ...)
  bool gzipped = false;  // body is gzip-compressed (sent with Content-Encoding: gzip)
  bool close = false;    // close the connection after this response
};

// A request being answered. The connection layer creates it with a cancel token
// that trips at the request's deadline, when the client goes away, or at
// shutdown; handlers answer it once, from any thread.
class Exchange {
 public:
  using Sink = std::function<void(Response)>;

  Exchange(Request request, Sink sink) : request(std::move(request)), sink_(std::move(sink)) {}

  Request request;
  CancelToken cancel;

  // Sends the response; the first call wins (the deadline may already have
  // answered) and returns true.
  bool respond(Response response) {
    if (answered_.exchange(true)) return false;
    sink_(std::move(response));
    return true;
  }
  bool answered() const { return answered_.load(); }

 private:
  std::atomic<bool> answered_{false};
  Sink sink_;
};

// Takes every complete request, on the connection layer's thread. It must not
// block: it answers at once or hands the exchange to a worker.
using Handler = std::function<void(const std::shared_ptr<Exchange>&)>;

// A JSON error document {"error", "status"[, "parameter"]}.
Response error_response(int status, const std::string& message, const std::string& parameter = {});

}  // namespace rostrum::server
