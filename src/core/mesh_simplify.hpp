#pragma once
// A coarser version of a mesh for frames drawn while the camera moves. On a software
// renderer the vertex stage and the triangle setup dominate, so an eighth of the triangles
// draws several times faster; the full mesh is drawn again as soon as the camera stops.
//
// Vertex clustering on a grid, keeping one of the mesh's own vertices per cell: the
// result is a list of indices into the SAME vertex array, so the renderer shares the
// vertex buffer and posing or recolouring needs no second copy.
#include <cstdint>
#include <vector>

#include "core/mesh.hpp"

namespace medius {

// Indices (three per triangle) of about `targetTriangles` triangles over `mesh`'s vertices.
// Degenerate and repeated triangles are dropped. Meshes already at or under the target
// come back unchanged.
std::vector<std::uint32_t> clusteredIndices(const TriangleMesh& mesh, std::size_t targetTriangles);

// The target Medius uses: meshes under 1500 triangles stay as they are, larger ones keep
// an eighth (at least 600).
std::size_t interactiveTriangleTarget(std::size_t triangles);

}  // namespace medius
