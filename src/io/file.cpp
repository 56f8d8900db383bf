#include "io/file.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>

#include "core/error.hpp"

namespace rostrum::io {

namespace {

std::string size_text(std::uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (bytes >= (std::uint64_t{1} << 30)) return fmt::format("{:.1f} GiB", b / (1 << 30));
  if (bytes >= (std::uint64_t{1} << 20)) return fmt::format("{:.1f} MiB", b / (1 << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", b / 1024);
  return fmt::format("{} bytes", bytes);
}

bool ends_with_gz(const std::string& path) {
  if (path.size() < 3) return false;
  std::string tail = path.substr(path.size() - 3);
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".gz";
}

// The first bytes of a file, printable, for a message.
std::string head_text(const std::string& data) {
  std::string out;
  for (std::size_t i = 0; i < data.size() && i < 8; ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    out += std::isprint(c) && c != '\'' ? std::string(1, static_cast<char>(c)) : fmt::format("\\x{:02x}", c);
  }
  return out;
}

std::string gunzip(const std::string& path, const std::string& compressed, const ReadLimits& limits) {
  z_stream zs{};
  // 16 + MAX_WBITS: expect a gzip header; concatenated members are handled below.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw InputError(path, 0, 0, "cannot initialise zlib");
  struct End {
    z_stream& zs;
    ~End() { inflateEnd(&zs); }
  } end{zs};
  std::string out;
  std::uint64_t expected = static_cast<std::uint64_t>(compressed.size()) * 12;
  if (limits.max_bytes) expected = std::min(expected, limits.max_bytes);
  out.reserve(expected);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  char buf[1 << 16];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END)
      throw InputError(path, 0, 0, std::string("corrupt gzip data (") + (zs.msg ? zs.msg : "inflate failed") + ")");
    const std::size_t produced = sizeof buf - zs.avail_out;
    const std::uint64_t total = out.size() + produced;
    if (limits.max_bytes && total > limits.max_bytes)
      throw InputError(path, 0, 0,
                       "gzip data inflates to more than " + size_text(limits.max_bytes) +
                           ", the input size limit: refused (raise ROSTRUM_MAX_INPUT_BYTES if the file is genuine)");
    // The ratio of what has inflated so far to the input consumed so far: a bomb
    // shows its ratio from the start, so it stops at ratio_floor whatever its size.
    const auto consumed = static_cast<double>(compressed.size() - zs.avail_in);
    if (limits.max_ratio > 0 && total > limits.ratio_floor && static_cast<double>(total) > limits.max_ratio * consumed)
      throw InputError(
          path, 0, 0,
          fmt::format("gzip data inflates to more than {:g} times its compressed size ({} from {}): "
                      "refused as a likely decompression bomb (raise ROSTRUM_MAX_GZIP_RATIO if the "
                      "file is genuine)",
                      limits.max_ratio, size_text(total), size_text(static_cast<std::uint64_t>(consumed))));
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
    } else if (zs.avail_in == 0 && zs.avail_out != 0) {
      throw InputError(path, 0, 0, "truncated gzip data");
    }
  }
  return out;
}

std::uint64_t parse_bytes(const char* name, const std::string& text) {
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    if (text.empty() || text[0] == '-') throw std::invalid_argument(text);
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    throw UsageError(std::string(name) + ": expected a size in bytes (e.g. 2147483648 or 2G), got '" + text + "'");
  }
  std::string suffix = text.substr(used);
  int shift = 0;
  if (suffix == "K" || suffix == "k" || suffix == "KiB")
    shift = 10;
  else if (suffix == "M" || suffix == "m" || suffix == "MiB")
    shift = 20;
  else if (suffix == "G" || suffix == "g" || suffix == "GiB")
    shift = 30;
  else if (!suffix.empty())
    throw UsageError(std::string(name) + ": unknown size suffix '" + suffix + "' (use K, M or G)");
  if (shift && value > (~0ull >> shift)) throw UsageError(std::string(name) + ": size too large: '" + text + "'");
  return static_cast<std::uint64_t>(value) << shift;
}

}  // namespace

ReadLimits default_read_limits() {
  ReadLimits limits;
  if (const char* v = std::getenv("ROSTRUM_MAX_INPUT_BYTES"); v && *v)
    limits.max_bytes = parse_bytes("ROSTRUM_MAX_INPUT_BYTES", v);
  if (const char* v = std::getenv("ROSTRUM_MAX_GZIP_RATIO"); v && *v) {
    char* end = nullptr;
    const double ratio = std::strtod(v, &end);
    if (end == v || *end != '\0' || !(ratio >= 0) || ratio > 1e12)
      throw UsageError(std::string("ROSTRUM_MAX_GZIP_RATIO: expected a number >= 0, got '") + v + "'");
    limits.max_ratio = ratio;
  }
  return limits;
}

std::string read_file(const std::string& path) { return read_file(path, default_read_limits()); }

std::string read_file(const std::string& path, const ReadLimits& limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path, 0, 0, "is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && limits.max_bytes && size > limits.max_bytes)
    throw InputError(path, 0, 0,
                     size_text(size) + ", more than the input size limit of " + size_text(limits.max_bytes) +
                         ": refused (raise ROSTRUM_MAX_INPUT_BYTES if the file is genuine)");
  try {
    std::string data;
    if (!ec) data.reserve(size + (1 << 20));
    // In chunks, checking the limit as it grows: a special file (a pipe,
    // /dev/zero) has no size to check up front.
    constexpr std::size_t kChunk = 1 << 20;
    for (;;) {
      const std::size_t at = data.size();
      data.resize(at + kChunk);
      in.read(data.data() + at, static_cast<std::streamsize>(kChunk));
      data.resize(at + static_cast<std::size_t>(in.gcount()));
      if (in.bad()) throw InputError(path, 0, 0, "read error");
      if (limits.max_bytes && data.size() > limits.max_bytes)
        throw InputError(path, 0, 0, "more than the input size limit of " + size_text(limits.max_bytes) + ": refused");
      if (!in) break;
    }
    const bool gzip =
        data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b;
    if (gzip) return gunzip(path, data, limits);
    if (ends_with_gz(path))
      throw InputError(path, 0, 0,
                       data.empty() ? std::string("the name ends in .gz but the file is empty, not gzip data")
                                    : "the name ends in .gz but the content is not gzip-compressed (it starts with '" +
                                          head_text(data) + "'): decompress it properly or rename it");
    return data;
  } catch (const std::bad_alloc&) {
    throw InputError(path, 0, 0, "too large to hold in memory");
  }
}

std::string find_plain_or_gz(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return path;
  if (std::filesystem::is_regular_file(path + ".gz", ec)) return path + ".gz";
  return "";
}

}  // namespace rostrum::io
