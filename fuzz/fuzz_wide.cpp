// Fuzzes the wide importer on a file holding the input: it returns a batch or
// throws an InputError pointing into the file; any other exception, crash,
// sanitizer report or inconsistent batch is a bug.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "io/import.hpp"
#include "registry/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path =
      rostrum::fuzz::write_file("in.csv", std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    rostrum::io::ImportBatch b = rostrum::io::import_wide(path);
    const auto nc = static_cast<std::int32_t>(rostrum::registry::countries().size());
    const auto nr = static_cast<std::int32_t>(b.rollcalls.size());
    for (const auto& v : b.votes)
      if (v.rollcall < 0 || v.rollcall >= nr || v.country < 0 || v.country >= nc ||
          !(v.vote == rostrum::Vote::Yes || v.vote == rostrum::Vote::No || v.vote == rostrum::Vote::Abstain ||
            v.vote == rostrum::Vote::NonVoting))
        std::abort();
    for (const auto& rc : b.rollcalls) rostrum::fuzz::check_loadable_date(rc.info.date);
  } catch (const rostrum::InputError& e) {
    rostrum::fuzz::check_error(e);
  }
  return 0;
}
