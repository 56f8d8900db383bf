// The command line's memory policy: one large heap, backed by 2 MiB pages where
// the kernel offers them. docs/store.md, "Process start".
#pragma once

namespace rostrum::cli {

// Called first in main(). Makes glibc's allocator serve blocks of up to 32 MiB
// from one brk heap reserved 256 MiB at a time and never trimmed, and asks the
// kernel for transparent huge pages on that heap (madvise MADV_HUGEPAGE; a no-op
// where THP is off). Why: a CLI run allocates a few to a few hundred MiB once
// and exits, and on virtual machines with shadow paging each first touch of a
// 4 KiB page costs 15-40 us: the one-pair query made 1,700 such faults (30 ms),
// an import of unvotes 70,000. Only reservations of address space change; pages
// are still committed when touched. Does nothing under a data or address-space
// limit (ulimit -d / -v: padded growth could fail where the defaults would not),
// under AddressSanitizer (its own allocator) or outside glibc; when the heap
// cannot grow, glibc's defaults are restored. True when the advice was taken.
bool use_large_heap();

// Back to glibc's defaults for what is allocated from now on (the trim and mmap
// thresholds, no padding): for a long-running server, whose peak should not stay
// resident after a large request. The heap already reserved keeps its page size.
void use_default_heap();

}  // namespace rostrum::cli
