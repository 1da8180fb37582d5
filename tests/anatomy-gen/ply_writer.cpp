#include "ply_writer.hpp"

#include <cstdint>
#include <fstream>

namespace medius::anatomy::testing {

bool writeBinaryPly(const TriangleMesh& mesh, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) return false;
    out << "ply\nformat binary_little_endian 1.0\ncomment Medius generated anatomy, mm, "
           "ISB pelvic frame (ASR)\nelement vertex "
        << mesh.positions.size() << "\nproperty float x\nproperty float y\nproperty float z\n"
        << "element face " << mesh.triangleCount()
        << "\nproperty list uchar int vertex_indices\nend_header\n";
    for (const auto& p : mesh.positions) out.write(reinterpret_cast<const char*>(&p), 12);
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        const std::uint8_t three = 3;
        out.write(reinterpret_cast<const char*>(&three), 1);
        for (int k = 0; k < 3; ++k) {
            const auto i = static_cast<std::int32_t>(mesh.indices[t * 3 + k]);
            out.write(reinterpret_cast<const char*>(&i), 4);
        }
    }
    return static_cast<bool>(out);
}

}  // namespace medius::anatomy::testing
