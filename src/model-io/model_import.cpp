#include "model-io/model_import.hpp"

#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#include <filesystem>
#include <system_error>

namespace medius::io {

std::optional<Units> parseUnits(std::string_view name) {
    if (name == "auto") return Units::Auto;
    if (name == "mm" || name == "millimetres" || name == "millimeters") return Units::Millimetres;
    if (name == "cm" || name == "centimetres" || name == "centimeters") return Units::Centimetres;
    if (name == "m" || name == "metres" || name == "meters") return Units::Metres;
    return std::nullopt;
}

const char* unitsName(Units units) {
    switch (units) {
        case Units::Auto:
            return "auto";
        case Units::Millimetres:
            return "mm";
        case Units::Centimetres:
            return "cm";
        case Units::Metres:
            return "m";
    }
    return "auto";
}

float millimetresPerUnit(Units units) {
    switch (units) {
        case Units::Centimetres:
            return 10.0f;
        case Units::Metres:
            return 1000.0f;
        default:
            return 1.0f;
    }
}

std::optional<TriangleMesh> importMesh(const std::string& path, const ImportOptions& options,
                                       DiagnosticSink& sink) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        sink.error(path, 0, "model file not found");
        return std::nullopt;
    }
    if (std::filesystem::is_directory(path, ec)) {
        sink.error(path, 0, "is a folder, not a model file");
        return std::nullopt;
    }

    Assimp::Importer importer;
    // Points and lines are dropped: Medius draws surfaces only.
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE,
                                aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                           aiProcess_GenSmoothNormals | aiProcess_PreTransformVertices |
                           aiProcess_SortByPType | aiProcess_ValidateDataStructure |
                           aiProcess_FindInvalidData;
    const aiScene* scene = nullptr;
    try {
        scene = importer.ReadFile(path, flags);
    } catch (const std::exception& e) {  // Assimp catches most of its own; not all
        sink.error(path, 0, std::string("cannot read model: ") + e.what());
        return std::nullopt;
    }
    if (!scene || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode) {
        const char* raw = importer.GetErrorString();
        std::string why = raw && *raw ? raw : "unknown format";
        // Assimp's words for two common cases, said in the user's terms.
        if (why.find("No meshes remaining") != std::string::npos)
            why = "no usable triangles (every face had invalid coordinates, such as NaN or "
                  "infinity, or the file has no faces)";
        else if (why.find("bad_alloc") != std::string::npos)
            why = "the file declares more data than memory can hold (a damaged header?)";
        sink.error(path, 0, "cannot read model: " + why);
        return std::nullopt;
    }
    std::size_t triangles = 0;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) triangles += scene->mMeshes[m]->mNumFaces;
    if (triangles > options.maxTriangles) {
        sink.error(path, 0,
                   "has " + std::to_string(triangles) + " triangles; Medius shows models of up to " +
                       std::to_string(options.maxTriangles) + " (simplify it first, e.g. in MeshLab)");
        return std::nullopt;
    }

    TriangleMesh out;
    // PreTransformVertices has already baked node transforms into the meshes.
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
        const aiMesh* mesh = scene->mMeshes[m];
        if (!(mesh->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
        TriangleMesh part;
        part.positions.reserve(mesh->mNumVertices);
        for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
            const aiVector3D& p = mesh->mVertices[v];
            part.positions.emplace_back(p.x, p.y, p.z);
            if (mesh->mNormals) {
                const aiVector3D& n = mesh->mNormals[v];
                part.normals.emplace_back(n.x, n.y, n.z);
            }
        }
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            const aiFace& face = mesh->mFaces[f];
            if (face.mNumIndices != 3) continue;
            for (int k = 0; k < 3; ++k) part.indices.push_back(face.mIndices[k]);
        }
        out.append(part);
    }
    if (out.empty()) {
        sink.error(path, 0, "contains no triangle meshes");
        return std::nullopt;
    }
    if (const std::string problem = out.validate(); !problem.empty()) {
        sink.error(path, 0, "invalid mesh: " + problem);
        return std::nullopt;
    }

    Units units = options.units;
    if (units == Units::Auto) {
        const float extent = glm::length(out.bounds().size());
        units = extent < 5.0f ? Units::Metres : Units::Millimetres;
        sink.info(path, 0,
                  std::string("no units given; model is ") + std::to_string(extent) +
                      " units across, read as " + unitsName(units) +
                      " (say --units mm|cm|m to choose)");
    }
    const float scale = millimetresPerUnit(units);
    glm::mat4 toPelvis = options.transform * glm::mat4(glm::mat3(scale));
    toPelvis[3][3] = 1.0f;
    out.transform(toPelvis);
    if (out.normals.size() != out.positions.size()) out.computeNormals();
    return out;
}

}  // namespace medius::io
