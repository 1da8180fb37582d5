#include "anatomy-gen/edge_collapse.hpp"

#include <algorithm>
#include <vector>

namespace medius::anatomy {

namespace {

struct Collapser {
    TriangleMesh& m;
    std::vector<std::vector<std::uint32_t>> around;  // triangles incident to each vertex
    std::vector<bool> triangleAlive;
    std::vector<bool> vertexAlive;
    std::vector<std::uint32_t> na, nb, common;  // scratch, reused to avoid allocations

    explicit Collapser(TriangleMesh& mesh) : m(mesh) {
        around.resize(m.positions.size());
        const auto triangles = static_cast<std::uint32_t>(m.indices.size() / 3);
        for (std::uint32_t t = 0; t < triangles; ++t)
            for (int k = 0; k < 3; ++k) around[m.indices[t * 3 + k]].push_back(t);
        triangleAlive.assign(triangles, true);
        vertexAlive.assign(m.positions.size(), true);
    }

    std::uint32_t& corner(std::uint32_t t, int k) { return m.indices[t * 3 + k]; }
    bool has(std::uint32_t t, std::uint32_t v) {
        return corner(t, 0) == v || corner(t, 1) == v || corner(t, 2) == v;
    }

    void neighbours(std::uint32_t v, std::vector<std::uint32_t>& out) {
        out.clear();
        for (auto t : around[v])
            for (int k = 0; k < 3; ++k)
                if (corner(t, k) != v) out.push_back(corner(t, k));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }

    glm::vec3 normal(std::uint32_t t, std::uint32_t moved, const glm::vec3& to) {
        glm::vec3 p[3];
        for (int k = 0; k < 3; ++k) p[k] = corner(t, k) == moved ? to : m.positions[corner(t, k)];
        return glm::cross(p[1] - p[0], p[2] - p[0]);
    }

    // Collapses b into a at their midpoint if that keeps the surface manifold and unfolded.
    bool tryCollapse(std::uint32_t a, std::uint32_t b) {
        common.clear();
        neighbours(a, na);
        neighbours(b, nb);
        std::set_intersection(na.begin(), na.end(), nb.begin(), nb.end(),
                              std::back_inserter(common));
        int shared = 0;
        for (auto t : around[a]) shared += has(t, b);
        // Link condition: exactly the two triangles on the edge, and only their apexes in common.
        if (shared != 2 || common.size() != 2) return false;
        if (na.size() <= 3 || nb.size() <= 3) return false;  // would pinch a tiny closed piece
        const glm::vec3 mid = 0.5f * (m.positions[a] + m.positions[b]);
        for (auto v : {a, b})
            for (auto t : around[v]) {
                if (has(t, a) && has(t, b)) continue;
                const glm::vec3 before = normal(t, v, m.positions[v]);
                const glm::vec3 after = normal(t, v, mid);
                if (glm::dot(before, after) <= 0.25f * glm::length(before) * glm::length(after))
                    return false;
            }
        m.positions[a] = mid;
        for (auto t : around[b]) {
            if (has(t, a)) {
                triangleAlive[t] = false;
                for (int k = 0; k < 3; ++k) {
                    const auto v = corner(t, k);
                    if (v == b) continue;
                    auto& list = around[v];
                    list.erase(std::remove(list.begin(), list.end(), t), list.end());
                }
                continue;
            }
            for (int k = 0; k < 3; ++k)
                if (corner(t, k) == b) corner(t, k) = a;
            around[a].push_back(t);
        }
        around[b].clear();
        vertexAlive[b] = false;
        return true;
    }
};

}  // namespace

std::size_t collapseShortEdges(TriangleMesh& mesh, float minLength, int passes) {
    std::size_t collapsed = 0;
    const float min2 = minLength * minLength;
    for (int pass = 0; pass < passes; ++pass) {
        Collapser c(mesh);
        std::size_t now = 0;
        const auto triangles = static_cast<std::uint32_t>(mesh.indices.size() / 3);
        for (std::uint32_t t = 0; t < triangles; ++t) {
            for (int k = 0; k < 3 && c.triangleAlive[t]; ++k) {
                const auto a = c.corner(t, k), b = c.corner(t, (k + 1) % 3);
                const glm::vec3 d = mesh.positions[a] - mesh.positions[b];
                if (glm::dot(d, d) < min2 && c.tryCollapse(std::min(a, b), std::max(a, b))) ++now;
            }
        }
        // Compact: drop dead triangles and vertices, keeping the survivors' order.
        std::vector<std::uint32_t> remap(mesh.positions.size(), UINT32_MAX);
        std::vector<glm::vec3> positions;
        for (std::size_t v = 0; v < mesh.positions.size(); ++v)
            if (c.vertexAlive[v] && !c.around[v].empty()) {
                remap[v] = static_cast<std::uint32_t>(positions.size());
                positions.push_back(mesh.positions[v]);
            }
        std::vector<std::uint32_t> indices;
        for (std::uint32_t t = 0; t < triangles; ++t)
            if (c.triangleAlive[t])
                for (int k = 0; k < 3; ++k) indices.push_back(remap[mesh.indices[t * 3 + k]]);
        mesh.positions = std::move(positions);
        mesh.indices = std::move(indices);
        collapsed += now;
        if (now == 0) break;
    }
    mesh.normals.clear();
    mesh.fibres.clear();
    mesh.tendonFractions.clear();
    return collapsed;
}

}  // namespace medius::anatomy
