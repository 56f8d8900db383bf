// Helpers shared by the server tests: small stores written with the io/store API,
// and raw sockets for requests no well-behaved client would send.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "io/import.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::testing {

// An unvotes-layout store of `states` states (USA, RUS, CHN, GBR, FRA, then the
// first current states of the registry with an ISO2 code) voting on `rollcalls` roll calls spread over
// `sessions` sessions (one a year from 1990), votes drawn from a fixed pattern.
// Returns the store's path.
inline std::string write_store(const TempDir& dir, const std::string& name, int states, int rollcalls, int sessions) {
  std::vector<const registry::Country*> picked;
  for (const char* iso3 : {"USA", "RUS", "CHN", "GBR", "FRA"})
    if (static_cast<int>(picked.size()) < states)
      picked.push_back(&registry::countries()[registry::index_of_iso3(iso3)]);
  for (const auto& c : registry::countries()) {
    if (static_cast<int>(picked.size()) == states) break;
    if (c.historic || c.iso2.empty() || std::find(picked.begin(), picked.end(), &c) != picked.end()) continue;
    picked.push_back(&c);
  }
  const char* votes[] = {"yes", "no", "abstain", "yes", "yes"};
  std::string v = "\"rcid\",\"country\",\"country_code\",\"vote\"\n";
  std::string rc = "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n";
  for (int r = 0; r < rollcalls; ++r) {
    const int s = r * sessions / rollcalls;
    for (std::size_t c = 0; c < picked.size(); ++c)
      v += std::to_string(1 + r) + ",\"" + std::string(picked[c]->name) + "\",\"" + std::string(picked[c]->iso2) +
           "\",\"" + votes[(r * 7 + c * 3 + (r * c) % 5) % 5] + "\"\n";
    char date[32];
    std::snprintf(date, sizeof date, "%d-%02d-%02d", 1990 + s, 1 + r % 12, 1 + r % 28);
    rc += std::to_string(1 + r) + "," + std::to_string(45 + s) + ",0," + date + ",\"R/" + std::to_string(r) +
          "\",0,0,\"T\",\"T\"\n";
  }
  const auto folder = name + "-csv";
  dir.write(folder + "/un_votes.csv", v);
  dir.write(folder + "/un_roll_calls.csv", rc);
  dir.write(folder + "/un_roll_call_issues.csv", "\"rcid\",\"short_name\",\"issue\"\n");
  const std::string db = (dir.path() / name).string();
  store::Store::open(db, true).write_source(io::import_unvotes((dir.path() / folder).string()));
  return db;
}

// A TCP connection to 127.0.0.1:port, optionally from another loopback address
// (127.0.0.2, ...: each is a distinct peer for the server). -1 when it fails.
inline int connect_to(int port, const char* from = nullptr) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  if (from) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    if (::bind(s, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
      ::close(s);
      return -1;
    }
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(s);
    return -1;
  }
  return s;
}

inline bool send_all(int s, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    auto n = ::send(s, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads one response (headers + Content-Length body) or until EOF, waiting at
// most `timeout_s`; returns what arrived.
inline std::string read_response(int s, int timeout_s = 5) {
  timeval tv{timeout_s, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string reply;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(s, buf, sizeof buf, 0)) > 0) {
    reply.append(buf, static_cast<std::size_t>(n));
    auto end = reply.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    auto cl = reply.find("Content-Length: ");
    if (cl == std::string::npos || cl > end) continue;
    std::size_t length = std::stoul(reply.substr(cl + 16));
    if (reply.size() >= end + 4 + length) break;
  }
  return reply;
}

inline int status_of(const std::string& reply) {
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return 0;
  return std::stoi(reply.substr(9, 3));
}

// True when the server has closed the connection (EOF or reset) within `timeout_s`.
inline bool closed_by_server(int s, int timeout_s) {
  timeval tv{timeout_s, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[256];
  for (;;) {
    ssize_t n = ::recv(s, buf, sizeof buf, 0);
    if (n == 0) return true;
    if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
  }
}

}  // namespace rostrum::testing
