#include "mesh_checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace medius::anatomy::testing {

std::string closedManifoldProblem(const TriangleMesh& mesh) {
    if (mesh.indices.empty()) return "mesh is empty";
    // Count each directed edge; a closed, consistently wound mesh has each exactly once and its
    // reverse exactly once.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k)
            ++directed[{mesh.indices[t + k], mesh.indices[t + (k + 1) % 3]}];
    for (const auto& [edge, count] : directed) {
        if (count != 1)
            return "edge " + std::to_string(edge.first) + "-" + std::to_string(edge.second) +
                   " is used " + std::to_string(count) + " times in the same direction";
        const auto reverse = directed.find({edge.second, edge.first});
        if (reverse == directed.end())
            return "edge " + std::to_string(edge.first) + "-" + std::to_string(edge.second) +
                   " is a boundary (or wound inconsistently)";
    }
    return {};
}

Sphere fitSphere(const std::vector<glm::vec3>& pts) {
    // |p|^2 = 2 c.p + (r^2 - |c|^2): linear in (c, k). Normal equations in double precision.
    double a[4][5] = {};
    for (const auto& p : pts) {
        const double row[4] = {2.0 * p.x, 2.0 * p.y, 2.0 * p.z, 1.0};
        const double rhs = double(p.x) * p.x + double(p.y) * p.y + double(p.z) * p.z;
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j) a[i][j] += row[i] * row[j];
            a[i][4] += row[i] * rhs;
        }
    }
    for (int i = 0; i < 4; ++i) {  // Gaussian elimination with partial pivoting
        int best = i;
        for (int r = i + 1; r < 4; ++r)
            if (std::abs(a[r][i]) > std::abs(a[best][i])) best = r;
        for (int c = 0; c < 5; ++c) std::swap(a[i][c], a[best][c]);
        if (std::abs(a[i][i]) < 1e-12) return {};
        for (int r = 0; r < 4; ++r) {
            if (r == i) continue;
            const double f = a[r][i] / a[i][i];
            for (int c = i; c < 5; ++c) a[r][c] -= f * a[i][c];
        }
    }
    const glm::dvec3 c(a[0][4] / a[0][0], a[1][4] / a[1][1], a[2][4] / a[2][2]);
    const double k = a[3][4] / a[3][3];
    return {glm::vec3(c), static_cast<float>(std::sqrt(k + glm::dot(c, c)))};
}

float angleDegrees(const glm::vec3& a, const glm::vec3& b) {
    const float c = glm::dot(glm::normalize(a), glm::normalize(b));
    return std::acos(std::fmax(-1.0f, std::fmin(1.0f, c))) * 180.0f / 3.14159265f;
}

glm::vec3 sliceCentroid(const TriangleMesh& mesh, float level, float halfThickness) {
    glm::vec3 sum(0.0f);
    int n = 0;
    for (const auto& p : mesh.positions)
        if (std::abs(p.y - level) <= halfThickness) {
            sum += p;
            ++n;
        }
    return n ? sum / static_cast<float>(n) : glm::vec3(NAN);
}

glm::vec3 sectionCentroid(const TriangleMesh& mesh, float level) {
    // Each triangle crossing the plane gives one segment of the section's outline, oriented by the
    // triangle's winding; Green's theorem over the segments gives the area and its centroid.
    double area = 0.0, cx = 0.0, cz = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        glm::vec3 v[3];
        for (int k = 0; k < 3; ++k) v[k] = mesh.positions[mesh.indices[t + k]];
        glm::vec3 pts[2];
        int n = 0;
        for (int k = 0; k < 3 && n < 2; ++k) {
            const glm::vec3 &a = v[k], &b = v[(k + 1) % 3];
            if ((a.y < level) != (b.y < level))
                pts[n++] = glm::mix(a, b, (level - a.y) / (b.y - a.y));
        }
        if (n < 2) continue;
        glm::vec3 p = pts[0], q = pts[1];
        // Orient every segment the same way round the outline: outward normal on its right.
        const glm::vec3 normal = glm::cross(v[1] - v[0], v[2] - v[0]);
        if (glm::dot(glm::cross(q - p, glm::vec3(0, 1, 0)), normal) < 0.0f) std::swap(p, q);
        const double c = double(p.x) * q.z - double(q.x) * p.z;
        area += c;
        cx += (double(p.x) + q.x) * c;
        cz += (double(p.z) + q.z) * c;
    }
    if (std::abs(area) < 1e-9) return glm::vec3(NAN);
    return {static_cast<float>(cx / (3.0 * area)), level, static_cast<float>(cz / (3.0 * area))};
}

glm::vec3 shellCentroid(const TriangleMesh& mesh, const glm::vec3& centre, float rMin, float rMax) {
    glm::dvec3 sum(0.0);
    double total = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3& a = mesh.positions[mesh.indices[t]];
        const glm::vec3& b = mesh.positions[mesh.indices[t + 1]];
        const glm::vec3& c = mesh.positions[mesh.indices[t + 2]];
        const glm::vec3 mid = (a + b + c) / 3.0f;
        const float d = glm::length(mid - centre);
        if (d <= rMin || d >= rMax) continue;
        const double area = 0.5 * glm::length(glm::cross(b - a, c - a));
        sum += glm::dvec3(mid) * area;
        total += area;
    }
    return total > 0.0 ? glm::vec3(sum / total) : glm::vec3(NAN);
}

}  // namespace medius::anatomy::testing

namespace medius::anatomy::testing {

float rayHit(const TriangleMesh& mesh, const glm::vec3& origin, const glm::vec3& dir) {
    float best = std::numeric_limits<float>::infinity();
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        // Moller-Trumbore.
        const glm::vec3& a = mesh.positions[mesh.indices[t]];
        const glm::vec3 e1 = mesh.positions[mesh.indices[t + 1]] - a;
        const glm::vec3 e2 = mesh.positions[mesh.indices[t + 2]] - a;
        const glm::vec3 h = glm::cross(dir, e2);
        const float det = glm::dot(e1, h);
        if (std::abs(det) < 1e-9f) continue;
        const glm::vec3 s = origin - a;
        const float u = glm::dot(s, h) / det;
        if (u < 0.0f || u > 1.0f) continue;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = glm::dot(dir, q) / det;
        if (v < 0.0f || u + v > 1.0f) continue;
        const float d = glm::dot(e2, q) / det;
        if (d > 1e-3f && d < best) best = d;
    }
    return best;
}

glm::vec3 nearestPointOn(const TriangleMesh& mesh, const glm::vec3& p) {
    glm::vec3 best(0.0f);
    float bestD = std::numeric_limits<float>::infinity();
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 q = triangleClosestPoint(p, mesh.positions[mesh.indices[t]],
                                                 mesh.positions[mesh.indices[t + 1]],
                                                 mesh.positions[mesh.indices[t + 2]]);
        const float d = glm::dot(q - p, q - p);
        if (d < bestD) {
            bestD = d;
            best = q;
        }
    }
    return best;
}

double padFootprintArea(const TriangleMesh& mesh) {
    std::vector<glm::dvec3> areaVectors;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
        areaVectors.push_back(0.5 * glm::cross(b - a, c - a));
    }
    // Power iteration on sum(a a^T): its leading eigenvector is the pad's normal.
    glm::dvec3 n(0.577, 0.577, 0.577);
    for (int iteration = 0; iteration < 60; ++iteration) {
        glm::dvec3 next(0.0);
        for (const auto& a : areaVectors) next += a * glm::dot(a, n);
        if (glm::length(next) == 0.0) return 0.0;
        n = glm::normalize(next);
    }
    double projected = 0.0;
    for (const auto& a : areaVectors) projected += std::abs(glm::dot(a, n));
    return projected / 2.0;
}

}  // namespace medius::anatomy::testing
