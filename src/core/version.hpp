// The one version string of rostrum (the project version in CMakeLists.txt).
#pragma once

namespace rostrum {
const char* version();  // "0.2.0"
}
