#include "anatomy-gen/marching_tetrahedra.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace medius::anatomy {

namespace {

// Cube corners as (x, y, z) offsets, and the six tetrahedra around the main diagonal 0-6
// (Kuhn split): neighbouring cubes split their shared faces along the same diagonal.
constexpr int kCorner[8][3] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0},
                               {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
constexpr int kTets[6][4] = {{0, 5, 1, 6}, {0, 1, 2, 6}, {0, 2, 3, 6},
                             {0, 3, 7, 6}, {0, 7, 4, 6}, {0, 4, 5, 6}};

struct Grid {
    int nx, ny, nz;
    glm::vec3 origin;
    float h;
    std::vector<float> value;
    std::int64_t index(int x, int y, int z) const {
        return (static_cast<std::int64_t>(z) * (ny + 1) + y) * (nx + 1) + x;
    }
    glm::vec3 point(std::int64_t id) const {
        const int x = static_cast<int>(id % (nx + 1));
        const int y = static_cast<int>((id / (nx + 1)) % (ny + 1));
        const int z = static_cast<int>(id / (static_cast<std::int64_t>(nx + 1) * (ny + 1)));
        return origin + glm::vec3(x, y, z) * h;
    }
};

class Extractor {
  public:
    explicit Extractor(const Grid& g) : g_(g) {}

    // One vertex per sign-changing grid edge, shared by every triangle that uses the edge.
    std::uint32_t edgeVertex(std::int64_t a, std::int64_t b) {
        if (a > b) std::swap(a, b);
        const std::uint64_t key =
            static_cast<std::uint64_t>(a) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(b);
        auto [it, inserted] = edges_.try_emplace(key, 0u);
        if (!inserted) {
            // Guard against key collisions by checking the stored endpoints.
            for (auto i = it->second;; i = collisionNext_[i]) {
                if (ends_[i][0] == a && ends_[i][1] == b) return i;
                if (collisionNext_[i] == UINT32_MAX) {
                    const auto v = newVertex(a, b);
                    collisionNext_[i] = v;
                    return v;
                }
            }
        }
        it->second = newVertex(a, b);
        return it->second;
    }

    void triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        mesh.indices.insert(mesh.indices.end(), {a, b, c});
    }

    TriangleMesh mesh;

  private:
    std::uint32_t newVertex(std::int64_t a, std::int64_t b) {
        const float va = g_.value[a], vb = g_.value[b];
        float t = va / (va - vb);
        t = std::fmin(std::fmax(t, 0.0f), 1.0f);
        const glm::vec3 pa = g_.point(a), pb = g_.point(b);
        mesh.positions.push_back(pa + (pb - pa) * t);
        ends_.push_back({a, b});
        collisionNext_.push_back(UINT32_MAX);
        return static_cast<std::uint32_t>(mesh.positions.size() - 1);
    }

    const Grid& g_;
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;
    std::vector<std::array<std::int64_t, 2>> ends_;
    std::vector<std::uint32_t> collisionNext_;
};

// Orientation is decided from the tetrahedron's corner positions, never from the (possibly
// degenerate) interpolated triangle, so every triangle winds consistently.
bool pointsAway(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                const glm::vec3& towards) {
    return glm::dot(glm::cross(b - a, c - a), towards) > 0.0f;
}

void polygoniseTet(const Grid& g, const std::int64_t id[4], Extractor& ex) {
    int in[4], out[4], ni = 0, no = 0;
    for (int i = 0; i < 4; ++i) {
        if (g.value[id[i]] < 0.0f)
            in[ni++] = i;
        else
            out[no++] = i;
    }
    if (ni == 0 || no == 0) return;
    glm::vec3 p[4];
    for (int i = 0; i < 4; ++i) p[i] = g.point(id[i]);
    if (ni == 1 || ni == 3) {
        // One corner on its own side: a single triangle across its three edges.
        const int lone = ni == 1 ? in[0] : out[0];
        const int* others = ni == 1 ? out : in;
        int o0 = others[0], o1 = others[1], o2 = others[2];
        // Normal must point from inside to outside.
        const glm::vec3 outward = ni == 1 ? (p[o0] - p[lone]) : (p[lone] - p[o0]);
        if (!pointsAway(p[o0], p[o1], p[o2], outward)) std::swap(o1, o2);
        ex.triangle(ex.edgeVertex(id[lone], id[o0]), ex.edgeVertex(id[lone], id[o1]),
                    ex.edgeVertex(id[lone], id[o2]));
        return;
    }
    // Two and two: a quad through the four crossing edges, in cyclic order.
    const int i0 = in[0], i1 = in[1], o0 = out[0], o1 = out[1];
    const std::uint32_t q[4] = {ex.edgeVertex(id[i0], id[o0]), ex.edgeVertex(id[i0], id[o1]),
                                ex.edgeVertex(id[i1], id[o1]), ex.edgeVertex(id[i1], id[o0])};
    const glm::vec3 m0 = (p[i0] + p[o0]) * 0.5f, m1 = (p[i0] + p[o1]) * 0.5f,
                    m2 = (p[i1] + p[o1]) * 0.5f;
    const glm::vec3 outward = (p[o0] + p[o1]) - (p[i0] + p[i1]);
    if (pointsAway(m0, m1, m2, outward)) {
        ex.triangle(q[0], q[1], q[2]);
        ex.triangle(q[0], q[2], q[3]);
    } else {
        ex.triangle(q[0], q[2], q[1]);
        ex.triangle(q[0], q[3], q[2]);
    }
}

}  // namespace

TriangleMesh polygonise(const std::function<float(const glm::vec3&)>& distance, const Bounds& box,
                        float cellSize) {
    if (!box.valid() || !(cellSize > 0.0f)) return {};
    Grid g;
    g.h = cellSize;
    g.origin = box.min - 2.0f * cellSize;
    const glm::vec3 size = box.size() + 4.0f * cellSize;
    g.nx = static_cast<int>(std::ceil(size.x / cellSize));
    g.ny = static_cast<int>(std::ceil(size.y / cellSize));
    g.nz = static_cast<int>(std::ceil(size.z / cellSize));
    g.value.resize(static_cast<std::size_t>(g.nx + 1) * (g.ny + 1) * (g.nz + 1));
    // Far from the surface only the sign matters. Blocks of kBlock^3 cells whose centre is
    // clearly farther than the block's half-diagonal (with a margin for blended, not quite exact
    // distances) take the centre's value instead of evaluating every grid point.
    constexpr int kBlock = 4;
    const int bx = g.nx / kBlock + 1, by = g.ny / kBlock + 1, bz = g.nz / kBlock + 1;
    std::vector<float> blockValue(static_cast<std::size_t>(bx) * by * bz);
    const float reach = 1.5f * (0.5f * std::sqrt(3.0f) * kBlock * g.h) + 2.0f * g.h;
    for (int z = 0; z < bz; ++z)
        for (int y = 0; y < by; ++y)
            for (int x = 0; x < bx; ++x) {
                const glm::vec3 centre =
                    g.origin + (glm::vec3(x, y, z) * static_cast<float>(kBlock) +
                                0.5f * static_cast<float>(kBlock)) *
                                   g.h;
                const float d = distance(centre);
                blockValue[(static_cast<std::size_t>(z) * by + y) * bx + x] =
                    std::abs(d) > reach ? d : 0.0f;  // 0 marks "near: evaluate exactly"
            }
    for (int z = 0; z <= g.nz; ++z)
        for (int y = 0; y <= g.ny; ++y)
            for (int x = 0; x <= g.nx; ++x) {
                const bool border =
                    x == 0 || y == 0 || z == 0 || x == g.nx || y == g.ny || z == g.nz;
                float v = 1.0f;  // the border is forced outside so the surface is always closed
                if (!border) {
                    const float far =
                        blockValue[(static_cast<std::size_t>(z / kBlock) * by + y / kBlock) * bx +
                                   x / kBlock];
                    v = far != 0.0f ? far : distance(g.origin + glm::vec3(x, y, z) * g.h);
                }
                g.value[g.index(x, y, z)] = v;
            }
    Extractor ex(g);
    for (int z = 0; z < g.nz; ++z)
        for (int y = 0; y < g.ny; ++y)
            for (int x = 0; x < g.nx; ++x) {
                std::int64_t c[8];
                int inside = 0;
                for (int k = 0; k < 8; ++k) {
                    c[k] = g.index(x + kCorner[k][0], y + kCorner[k][1], z + kCorner[k][2]);
                    inside += g.value[c[k]] < 0.0f;
                }
                if (inside == 0 || inside == 8) continue;
                for (const auto& tet : kTets) {
                    const std::int64_t id[4] = {c[tet[0]], c[tet[1]], c[tet[2]], c[tet[3]]};
                    polygoniseTet(g, id, ex);
                }
            }
    return std::move(ex.mesh);
}

}  // namespace medius::anatomy
