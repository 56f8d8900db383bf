// The command line's heap policy (src/cli/process_heap.hpp): after
// use_large_heap(), a block of a few MiB comes from the brk heap and is backed by
// transparent huge pages where the kernel offers them on request.
#include "cli/process_heap.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <vector>

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

// In a fresh process (a death test re-runs this binary for this test alone), as
// main() calls it: in a test binary that has run other tests, a block may come
// from memory freed earlier in the old part of the heap.
void allocate_after_policy_and_report() {
  const bool taken = rostrum::cli::use_large_heap();
  constexpr std::size_t kBytes = std::size_t{8} << 20;
  std::unique_ptr<char[]> block(new char[kBytes]);
  std::memset(block.get(), 1, kBytes);
  const long huge_kb = huge_kb_of_mapping(block.get());
  std::fprintf(stderr, "advice taken %d, huge pages %ld kB\n", taken ? 1 : 0, huge_kb);
  // Under glibc's defaults a block this size is its own 4 KiB-page mapping; with
  // the policy it comes from the heap, and 8 MiB anywhere covers at least three
  // whole aligned 2 MiB pages.
  std::exit(taken && huge_kb >= 3 * 2048 && block[kBytes - 1] == 1 ? 0 : 1);
}

TEST(ProcessHeap, LargeBlocksComeFromHugePagesWhenTheKernelOffersThem) {
  if (sanitized()) GTEST_SKIP() << "AddressSanitizer keeps its own allocator";
  const std::string mode = thp_mode();
  if (mode != "madvise") GTEST_SKIP() << "transparent huge pages are '" << mode << "' here, not 'madvise'";
  for (int resource : {RLIMIT_DATA, RLIMIT_AS}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
      GTEST_SKIP() << "a data or address-space limit is set: the policy is off by design";
  }
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(allocate_after_policy_and_report(), ::testing::ExitedWithCode(0), "advice taken 1");
}

TEST(ProcessHeap, TheServerGivesFreedMemoryBack) {
  if (sanitized()) GTEST_SKIP() << "AddressSanitizer keeps its own allocator";
  // Under the large-heap policy the heap is never trimmed; after use_default_heap
  // freeing a large block at its top gives the memory back (the break moves down).
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        rostrum::cli::use_large_heap();
        rostrum::cli::use_default_heap();
        auto* block = static_cast<char*>(std::malloc(std::size_t{8} << 20));
        block[0] = 1;
        const auto end = reinterpret_cast<std::uintptr_t>(block) + (std::size_t{8} << 20);
        std::free(block);
        const auto brk_end = reinterpret_cast<std::uintptr_t>(sbrk(0));
        std::fprintf(stderr, "break %s the freed block's end\n", brk_end < end ? "below" : "above");
        std::exit(brk_end < end ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "below");
}

TEST(ProcessHeap, UnderAMemoryLimitTheDefaultsStay) {
  if (sanitized()) GTEST_SKIP() << "AddressSanitizer keeps its own allocator";
  // ulimit -d: growing the heap by 256 MiB at a time could fail where glibc's
  // defaults succeed, so the policy is not used and allocations still work. With
  // a 400 MiB limit, 288 MiB in blocks of 8 MiB: under the policy the second
  // growth (8 MiB + 256 MiB of padding) would pass the limit.
  rlimit data{}, space{};
  getrlimit(RLIMIT_DATA, &data);
  getrlimit(RLIMIT_AS, &space);
  if (data.rlim_max != RLIM_INFINITY && data.rlim_max < (rlim_t{400} << 20))
    GTEST_SKIP() << "the data limit cannot be raised to 400 MiB here";
  if (space.rlim_cur != RLIM_INFINITY) GTEST_SKIP() << "an address-space limit is set";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        rlimit limit{};
        getrlimit(RLIMIT_DATA, &limit);
        limit.rlim_cur = rlim_t{400} << 20;
        if (setrlimit(RLIMIT_DATA, &limit) != 0) std::exit(2);
        const bool taken = rostrum::cli::use_large_heap();
        std::vector<std::unique_ptr<char[]>> blocks;
        for (int k = 0; k < 36; ++k) {
          blocks.emplace_back(new (std::nothrow) char[std::size_t{8} << 20]);
          if (!blocks.back()) std::exit(3);
          blocks.back()[0] = 1;
        }
        std::fprintf(stderr, "advice taken %d, 288 MiB allocated\n", taken ? 1 : 0);
        std::exit(taken ? 1 : 0);
      },
      ::testing::ExitedWithCode(0), "advice taken 0, 288 MiB allocated");
}

}  // namespace
