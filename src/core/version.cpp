#include "core/version.hpp"

#ifndef ROSTRUM_VERSION
#error "ROSTRUM_VERSION is set by CMakeLists.txt"
#endif

namespace rostrum {
const char* version() { return ROSTRUM_VERSION; }
}  // namespace rostrum
