#pragma once
// A binary snapshot of a generated scene (structures and landmarks), so the
// second start does not generate the anatomy again: generating takes about
// 0.4 s on a 2-core machine, reading the snapshot about 20 ms. The snapshot is
// a cache, never the source: it is keyed by everything the generated meshes
// depend on and is regenerated whenever the key or the file does not match.
#include <cstdint>
#include <optional>
#include <string>

#include "core/structure.hpp"

namespace medius {

// 64-bit FNV-1a, for cache keys (not for security).
std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t seed = 0xcbf29ce484222325ull);

std::string serializeScene(const Scene& scene, std::uint64_t key);
// Nullopt (with the reason in `why`) when the bytes are not a snapshot, are
// truncated or corrupted (checksum), or were made for another key.
std::optional<Scene> deserializeScene(const std::string& bytes, std::uint64_t key,
                                      std::string& why);

}  // namespace medius
