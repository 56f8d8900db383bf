// Fuzzes the unvotes importer: the input is split at NUL bytes into
// un_roll_calls.csv, un_votes.csv and un_roll_call_issues.csv (a missing part
// leaves that file out), written to a scratch directory and imported.
#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "fuzz_common.hpp"
#include "io/import.hpp"
#include "registry/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const char* names[] = {"unvotes/un_roll_calls.csv", "unvotes/un_votes.csv", "unvotes/un_roll_call_issues.csv"};
  std::filesystem::create_directories(rostrum::fuzz::scratch() / "unvotes");
  for (int i = 0; i < 3; ++i) {
    std::error_code ec;
    std::filesystem::remove(rostrum::fuzz::scratch() / names[i], ec);
    if (in.data() == nullptr) continue;
    std::size_t cut = in.find('\0');
    rostrum::fuzz::write_file(names[i], in.substr(0, cut));
    in = cut == std::string_view::npos ? std::string_view() : in.substr(cut + 1);
  }
  try {
    rostrum::io::ImportBatch b = rostrum::io::import_unvotes((rostrum::fuzz::scratch() / "unvotes").string());
    const auto nc = static_cast<std::int32_t>(rostrum::registry::countries().size());
    const auto nr = static_cast<std::int32_t>(b.rollcalls.size());
    for (const auto& v : b.votes)
      if (v.rollcall < 0 || v.rollcall >= nr || v.country < 0 || v.country >= nc || !rostrum::is_cast(v.vote))
        std::abort();
    for (const auto& rc : b.rollcalls) rostrum::fuzz::check_loadable_date(rc.info.date);
  } catch (const rostrum::InputError& e) {
    rostrum::fuzz::check_error(e);
  }
  return 0;
}
