#pragma once
// Writes Medius's scene out for other tools: one glTF 2.0 binary (scene.glb,
// one node and mesh per structure, named by its id) and one binary PLY per
// structure. Coordinates stay in millimetres in the ISB pelvic frame
// (X anterior, Y superior, Z right), which is also glTF's Y-up convention, so
// the model opens upright in any glTF viewer.
#include <string>

#include "core/diagnostics.hpp"
#include "core/structure.hpp"

namespace medius::io {

// The bytes of a .glb holding every structure of `scene` (empty meshes left out).
std::string sceneToGlb(const Scene& scene);
// The bytes of a binary little-endian PLY (positions, normals, triangles).
std::string meshToPly(const TriangleMesh& mesh, const std::string& comment);

// Creates `folder` if needed and writes scene.glb plus <id>.ply for every
// structure, each through a temporary file and rename. Reports failures to the
// sink and returns the number of files written.
int exportScene(const Scene& scene, const std::string& folder, DiagnosticSink& sink);

}  // namespace medius::io
