#include "core/mesh.hpp"

#include <cmath>
#include <string>

namespace medius {

void Bounds::extend(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
}

void Bounds::extend(const Bounds& b) {
    if (!b.valid()) return;
    extend(b.min);
    extend(b.max);
}

Bounds TriangleMesh::bounds() const {
    Bounds b;
    for (const auto& p : positions) b.extend(p);
    return b;
}

void TriangleMesh::computeNormals() {
    normals.assign(positions.size(), glm::vec3(0.0f));
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const auto i0 = indices[t], i1 = indices[t + 1], i2 = indices[t + 2];
        // The un-normalised cross product weights each face by its area.
        const glm::vec3 n =
            glm::cross(positions[i1] - positions[i0], positions[i2] - positions[i0]);
        normals[i0] += n;
        normals[i1] += n;
        normals[i2] += n;
    }
    for (auto& n : normals) {
        const float len = glm::length(n);
        n = len > 1e-20f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

void TriangleMesh::append(const TriangleMesh& other) {
    const auto base = static_cast<std::uint32_t>(positions.size());
    const bool keepNormals =
        normals.size() == positions.size() && other.normals.size() == other.positions.size();
    const bool keepFibres =
        fibres.size() == positions.size() && other.fibres.size() == other.positions.size();
    const bool keepTendon = tendonFractions.size() == positions.size() &&
                            other.tendonFractions.size() == other.positions.size();
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    if (keepNormals)
        normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    else
        normals.clear();
    if (keepFibres)
        fibres.insert(fibres.end(), other.fibres.begin(), other.fibres.end());
    else
        fibres.clear();
    if (keepTendon)
        tendonFractions.insert(tendonFractions.end(), other.tendonFractions.begin(),
                               other.tendonFractions.end());
    else
        tendonFractions.clear();
    for (auto i : other.indices) indices.push_back(base + i);
}

void TriangleMesh::transform(const glm::mat4& m) {
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(m)));
    for (auto& p : positions) p = glm::vec3(m * glm::vec4(p, 1.0f));
    for (auto& n : normals) n = glm::normalize(normalMatrix * n);
    for (auto& f : fibres) f = glm::normalize(glm::mat3(m) * f);
}

std::string TriangleMesh::validate() const {
    if (indices.size() % 3 != 0) return "index count is not a multiple of 3";
    for (std::size_t i = 0; i < indices.size(); ++i)
        if (indices[i] >= positions.size())
            return "triangle " + std::to_string(i / 3) + " refers to vertex " +
                   std::to_string(indices[i]) + " of " + std::to_string(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const auto& p = positions[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            return "vertex " + std::to_string(i) + " has a non-finite coordinate";
    }
    if (!normals.empty() && normals.size() != positions.size())
        return "normal count differs from vertex count";
    if (!fibres.empty() && fibres.size() != positions.size())
        return "fibre count differs from vertex count";
    if (!tendonFractions.empty() && tendonFractions.size() != positions.size())
        return "tendon fraction count differs from vertex count";
    return {};
}

double signedVolume(const TriangleMesh& mesh) {
    double v = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
        v += glm::dot(a, glm::cross(b, c));
    }
    return v / 6.0;
}

double surfaceArea(const TriangleMesh& mesh) {
    double area = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
        area += 0.5 * glm::length(glm::cross(b - a, c - a));
    }
    return area;
}

}  // namespace medius
