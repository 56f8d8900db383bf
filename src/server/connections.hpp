// The connection layer: accepts TCP connections and reads HTTP/1.1 requests on
// one event-driven I/O thread (Boost.Asio / Boost.Beast), so that a connection
// costs a socket and a buffer, never a thread. A slow or idle client cannot hold
// a worker: requests reach the handler only once their headers are complete, and
// every phase has a deadline.
//
//   - header timeout: from a request's first byte to the end of its headers
//     (a slowloris trickling one byte a second is closed when it expires);
//   - idle timeout: a keep-alive connection with no request in progress;
//   - write timeout: sending one response;
//   - request timeout: from the request's first byte to its response; the request's
//     CancelToken trips and the client gets 504 even if the work has not yielded;
//   - a cap on open connections, in total and per client address: the excess is
//     answered 503 at once and closed (the request is never read).
//
// While a request is being handled the connection is watched for the client
// closing it (EOF or reset), which trips the token with `disconnected`.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "server/exchange.hpp"

namespace rostrum::server {

struct ConnectionLimits {
  std::size_t max_connections = 512;
  std::size_t max_connections_per_peer = 64;  // 0 = no per-address cap
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::milliseconds idle_timeout{5000};
  std::chrono::milliseconds write_timeout{30000};
  std::chrono::milliseconds request_timeout{30000};
  std::size_t max_request_bytes = 8192;  // the request line's target; longer lines answer 414
  std::size_t max_header_bytes = 16384;  // larger headers answer 431
  std::size_t max_body_bytes = 8192;     // a request body (only refused methods send one); larger answer 413
  std::size_t max_requests_per_connection = 1000;
  bool access_log = false;  // one line per response on stderr
};

class Connections {
 public:
  Connections(ConnectionLimits limits, Handler handler);
  ~Connections();  // stops
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  // Binds host:port (port 0: any free port) and returns the port. `host` is an
  // address or a name. Throws rostrum::Error (usage) when it cannot bind.
  int bind(const std::string& host, int port);
  // The bound address, e.g. "127.0.0.1", "0.0.0.0", "::".
  std::string address() const;
  bool loopback() const;     // bound to a loopback address only
  bool unspecified() const;  // bound to every interface (0.0.0.0 or ::)

  void start();  // starts the I/O thread
  // Stops accepting and closes connections with no request in progress; waits up
  // to `grace` for the others to send their responses, then closes everything and
  // joins the I/O thread.
  void stop(std::chrono::milliseconds grace);
  bool running() const;

  std::size_t open_connections() const;
  std::size_t refused_connections() const;  // over a cap, since start

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every address of this machine's interfaces (IPv4, and IPv6 when `ipv6`), for
// telling the user where a server bound to 0.0.0.0 or :: can be reached.
std::vector<std::string> interface_addresses(bool ipv6);

}  // namespace rostrum::server
