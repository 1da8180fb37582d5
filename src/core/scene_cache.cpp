#include "core/scene_cache.hpp"

#include <cstring>
#include <type_traits>

namespace medius {

namespace {

constexpr char kMagic[8] = {'M', 'E', 'D', 'S', 'C', 'N', '0', '4'};

class Writer {
  public:
    template <typename T>
    void value(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void text(const std::string& s) {
        value(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    template <typename T>
    void array(const std::vector<T>& v) {
        value(static_cast<std::uint64_t>(v.size()));
        if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string& bytes() { return out_; }

  private:
    std::string out_;
};

class Reader {
  public:
    Reader(const std::string& bytes, std::size_t begin, std::size_t end)
        : data_(bytes.data()), at_(begin), end_(end) {}
    template <typename T>
    bool value(T& v) {
        if (end_ - at_ < sizeof v) return false;
        std::memcpy(&v, data_ + at_, sizeof v);
        at_ += sizeof v;
        return true;
    }
    bool text(std::string& s) {
        std::uint32_t n = 0;
        if (!value(n) || end_ - at_ < n) return false;
        s.assign(data_ + at_, n);
        at_ += n;
        return true;
    }
    template <typename T>
    bool array(std::vector<T>& v) {
        std::uint64_t n = 0;
        if (!value(n) || n > (end_ - at_) / sizeof(T)) return false;
        v.resize(n);
        if (n > 0)
            std::memcpy(v.data(), data_ + at_, n * sizeof(T));  // data() may be null when empty
        at_ += n * sizeof(T);
        return true;
    }
    bool done() const { return at_ == end_; }

  private:
    const char* data_;
    std::size_t at_, end_;
};

// The body's checksum: FNV-1a's step over 8-byte words, eight times fewer steps than
// bytes (the snapshot is about 9 MB and is checked at every start).
std::uint64_t wordChecksum(const char* data, std::size_t size) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        h = (h ^ word) * 0x100000001b3ull;
    }
    for (; i < size; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 0x100000001b3ull;
    return h;
}

}  // namespace

std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t seed) {
    std::uint64_t h = seed;
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

// Layout: magic, key, checksum of the body, body. The body is little-endian native
// structs: this file never leaves the machine that wrote it.
std::string serializeScene(const Scene& scene, std::uint64_t key) {
    Writer body;
    body.value(static_cast<std::uint64_t>(scene.size()));
    for (const Structure& s : scene.structures()) {
        body.text(s.id);
        body.text(s.name);
        body.text(s.latin);
        body.value(static_cast<std::int32_t>(s.layer));
        body.value(static_cast<std::int32_t>(s.side));
        body.array(s.mesh.positions);
        body.array(s.mesh.normals);
        body.array(s.mesh.fibres);
        body.array(s.mesh.tendonFractions);
        body.array(s.mesh.indices);
    }
    body.value(static_cast<std::uint64_t>(scene.landmarks().size()));
    for (const auto& [name, at] : scene.landmarks()) {
        body.text(name);
        body.value(at);
    }
    Writer file;
    file.bytes().append(kMagic, sizeof kMagic);
    file.value(key);
    file.value(wordChecksum(body.bytes().data(), body.bytes().size()));
    return file.bytes() + body.bytes();
}

std::optional<Scene> deserializeScene(const std::string& bytes, std::uint64_t key,
                                      std::string& why) {
    constexpr std::size_t header = sizeof kMagic + 16;
    if (bytes.size() < header || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
        why = "not a Medius scene snapshot (or an older format)";
        return std::nullopt;
    }
    Reader head(bytes, sizeof kMagic, header);
    std::uint64_t storedKey = 0, checksum = 0;
    head.value(storedKey);
    head.value(checksum);
    if (storedKey != key) {
        why = "made from other content or another build";
        return std::nullopt;
    }
    if (wordChecksum(bytes.data() + header, bytes.size() - header) != checksum) {
        why = "checksum mismatch (truncated or corrupted)";
        return std::nullopt;
    }
    Reader r(bytes, header, bytes.size());
    Scene scene;
    std::uint64_t count = 0;
    if (!r.value(count)) {
        why = "truncated";
        return std::nullopt;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        Structure s;
        std::int32_t layer = 0, side = 0;
        if (!r.text(s.id) || !r.text(s.name) || !r.text(s.latin) || !r.value(layer) ||
            !r.value(side) || !r.array(s.mesh.positions) || !r.array(s.mesh.normals) ||
            !r.array(s.mesh.fibres) || !r.array(s.mesh.tendonFractions) ||
            !r.array(s.mesh.indices)) {
            why = "truncated structure";
            return std::nullopt;
        }
        if (layer < 0 || layer > static_cast<int>(Layer::Other) || side < 0 ||
            side > static_cast<int>(Side::Right)) {
            why = "bad layer or side in " + s.id;
            return std::nullopt;
        }
        s.layer = static_cast<Layer>(layer);
        s.side = static_cast<Side>(side);
        if (!s.mesh.fibres.empty() && s.mesh.fibres.size() != s.mesh.positions.size()) {
            why = s.id + ": fibre count does not match the vertices";
            return std::nullopt;
        }
        if (const std::string problem = s.mesh.validate(); !problem.empty()) {
            why = s.id + ": " + problem;
            return std::nullopt;
        }
        scene.add(std::move(s));
    }
    std::uint64_t landmarks = 0;
    if (!r.value(landmarks)) {
        why = "truncated";
        return std::nullopt;
    }
    for (std::uint64_t i = 0; i < landmarks; ++i) {
        std::string name;
        glm::vec3 at;
        if (!r.text(name) || !r.value(at)) {
            why = "truncated landmark";
            return std::nullopt;
        }
        scene.setLandmark(name, at);
    }
    if (!r.done()) {
        why = "trailing bytes";
        return std::nullopt;
    }
    return scene;
}

}  // namespace medius
