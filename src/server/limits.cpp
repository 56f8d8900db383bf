#include "server/limits.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rostrum::server {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool valid_param_name(const std::string& name) {
  if (name.empty() || name.size() > 32) return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.'; });
}

// gzip is acceptable unless the client gives it (or *) q=0.
bool accepts_gzip(const std::string& header) {
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t comma = header.find(',', start);
    std::string token = header.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    start = comma == std::string::npos ? header.size() : comma + 1;
    std::string coding = token.substr(0, token.find(';'));
    coding.erase(std::remove(coding.begin(), coding.end(), ' '), coding.end());
    if (!iequals(coding, "gzip") && !iequals(coding, "x-gzip") && coding != "*") continue;
    auto q = token.find("q=");
    if (q != std::string::npos && std::strtod(token.c_str() + q + 2, nullptr) <= 0) continue;
    return true;
  }
  return false;
}

}  // namespace

std::string Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

Response error_response(int status, const std::string& message, const std::string& parameter) {
  nlohmann::json j = {{"error", message}, {"status", status}};
  if (!parameter.empty()) j["parameter"] = parameter;
  Response r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

const char* status_text(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed: this server is read-only (GET and HEAD)";
    case 408:
      return "request timeout";
    case 413:
      return "request or result too large";
    case 414:
      return "request line too long";
    case 416:
      return "range not satisfiable";
    case 422:
      return "request too expensive for this server";
    case 431:
      return "request headers too large";
    case 499:
      return "client closed the connection";
    case 500:
      return "internal error";
    case 501:
      return "not implemented";
    case 503:
      return "service unavailable";
    case 504:
      return "timed out";
    default:
      return "error";
  }
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += plus_is_space && c == '+' ? ' ' : c;
  }
  return out;
}

std::string printable(std::string_view value) {
  std::string out;
  for (unsigned char c : value.substr(0, 64)) {
    if (c >= 0x20 && c < 0x7f && c != '\\')
      out += static_cast<char>(c);
    else if (c == '\\')
      out += "\\\\";
    else
      out += fmt::format("\\x{:02x}", c);
  }
  if (value.size() > 64) out += "...";
  return out;
}

std::optional<Response> prepare_request(Request& request, const RequestLimits& limits) {
  if (request.method != "GET" && request.method != "HEAD") {
    Response r = error_response(405, status_text(405));
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  request.head = request.method == "HEAD";
  if (request.target.size() > limits.max_request_bytes)
    return error_response(414, "request target longer than " + std::to_string(limits.max_request_bytes) + " bytes");
  std::size_t header_bytes = 0;
  for (const auto& [k, v] : request.headers) header_bytes += k.size() + v.size() + 4;
  if (header_bytes > limits.max_header_bytes || request.headers.size() > limits.max_header_fields)
    return error_response(431, "request headers larger than " + std::to_string(limits.max_header_bytes) + " bytes or " +
                                   std::to_string(limits.max_header_fields) + " fields");
  std::string_view target = request.target;
  // absolute-form (RFC 9112 section 3.2.2): drop the scheme and authority.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.size() >= scheme.size() && iequals(target.substr(0, scheme.size()), scheme)) {
      auto slash = target.find('/', scheme.size());
      target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    }
  }
  if (target.empty() || target[0] != '/') return error_response(400, "bad request target");
  auto question = target.find('?');
  request.path = percent_decode(target.substr(0, question), false);
  request.query.clear();
  if (question != std::string_view::npos) {
    std::string_view rest = target.substr(question + 1);
    std::set<std::string> names;
    while (!rest.empty()) {
      auto amp = rest.find('&');
      std::string_view pair = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      if (pair.empty()) continue;
      auto eq = pair.find('=');
      std::string name = percent_decode(pair.substr(0, eq), true);
      std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
      names.insert(name);
      if (names.size() > limits.max_params)
        return error_response(400, "too many query parameters (at most " + std::to_string(limits.max_params) + ")");
      request.query.emplace_back(std::move(name), std::move(value));
    }
  }
  request.accept_gzip = accepts_gzip(request.header("Accept-Encoding"));
  return std::nullopt;
}

std::optional<Response> query_params(const Request& request, const RequestLimits& limits, query::Params& params,
                                     std::string& format) {
  format = "json";
  for (const auto& [key, value] : request.query) {
    if (!valid_param_name(key)) return error_response(400, "invalid parameter name", printable(key.substr(0, 32)));
    if (value.size() > limits.max_value_bytes)
      return error_response(
          400, "parameter '" + key + "': value longer than " + std::to_string(limits.max_value_bytes) + " bytes", key);
    auto control = std::find_if(value.begin(), value.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
    if (control != value.end())
      return error_response(
          400,
          fmt::format("parameter '{}': control character \\x{:02x} at byte {} of '{}'", key,
                      static_cast<unsigned char>(*control), control - value.begin() + 1, printable(value)),
          key);
    if (key == "format") {
      if (value != "json" && value != "csv" && !value.empty())
        return error_response(400, "parameter 'format': expected json or csv, got '" + printable(value) + "'",
                              "format");
      if (!value.empty()) format = value;
      continue;
    }
    if (value.empty()) continue;  // an empty value means "the default"
    auto [it, inserted] = params.emplace(key, value);
    if (!inserted) it->second += "," + value;  // a=USA&a=RUS == a=USA,RUS
  }
  return std::nullopt;
}

}  // namespace rostrum::server
