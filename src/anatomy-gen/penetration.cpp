// The penetration measure: how deep soft tissue lies inside bone, measured on the meshes.
#include "anatomy-gen/penetration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace medius::anatomy {

glm::vec3 triangleClosestPoint(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                               const glm::vec3& c) {
    // Ericson, Real-Time Collision Detection, 5.1.5.
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

SolidProbe::SolidProbe(const TriangleMesh& mesh) : mesh_(mesh) {
    const Bounds b = mesh.bounds();
    lo_ = b.min - glm::vec3(1.0f);
    hi_ = b.max + glm::vec3(1.0f);
    dims_ = glm::max(glm::ivec3(glm::ceil((hi_ - lo_) / cell_)), glm::ivec3(1));
    cells_.resize(static_cast<std::size_t>(dims_.x) * dims_.y * dims_.z);
    for (int axis = 0; axis < 3; ++axis) {
        const int u = (axis + 1) % 3, v = (axis + 2) % 3;
        columnDims_[axis] = {dims_[u], dims_[v]};
        columns_[axis].resize(static_cast<std::size_t>(dims_[u]) * dims_[v]);
    }
    auto cellOf = [&](const glm::vec3& p) {
        return glm::clamp(glm::ivec3(glm::floor((p - lo_) / cell_)), glm::ivec3(0), dims_ - 1);
    };
    for (std::uint32_t t = 0; t * 3 + 2 < mesh.indices.size(); ++t) {
        const glm::vec3& a = mesh.positions[mesh.indices[3 * t]];
        const glm::vec3& bb = mesh.positions[mesh.indices[3 * t + 1]];
        const glm::vec3& c = mesh.positions[mesh.indices[3 * t + 2]];
        const glm::ivec3 c0 = cellOf(glm::min(a, glm::min(bb, c)));
        const glm::ivec3 c1 = cellOf(glm::max(a, glm::max(bb, c)));
        for (int z = c0.z; z <= c1.z; ++z)
            for (int y = c0.y; y <= c1.y; ++y)
                for (int x = c0.x; x <= c1.x; ++x)
                    cells_[(static_cast<std::size_t>(z) * dims_.y + y) * dims_.x + x].push_back(t);
        for (int axis = 0; axis < 3; ++axis) {
            const int u = (axis + 1) % 3, v = (axis + 2) % 3;
            for (int j = c0[v]; j <= c1[v]; ++j)
                for (int i = c0[u]; i <= c1[u]; ++i)
                    columns_[axis][static_cast<std::size_t>(j) * dims_[u] + i].push_back(t);
        }
    }
}

int SolidProbe::parityCrossings(const glm::vec3& p, int axis) const {
    const int u = (axis + 1) % 3, v = (axis + 2) % 3;
    const int i = static_cast<int>(std::floor((p[u] - lo_[u]) / cell_));
    const int j = static_cast<int>(std::floor((p[v] - lo_[v]) / cell_));
    if (i < 0 || j < 0 || i >= columnDims_[axis].x || j >= columnDims_[axis].y) return 0;
    int crossings = 0;
    for (std::uint32_t t : columns_[axis][static_cast<std::size_t>(j) * dims_[u] + i]) {
        const glm::vec3& a = mesh_.positions[mesh_.indices[3 * t]];
        const glm::vec3& b = mesh_.positions[mesh_.indices[3 * t + 1]];
        const glm::vec3& c = mesh_.positions[mesh_.indices[3 * t + 2]];
        // Barycentric coordinates of (p_u, p_v) in the triangle projected along the axis.
        const double ax = a[u], ay = a[v], bx = b[u], by = b[v], cx = c[u], cy = c[v];
        const double det = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
        if (std::abs(det) < 1e-12) continue;
        const double l1 = ((p[u] - ax) * (cy - ay) - (cx - ax) * (p[v] - ay)) / det;
        const double l2 = ((bx - ax) * (p[v] - ay) - (p[u] - ax) * (by - ay)) / det;
        if (l1 < 0 || l2 < 0 || l1 + l2 > 1) continue;
        const double hit = a[axis] + l1 * (b[axis] - a[axis]) + l2 * (c[axis] - a[axis]);
        if (hit > p[axis]) ++crossings;
    }
    return crossings;
}

bool SolidProbe::inside(const glm::vec3& p) const {
    if (glm::any(glm::lessThan(p, lo_)) || glm::any(glm::greaterThan(p, hi_))) return false;
    // A tiny odd offset keeps the axis rays off the grid-aligned vertices and edges of
    // extracted surfaces (which would spoil the parity count).
    const glm::vec3 q = p + glm::vec3(1.37e-3f, 2.91e-3f, 0.73e-3f);
    int votes = 0;
    for (int axis = 0; axis < 3; ++axis) votes += parityCrossings(q, axis) % 2;
    return votes >= 2;
}

float SolidProbe::distance(const glm::vec3& p, float limit) const {
    const glm::ivec3 c0 =
        glm::clamp(glm::ivec3(glm::floor((p - limit - lo_) / cell_)), glm::ivec3(0), dims_ - 1);
    const glm::ivec3 c1 =
        glm::clamp(glm::ivec3(glm::floor((p + limit - lo_) / cell_)), glm::ivec3(0), dims_ - 1);
    float best = limit * limit;
    for (int z = c0.z; z <= c1.z; ++z)
        for (int y = c0.y; y <= c1.y; ++y)
            for (int x = c0.x; x <= c1.x; ++x)
                for (std::uint32_t t :
                     cells_[(static_cast<std::size_t>(z) * dims_.y + y) * dims_.x + x]) {
                    const glm::vec3 q = triangleClosestPoint(
                        p, mesh_.positions[mesh_.indices[3 * t]],
                        mesh_.positions[mesh_.indices[3 * t + 1]],
                        mesh_.positions[mesh_.indices[3 * t + 2]]);
                    const glm::vec3 d = q - p;
                    best = std::min(best, glm::dot(d, d));
                }
    return std::sqrt(best);
}

Penetration deepestPenetration(const Scene& scene, std::vector<Penetration>* perTissue,
                               const std::vector<Layer>& layers) {
    std::vector<const Structure*> bones;
    for (const auto& s : scene.structures())
        if (s.layer == Layer::Bone && !s.mesh.empty()) bones.push_back(&s);
    std::vector<SolidProbe> probes;
    probes.reserve(bones.size());
    for (const Structure* b : bones) probes.emplace_back(b->mesh);
    Penetration worst;
    for (const auto& s : scene.structures()) {
        if (std::find(layers.begin(), layers.end(), s.layer) == layers.end()) continue;
        Penetration mine{s.id, "", glm::vec3(0.0f), 0.0f};
        for (std::size_t k = 0; k < bones.size(); ++k)
            for (const auto& p : s.mesh.positions) {
                const float d = probes[k].depth(p);
                if (d > mine.depth) mine = {s.id, bones[k]->id, p, d};
            }
        if (perTissue) perTissue->push_back(mine);
        if (mine.depth > worst.depth) worst = mine;
    }
    return worst;
}

}  // namespace medius::anatomy
