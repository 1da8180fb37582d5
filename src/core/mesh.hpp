#pragma once
// An indexed triangle mesh in millimetres, in the ISB pelvic frame
// (X anterior, Y superior, Z right). The data layer's only geometry type:
// generators and importers produce it, the renderer uploads it.
#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace medius {

struct Bounds {
    glm::vec3 min{1e30f};
    glm::vec3 max{-1e30f};

    bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
    void extend(const glm::vec3& p);
    void extend(const Bounds& b);
    glm::vec3 centre() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    float radius() const { return glm::length(max - min) * 0.5f; }
};

struct TriangleMesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;  // one per position; empty until computed
    // Optional per-vertex fibre direction (unit, tangent to the surface) for
    // muscles, so the renderer can draw striation. Empty when not a muscle.
    std::vector<glm::vec3> fibres;
    // Optional per-vertex tendon fraction for muscles: 0 in the fleshy belly, 1 where the
    // muscle has become tendon or aponeurosis, blending between. Generated anatomy decides it;
    // the renderer only shades it (pale, glossy). Empty when the mesh has no tendon part.
    std::vector<float> tendonFractions;
    std::vector<std::uint32_t> indices;  // three per triangle, counter-clockwise seen from outside

    std::size_t vertexCount() const { return positions.size(); }
    std::size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }

    Bounds bounds() const;
    // Area-weighted smooth vertex normals.
    void computeNormals();
    // Appends another mesh, re-basing its indices.
    void append(const TriangleMesh& other);
    void transform(const glm::mat4& m);
    // Returns a description of the first problem found (index out of range,
    // non-finite coordinate, normals count mismatch), or an empty string.
    std::string validate() const;
};

// Signed volume (mm^3) of a closed mesh; positive when faces wind outward.
double signedVolume(const TriangleMesh& mesh);
double surfaceArea(const TriangleMesh& mesh);

}  // namespace medius
