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
    // -1: an apex vertex closes the first ring (a fan of triangles to it). 0 or more: the first
    // ring (an even vertex count) is closed by zipping its two halves together, from this vertex
    // to the one opposite, with no apex: for a broad curved ring (the whole origin of a fan-shaped
    // muscle), whose centroid lies off the ring, where a fan would stretch a web across.
    int startZipTip = -1;
};

// Builds the closed mesh, winds it outward and computes smooth normals.
TriangleMesh closeRings(const RingStack& stack);

}  // namespace medius::anatomy
