#include "core/mesh_simplify.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace medius {

namespace {

std::vector<std::uint32_t> clusterWithCell(const TriangleMesh& mesh, float cell) {
    const Bounds b = mesh.bounds();
    const auto cellOf = [&](const glm::vec3& p) {
        const glm::vec3 q = (p - b.min) / cell;
        const auto x = static_cast<std::uint64_t>(std::max(0.0f, q.x));
        const auto y = static_cast<std::uint64_t>(std::max(0.0f, q.y));
        const auto z = static_cast<std::uint64_t>(std::max(0.0f, q.z));
        return (x << 42) | (y << 21) | z;
    };
    // Each cell's mean, then the vertex nearest to it represents the cell: the coarse
    // surface passes through real surface points.
    struct Cell {
        glm::vec3 sum{0.0f};
        int count = 0;
        std::uint32_t best = 0;
        float bestDistance = 1e30f;
    };
    std::unordered_map<std::uint64_t, Cell> cells;
    cells.reserve(mesh.positions.size() / 4 + 16);
    std::vector<std::uint64_t> keys(mesh.positions.size());
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        keys[v] = cellOf(mesh.positions[v]);
        Cell& c = cells[keys[v]];
        c.sum += mesh.positions[v];
        ++c.count;
    }
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        Cell& c = cells[keys[v]];
        const float d = glm::length(mesh.positions[v] - c.sum / static_cast<float>(c.count));
        if (d < c.bestDistance) {
            c.bestDistance = d;
            c.best = static_cast<std::uint32_t>(v);
        }
    }
    std::vector<std::uint32_t> out;
    out.reserve(mesh.indices.size() / 3);
    std::unordered_set<std::uint64_t> seen;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        std::array<std::uint32_t, 3> r;
        for (int k = 0; k < 3; ++k)
            r[static_cast<std::size_t>(k)] = cells[keys[mesh.indices[t + k]]].best;
        if (r[0] == r[1] || r[1] == r[2] || r[0] == r[2]) continue;
        // The same triangle with the same winding, whichever vertex it starts at, once only.
        const auto first =
            static_cast<std::size_t>(std::min_element(r.begin(), r.end()) - r.begin());
        std::rotate(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(first), r.end());
        const std::uint64_t key = (static_cast<std::uint64_t>(r[0]) * 0x9E3779B97F4A7C15ull) ^
                                  (static_cast<std::uint64_t>(r[1]) << 21) ^
                                  (static_cast<std::uint64_t>(r[2]) << 42);
        if (!seen.insert(key).second) continue;
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

}  // namespace

std::vector<std::uint32_t> clusteredIndices(const TriangleMesh& mesh, std::size_t targetTriangles) {
    if (mesh.triangleCount() <= targetTriangles || targetTriangles == 0 || mesh.positions.empty())
        return mesh.indices;
    // A surface of area A in cells of side h fills about A / h^2 cells, and a grid of
    // vertices makes two triangles per cell: h = sqrt(2 A / target). One correction step
    // brings the count near the target whatever the shape.
    const double area = surfaceArea(mesh);
    float cell = static_cast<float>(std::sqrt(2.0 * area / static_cast<double>(targetTriangles)));
    if (!(cell > 0.0f)) return mesh.indices;
    auto out = clusterWithCell(mesh, cell);
    const double ratio = static_cast<double>(out.size() / 3) / static_cast<double>(targetTriangles);
    if (ratio > 1.3 || ratio < 0.7)
        out = clusterWithCell(mesh, cell * static_cast<float>(std::sqrt(ratio)));
    if (out.empty()) return mesh.indices;
    return out;
}

std::size_t interactiveTriangleTarget(std::size_t triangles) {
    if (triangles < 1500) return triangles;
    return std::max<std::size_t>(600, triangles / 8);
}

}  // namespace medius
