#include "server/connections.hpp"

#include <ifaddrs.h>
#include <net/if.h>
#include <sys/socket.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "server/limits.hpp"

namespace rostrum::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == beast::http::make_error_code(http::error::bad_target).category();
}

std::string stamp_utc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return stamp;
}

}  // namespace

class Session;

// State shared by the listener and its sessions. Only the I/O thread touches it,
// except the connection counts (read by health) and `stopping`.
struct Shared {
  ConnectionLimits limits;
  Handler handler;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> open{0}, busy{0}, refused{0};
  std::unordered_map<std::string, std::size_t> per_peer;  // I/O thread only
  std::set<Session*> sessions;                            // I/O thread only
  asio::io_context ioc{1};

  Shared(ConnectionLimits l, Handler h) : limits(l), handler(std::move(h)) {}

  bool admit(const std::string& peer) {
    if (open.load() >= limits.max_connections) return false;
    auto& n = per_peer[peer];
    if (limits.max_connections_per_peer && n >= limits.max_connections_per_peer) return false;
    ++n;
    ++open;
    return true;
  }
  void release(const std::string& peer) {
    auto it = per_peer.find(peer);
    if (it != per_peer.end() && --it->second == 0) per_peer.erase(it);
    --open;
  }
};

// One connection: reads requests one at a time, hands each to the handler and
// writes its response.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared, std::string peer)
      : stream_(std::move(socket)),
        buffer_(shared.limits.max_request_bytes + shared.limits.max_header_bytes + shared.limits.max_body_bytes +
                65536),
        shared_(shared),
        peer_(std::move(peer)),
        deadline_(shared.ioc) {}

  ~Session() {
    set_busy(false);
    shared_.sessions.erase(this);
    shared_.release(peer_);
  }

  void start() {
    shared_.sessions.insert(this);
    stream_.socket().set_option(tcp::no_delay(true));
    read_next();
  }

  // At shutdown: a connection with no request in progress goes at once.
  void close_if_idle() {
    if (!busy_) close();
  }

  // Sends `response` to the request in progress (I/O thread).
  void write(Response response) {
    if (closed_) return;
    deadline_.cancel();
    stop_watching();
    Request* req = current_ ? &current_->request : nullptr;
    res_ = {};
    res_.version(version_);
    res_.result(static_cast<unsigned>(response.status));
    if (response.status == 499) res_.reason("Client Closed Request");
    res_.set(http::field::content_type, response.content_type);
    res_.set("X-Content-Type-Options", "nosniff");
    res_.set("Referrer-Policy", "no-referrer");
    res_.set("X-Frame-Options", "DENY");
    for (const auto& [k, v] : response.headers) res_.insert(k, v);
    if (response.gzipped) res_.set(http::field::content_encoding, "gzip");
    close_after_ =
        response.close || !keep_alive_ || shared_.stopping || served_ >= shared_.limits.max_requests_per_connection;
    res_.keep_alive(!close_after_);
    const std::size_t size = response.body.size();
    if (!head_) res_.body() = std::move(response.body);
    res_.content_length(size);
    if (shared_.limits.access_log) {
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
      std::string target = req ? req->target : std::string("-");
      if (target.size() > 300) target = target.substr(0, 300) + "...";
      std::fprintf(stderr, "%s %s %s %s %d %zu %.1fms\n", stamp_utc().c_str(), peer_.c_str(),
                   req ? req->method.c_str() : "-", target.c_str(), response.status, size, ms);
    }
    set_busy(true);
    stream_.expires_after(shared_.limits.write_timeout);
    http::async_write(stream_, res_, beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }

 private:
  void set_busy(bool busy) {
    if (busy == busy_) return;
    busy_ = busy;
    busy ? ++shared_.busy : --shared_.busy;
  }

  void read_next() {
    current_.reset();
    set_busy(false);
    if (shared_.stopping || served_ >= shared_.limits.max_requests_per_connection) return close();
    parser_.emplace();
    parser_->header_limit(
        static_cast<std::uint32_t>(shared_.limits.max_request_bytes + shared_.limits.max_header_bytes + 1024));
    parser_->body_limit(shared_.limits.max_body_bytes);
    if (buffer_.size() > 0) return read_request();  // a pipelined request is already here
    // Idle until the first byte of the next request.
    stream_.expires_after(shared_.limits.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->read_request();
    });
  }

  void read_request() {
    started_ = Clock::now();
    // One deadline for the rest of the request line and all headers (and a body),
    // however slowly they trickle in.
    stream_.expires_after(shared_.limits.header_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    stream_.expires_never();
    if (ec == http::error::header_limit) return refuse(long_request_line() ? 414 : 431);
    if (ec == http::error::body_limit) return refuse(413);
    if (ec && is_parse_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
      return refuse(400);
    if (ec) return close();  // timeout, EOF, reset: nothing to answer
    auto& msg = parser_->get();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& field : msg)
      req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    req.peer = peer_;
    req.received = started_;
    version_ = msg.version();
    keep_alive_ = msg.keep_alive();
    head_ = msg.method() == http::verb::head;
    ++served_;
    set_busy(true);

    std::weak_ptr<Session> weak = shared_from_this();
    auto executor = stream_.get_executor();
    auto exchange = std::make_shared<Exchange>(std::move(req), [weak, executor](Response r) {
      asio::post(executor, [weak, r = std::move(r)]() mutable {
        if (auto s = weak.lock()) s->write(std::move(r));
      });
    });
    exchange->cancel.set_deadline(started_ + shared_.limits.request_timeout);
    current_ = exchange;
    // The answer by the deadline, whether or not the work has yielded. The wait
    // also keeps the session alive while the request is handled.
    deadline_.expires_at(started_ + shared_.limits.request_timeout);
    const auto seconds = std::chrono::duration<double>(shared_.limits.request_timeout).count();
    deadline_.async_wait([self = shared_from_this(), exchange, seconds](beast::error_code ec) {
      if (ec) return;
      exchange->cancel.cancel(CancelReason::deadline);
      char limit[32];
      std::snprintf(limit, sizeof limit, "%g", seconds);
      Response r = error_response(504, std::string("the request took longer than this server's limit of ") + limit +
                                           " s; narrow it (fewer pairs, periods or replicates)");
      r.close = true;
      exchange->respond(std::move(r));
    });
    try {
      shared_.handler(exchange);
    } catch (const std::exception& e) {
      exchange->respond(error_response(500, std::string("internal error: ") + e.what()));
    }
    if (!exchange->answered()) watch_disconnect();
  }

  // The client closing its side while its request is handled: EOF (or a reset)
  // on the socket. A pipelined request's bytes end the watch (no EOF to see).
  void watch_disconnect() {
    watching_ = true;
    stream_.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->watching_ || !self->current_) return;
      char c;
      const ssize_t n = ::recv(self->stream_.socket().native_handle(), &c, 1, MSG_PEEK | MSG_DONTWAIT);
      if (n > 0) {
        self->watching_ = false;
        return;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return self->watch_disconnect();
      self->watching_ = false;
      self->current_->cancel.cancel(CancelReason::disconnected);
    });
  }

  void stop_watching() {
    if (!watching_) return;
    watching_ = false;
    beast::error_code ignored;
    stream_.socket().cancel(ignored);
  }

  // The header was too large: 414 when the request line itself was (the parser
  // had not got past it), 431 when the fields were.
  bool long_request_line() const { return parser_->get().target().empty(); }

  void refuse(int status) {
    version_ = 11;
    keep_alive_ = false;
    head_ = false;
    set_busy(true);
    Response r = error_response(status, status_text(status));
    r.close = true;
    write(std::move(r));
  }

  void on_write(beast::error_code ec, std::size_t) {
    current_.reset();
    stream_.expires_never();
    if (ec) return close();
    if (close_after_) return linger();
    read_next();
  }

  // Closes after a response without losing it: a socket closed with unread
  // request bytes sends a reset, which can destroy the response in flight. So:
  // half-close, then read and drop what the client still sends, for at most a
  // second or 256 KiB.
  void linger() {
    set_busy(false);
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    buffer_.clear();
    stream_.expires_after(std::chrono::seconds(1));
    drain();
  }
  void drain() {
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > (256u << 10)) return self->close();
      self->drain();
    });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    watching_ = false;
    deadline_.cancel();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    set_busy(false);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Shared& shared_;
  std::string peer_;
  asio::steady_timer deadline_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  std::shared_ptr<Exchange> current_;
  Clock::time_point started_ = Clock::now();
  std::array<char, 4096> drain_{};
  std::size_t drained_ = 0;
  std::size_t served_ = 0;
  unsigned version_ = 11;
  bool keep_alive_ = true, head_ = false, close_after_ = false;
  bool busy_ = false, watching_ = false, closed_ = false;
};

struct Connections::Impl {
  Shared shared;
  tcp::acceptor acceptor{shared.ioc};
  asio::steady_timer accept_retry{shared.ioc};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::thread thread;
  tcp::endpoint bound;
  std::atomic<bool> running{false};

  Impl(ConnectionLimits limits, Handler handler) : shared(limits, std::move(handler)) {}

  void accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (ec) {
        // Out of descriptors (EMFILE) or a transient error: try again shortly
        // instead of spinning.
        accept_retry.expires_after(std::chrono::milliseconds(50));
        accept_retry.async_wait([this](beast::error_code e) {
          if (!e) accept();
        });
        return;
      }
      beast::error_code ignored;
      const std::string peer = socket.remote_endpoint(ignored).address().to_string();
      if (shared.stopping) {
        socket.close(ignored);
      } else if (!shared.admit(peer)) {
        ++shared.refused;
        refuse(std::move(socket), peer);
      } else {
        std::make_shared<Session>(std::move(socket), shared, peer)->start();
      }
      accept();
    });
  }

  // Over a cap: answer 503 without reading the request, then close after a short
  // drain (so that the answer is not lost to a reset).
  void refuse(tcp::socket socket, const std::string& peer) {
    const bool per_peer = shared.open.load() < shared.limits.max_connections;
    const std::string body = per_peer
                                 ? "{\"error\":\"too many connections from " + peer + " (at most " +
                                       std::to_string(shared.limits.max_connections_per_peer) + ")\",\"status\":503}"
                                 : "{\"error\":\"too many connections (at most " +
                                       std::to_string(shared.limits.max_connections) + ")\",\"status\":503}";
    const std::string text =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
        "Connection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    beast::error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(asio::buffer(text), ignored);
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    struct Drain {
      tcp::socket socket;
      asio::steady_timer timer;
      std::array<char, 1024> buf{};
    };
    auto d = std::make_shared<Drain>(Drain{std::move(socket), asio::steady_timer(shared.ioc), {}});
    d->timer.expires_after(std::chrono::milliseconds(200));
    d->timer.async_wait([d](beast::error_code) {
      beast::error_code e;
      d->socket.close(e);
    });
    d->socket.async_read_some(asio::buffer(d->buf), [d](beast::error_code ec, std::size_t) {
      if (ec) d->timer.cancel();  // EOF: the client is done
    });
  }
};

Connections::Connections(ConnectionLimits limits, Handler handler)
    : impl_(std::make_unique<Impl>(limits, std::move(handler))) {}

Connections::~Connections() { stop(std::chrono::milliseconds(0)); }

int Connections::bind(const std::string& host, int port) {
  auto& m = *impl_;
  beast::error_code ec;
  asio::ip::address address = asio::ip::make_address(host, ec);
  if (ec) {
    tcp::resolver resolver(m.shared.ioc);
    auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty()) throw Error(ErrorKind::usage, "cannot resolve host '" + host + "': " + ec.message());
    address = results.begin()->endpoint().address();
  }
  tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
  const std::string where = (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" +
                            (port ? std::to_string(port) : std::string("any port"));
  m.acceptor.open(endpoint.protocol(), ec);
  if (!ec) m.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) m.acceptor.bind(endpoint, ec);
  if (!ec) m.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    m.acceptor.close(ignored);
    throw Error(ErrorKind::usage, "cannot bind to " + where + " (" + ec.message() +
                                      (port ? ": in use, or not an address of this machine)" : ")"));
  }
  m.bound = m.acceptor.local_endpoint(ec);
  return m.bound.port();
}

std::string Connections::address() const { return impl_->bound.address().to_string(); }
bool Connections::loopback() const { return impl_->bound.address().is_loopback(); }
bool Connections::unspecified() const { return impl_->bound.address().is_unspecified(); }

void Connections::start() {
  auto& m = *impl_;
  if (m.running.exchange(true)) return;
  m.work.emplace(m.shared.ioc.get_executor());
  m.accept();
  m.thread = std::thread([&m] { m.shared.ioc.run(); });
}

void Connections::stop(std::chrono::milliseconds grace) {
  auto& m = *impl_;
  if (!m.running.exchange(false)) return;
  asio::post(m.shared.ioc, [&m] {
    m.shared.stopping = true;
    beast::error_code ignored;
    m.acceptor.close(ignored);
    m.accept_retry.cancel();
    for (Session* s : std::set<Session*>(m.shared.sessions)) s->close_if_idle();
  });
  const auto until = Clock::now() + grace;
  while (Clock::now() < until && m.shared.busy.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  m.work.reset();
  m.shared.ioc.stop();
  if (m.thread.joinable()) m.thread.join();
}

bool Connections::running() const { return impl_->running; }
std::size_t Connections::open_connections() const { return impl_->shared.open.load(); }
std::size_t Connections::refused_connections() const { return impl_->shared.refused.load(); }

std::vector<std::string> interface_addresses(bool ipv6) {
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return out;
  for (ifaddrs* a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr || !(a->ifa_flags & IFF_UP)) continue;
    const int family = a->ifa_addr->sa_family;
    if (family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
      asio::ip::address_v4::bytes_type bytes;
      std::memcpy(bytes.data(), &in->sin_addr, 4);
      out.push_back(asio::ip::address_v4(bytes).to_string());
    } else if (family == AF_INET6 && ipv6) {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(a->ifa_addr);
      asio::ip::address_v6::bytes_type bytes;
      std::memcpy(bytes.data(), &in6->sin6_addr, 16);
      asio::ip::address_v6 v6(bytes);
      if (v6.is_link_local()) continue;  // needs a zone to be reachable
      out.push_back(v6.to_string());
    }
  }
  ::freeifaddrs(list);
  return out;
}

}  // namespace rostrum::server
