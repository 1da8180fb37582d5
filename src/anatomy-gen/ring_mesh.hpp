#pragma once
// The common skeleton of tubes, lofts and superquadrics: a stack of closed rings with an apex
// vertex closing each end. Every edge is shared by exactly two triangles by construction.
#include <vector>

#include "core/mesh.hpp"

namespace medius::anatomy {

struct RingStack {
    std::vector<std::vector<glm::vec3>> rings;  // all rings have the same vertex count (>= 3)
    glm::vec3 startApex{0.0f};
    glm::vec3 endApex{0.0f};
    // Optional per-ring fibre direction (e.g. the sweep tangent), copied to every ring vertex.
    std::vector<glm::vec3> ringFibres;
    glm::vec3 startFibre{0.0f}, endFibre{0.0f};
    // Optional per-ring tendon fraction (0 belly .. 1 tendon), copied to every ring vertex.
    std::vector<float> ringTendon;
    float startTendon = 0.0f, endTendon = 0.0f;
};

// Builds the closed mesh, winds it outward and computes smooth normals.
TriangleMesh closeRings(const RingStack& stack);

}  // namespace medius::anatomy
