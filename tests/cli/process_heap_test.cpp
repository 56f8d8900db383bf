// The command line's heap policy (src/cli/process_heap.hpp): after
// use_large_heap(), a block of a few MiB comes from the brk heap and is backed by
// transparent huge pages where the kernel offers them on request.
#include "cli/process_heap.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {

// The kernel's THP mode: the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled.
std::string thp_mode() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(in, line);
  const auto open = line.find('['), close = line.find(']');
  return open == std::string::npos || close == std::string::npos ? "" : line.substr(open + 1, close - open - 1);
}

// AnonHugePages (kB) of the mapping holding `p`, from /proc/self/smaps; -1 when not found.
long huge_kb_of_mapping(const void* p) {
  const auto addr = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream in("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    std::uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
      inside = lo <= addr && addr < hi;
      continue;
    }
    if (inside && line.rfind("AnonHugePages:", 0) == 0) return std::stol(line.substr(14));
  }
  return -1;
}

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

TEST(ProcessHeap, LargeBlocksComeFromHugePagesWhenTheKernelOffersThem) {
  if (sanitized()) GTEST_SKIP() << "AddressSanitizer keeps its own allocator";
  const std::string mode = thp_mode();
  if (mode != "madvise") GTEST_SKIP() << "transparent huge pages are '" << mode << "' here, not 'madvise'";
  ASSERT_TRUE(rostrum::cli::use_large_heap());
  // Under glibc's defaults a block this size is its own 4 KiB-page mapping; with
  // the policy it comes from the heap, which spans whole huge pages.
  constexpr std::size_t kBytes = std::size_t{8} << 20;
  std::unique_ptr<char[]> block(new char[kBytes]);
  std::memset(block.get(), 1, kBytes);
  // 8 MiB anywhere covers at least three whole aligned 2 MiB pages.
  EXPECT_GE(huge_kb_of_mapping(block.get()), 3 * 2048);
  EXPECT_EQ(block[kBytes - 1], 1);
  rostrum::cli::use_default_heap();
}

}  // namespace
