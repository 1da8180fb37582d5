#include "anatomy-gen/mesh_ops.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace medius::anatomy {

void orientOutward(TriangleMesh& mesh) {
    if (signedVolume(mesh) >= 0.0) return;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
    for (auto& n : mesh.normals) n = -n;
}

TriangleMesh mirrorToLeft(const TriangleMesh& right) {
    TriangleMesh m = right;
    for (auto& p : m.positions) p.z = -p.z;
    for (auto& n : m.normals) n.z = -n.z;
    for (auto& f : m.fibres) f.z = -f.z;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        std::swap(m.indices[t + 1], m.indices[t + 2]);
    return m;
}

void smoothTaubin(TriangleMesh& mesh, int iterations, float lambda, float mu) {
    const std::size_t n = mesh.positions.size();
    // Compressed neighbour lists (each undirected edge seen from both ends).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(mesh.indices.size() * 2);
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const auto a = mesh.indices[t + k], b = mesh.indices[t + (k + 1) % 3];
            edges.emplace_back(a, b);
            edges.emplace_back(b, a);
        }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<std::uint32_t> start(n + 1, 0);
    for (const auto& e : edges) ++start[e.first + 1];
    for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];

    std::vector<glm::vec3> next(n);
    auto step = [&](float factor) {
        for (std::size_t i = 0; i < n; ++i) {
            const auto b = start[i], e = start[i + 1];
            if (b == e) {
                next[i] = mesh.positions[i];
                continue;
            }
            glm::vec3 mean(0.0f);
            for (auto k = b; k < e; ++k) mean += mesh.positions[edges[k].second];
            mean /= static_cast<float>(e - b);
            next[i] = mesh.positions[i] + factor * (mean - mesh.positions[i]);
        }
        mesh.positions.swap(next);
    };
    for (int it = 0; it < iterations; ++it) {
        step(lambda);
        step(mu);
    }
}

}  // namespace medius::anatomy
