#pragma once
// A user's own meshes in place of Medius's built-in ones. A small TOML file
// (the mesh manifest) maps structure ids to mesh files, with their units and
// a transform into the ISB pelvic frame; structures it does not name keep the
// built-in mesh. See docs/user-meshes.md for the format.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/structure.hpp"
#include "model-io/model_import.hpp"

namespace medius::io {

struct MeshReplacement {
    std::string structure;  // id of the structure it replaces
    std::string file;       // resolved against the manifest's folder
    ImportOptions options;  // units and the transform into the pelvic frame
    int line = 0;           // where it is in the manifest, for messages
};

// "ASR" (X anterior, Y superior, Z right: the ISB pelvic frame), "RAS", "LPS"...:
// the matrix taking a file's axes into the pelvic frame. Nullopt when the
// three letters do not name three different axes.
std::optional<glm::mat3> frameToPelvic(std::string_view code);

// Parses manifest text; `path` names it in messages and anchors relative files.
// Entries with errors are reported (file:line) and left out.
std::vector<MeshReplacement> parseMeshManifest(const std::string& text, const std::string& path,
                                               DiagnosticSink& sink);
std::vector<MeshReplacement> readMeshManifest(const std::string& path, DiagnosticSink& sink);

// Loads each replacement and swaps it into `scene` under the same id, name,
// layer and side. Unknown ids and unreadable meshes are reported with the
// manifest's line; those structures keep their built-in mesh. Returns how
// many structures were replaced.
int applyMeshManifest(const std::string& path, Scene& scene, DiagnosticSink& sink);

}  // namespace medius::io
