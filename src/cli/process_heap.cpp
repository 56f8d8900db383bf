#include "cli/process_heap.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define ROSTRUM_OWN_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROSTRUM_OWN_ALLOCATOR 1
#endif
#endif

namespace rostrum::cli {

#if defined(__GLIBC__) && !defined(ROSTRUM_OWN_ALLOCATOR)
namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr int kReserve = 256 << 20;         // brk growth per step (address space only)
constexpr int kLargestFromHeap = 32 << 20;  // glibc's maximum mmap threshold on 64-bit
constexpr int kNeverTrim = 1 << 30;
#ifdef MADV_COLLAPSE
constexpr int kCollapse = MADV_COLLAPSE;
#else
constexpr int kCollapse = 25;  // Linux's value; older C library headers lack it
#endif
// sbrk's failure value, (void*)-1.
char* const kSbrkFailed = reinterpret_cast<char*>(-1);  // NOLINT(performance-no-int-to-ptr)

// Bytes from p up to the next huge-page boundary (0 when p is on one).
std::size_t up_to_huge_page(const char* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  return (kHugePage - at % kHugePage) % kHugePage;
}

// True when the process may reserve address space freely: with a data or
// address-space limit (ulimit -d / -v), every growth padded by kReserve could
// fail where glibc's defaults would not, so the policy is not used.
bool no_memory_limits() {
  for (int resource : {RLIMIT_DATA, RLIMIT_AS}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) != 0) return false;
    if (limit.rlim_cur != RLIM_INFINITY) return false;
  }
  return true;
}

bool try_large_heap() {
  // Thresholds first: with them, the next growth of the heap takes kReserve.
  if (mallopt(M_MMAP_THRESHOLD, kLargestFromHeap) != 1) return false;
  mallopt(M_TRIM_THRESHOLD, kNeverTrim);
  mallopt(M_TOP_PAD, kReserve);
  // Start the heap on a huge-page boundary (glibc grows it from the current
  // break; the skipped address space is never touched), so that all of it can
  // take huge pages, the first blocks allocated included.
  auto* const start = static_cast<char*>(sbrk(0));
  if (start == kSbrkFailed) return false;
  if (const std::size_t pad = up_to_huge_page(start); pad > 0 && sbrk(static_cast<intptr_t>(pad)) == kSbrkFailed)
    return false;
  auto* const before = static_cast<char*>(sbrk(0));
  // One block larger than all the heap's free space forces that growth.
  void* probe = malloc(mallinfo2().fordblks + (std::size_t{1} << 20));
  asm volatile("" : : "r"(probe) : "memory");  // keeps the compiler from eliding the pair
  auto* const after = static_cast<char*>(sbrk(0));
  free(probe);
  // Only whole huge pages inside the heap's new reservation.
  char* const lo = before + up_to_huge_page(before);
  if (probe == nullptr || after - lo < static_cast<std::ptrdiff_t>(kHugePage)) return false;
  const auto length = static_cast<std::size_t>(after - lo) / kHugePage * kHugePage;
  if (madvise(lo, length, MADV_HUGEPAGE) != 0) return false;
  // malloc already wrote its headers (the probe's, the top chunk's) into the
  // first huge page, and a range with a 4 KiB page mapped stays on 4 KiB pages:
  // collapse it now (Linux 6.1+; elsewhere EINVAL, and that range stays small).
  madvise(lo, kHugePage, kCollapse);
  return true;
}
}  // namespace

bool use_large_heap() {
  if (!no_memory_limits()) return false;
  if (try_large_heap()) return true;
  use_default_heap();  // the growth failed: no padding for later ones either
  return false;
}

void use_default_heap() {
  // glibc's documented defaults (mallopt(3)); setting the mmap threshold also
  // keeps it from adapting, which for a server is the predictable choice.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
  mallopt(M_TOP_PAD, 0);
}
#else
bool use_large_heap() { return false; }
void use_default_heap() {}
#endif

}  // namespace rostrum::cli
