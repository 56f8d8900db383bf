// Seeds for every random stream in rostrum, derived one way.
//
// A stream is identified by the user's seed and a stream number (a pair index, a
// replicate, a period...). Deriving each stream's seed with SplitMix64 (Steele,
// Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA,
// doi:10.1145/2660193.2660195) makes results independent of thread scheduling:
// the same seed gives the same numbers whatever the number of threads.
#pragma once

#include <cstdint>

namespace rostrum {

// One SplitMix64 step: a well-mixed 64-bit value from any input.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The seed of stream `stream` under the user's `seed`.
constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream) {
  return splitmix64(seed ^ splitmix64(stream));
}

}  // namespace rostrum
