// Fuzzes read_file's gzip path (members, truncation, corruption): it returns the
// bytes or throws an InputError, never anything else.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "io/file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Always a gzip file: the magic bytes, then the input.
  std::string content = "\x1f\x8b";
  content.append(reinterpret_cast<const char*>(data), size);
  const std::string path = rostrum::fuzz::write_file("in.gz", content);
  try {
    std::string out = rostrum::io::read_file(path);
    if (out.size() > (std::size_t{1} << 30)) __builtin_trap();
  } catch (const rostrum::InputError& e) {
    rostrum::fuzz::check_error(e);
  }
  return 0;
}
