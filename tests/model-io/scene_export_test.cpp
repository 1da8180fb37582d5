#include "model-io/scene_export.hpp"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <gtest/gtest.h>

#include <assimp/Importer.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "model-io/model_import.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {

TriangleMesh box(const glm::vec3& lo, const glm::vec3& hi) {
    TriangleMesh m;
    for (int i = 0; i < 8; ++i)
        m.positions.emplace_back(i & 1 ? hi.x : lo.x, i & 2 ? hi.y : lo.y, i & 4 ? hi.z : lo.z);
    // Outward counter-clockwise faces.
    const std::uint32_t faces[] = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4,
                                   2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5};
    m.indices.assign(std::begin(faces), std::end(faces));
    m.computeNormals();
    return m;
}

Scene twoStructures() {
    Scene scene;
    Structure bone{"femur_r",   "Right femur", "Femur dextrum",
                   Layer::Bone, Side::Right,   box({-10, -400, 60}, {30, 20, 110})};
    Structure bursa{"subgluteus_maximus_bursa_r",
                    "Trochanteric \"bursa\"",
                    "Bursa",
                    Layer::Bursa,
                    Side::Right,
                    box({0, -60, 100}, {20, -20, 108})};
    scene.add(bone);
    scene.add(bursa);
    return scene;
}

class SceneExport : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("medius_export_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
    DiagnosticSink sink_;
};

}  // namespace

TEST_F(SceneExport, GlbHasOneNamedNodePerStructureInMillimetres) {
    const Scene scene = twoStructures();
    ASSERT_EQ(io::exportScene(scene, dir_.string(), sink_), 3);
    EXPECT_FALSE(sink_.hasErrors());

    // Read it back through Assimp without flattening, as a glTF viewer would.
    Assimp::Importer importer;
    const aiScene* read =
        importer.ReadFile((dir_ / "scene.glb").string(), aiProcess_ValidateDataStructure);
    ASSERT_TRUE(read) << importer.GetErrorString();
    ASSERT_EQ(read->mNumMeshes, 2u);
    std::vector<std::string> names;
    std::function<void(const aiNode*)> walk = [&](const aiNode* node) {
        if (node->mNumMeshes == 1) {
            names.emplace_back(node->mName.C_Str());
            const aiMesh* mesh = read->mMeshes[node->mMeshes[0]];
            const Structure* s = scene.find(node->mName.C_Str());
            ASSERT_TRUE(s) << node->mName.C_Str();
            EXPECT_EQ(mesh->mNumVertices, s->mesh.positions.size());
            EXPECT_EQ(mesh->mNumFaces, s->mesh.triangleCount());
            EXPECT_TRUE(mesh->HasNormals());
            EXPECT_EQ(node->mTransformation, aiMatrix4x4())
                << "no hidden transform: mm in the pelvic frame";
            for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
                EXPECT_FLOAT_EQ(mesh->mVertices[v].x, s->mesh.positions[v].x);
                EXPECT_FLOAT_EQ(mesh->mVertices[v].y, s->mesh.positions[v].y);
                EXPECT_FLOAT_EQ(mesh->mVertices[v].z, s->mesh.positions[v].z);
            }
        }
        for (unsigned c = 0; c < node->mNumChildren; ++c) walk(node->mChildren[c]);
    };
    walk(read->mRootNode);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"femur_r", "subgluteus_maximus_bursa_r"}));
}

TEST_F(SceneExport, GlbChunksAreAlignedAndLengthsAgree) {
    const std::string glb = io::sceneToGlb(twoStructures());
    ASSERT_GE(glb.size(), 28u);
    std::uint32_t header[5];
    std::memcpy(header, glb.data(), sizeof header);
    EXPECT_EQ(header[0], 0x46546C67u);
    EXPECT_EQ(header[1], 2u);
    EXPECT_EQ(header[2], glb.size());
    EXPECT_EQ(header[3] % 4, 0u);
    EXPECT_EQ(glb.size() % 4, 0u);
    const std::string json = glb.substr(20, header[3]);
    EXPECT_NE(json.find("\"min\":"), std::string::npos) << "POSITION accessors need min and max";
    EXPECT_NE(json.find("Trochanteric \\\"bursa\\\""), std::string::npos)
        << "names are JSON-escaped";
}

TEST_F(SceneExport, PlyPerStructureReadsBackIdentically) {
    const Scene scene = twoStructures();
    ASSERT_EQ(io::exportScene(scene, dir_.string(), sink_), 3);
    io::ImportOptions mm;
    mm.units = io::Units::Millimetres;
    for (const Structure& s : scene.structures()) {
        auto mesh = io::importMesh((dir_ / (s.id + ".ply")).string(), mm, sink_);
        ASSERT_TRUE(mesh) << s.id;
        EXPECT_EQ(mesh->triangleCount(), s.mesh.triangleCount());
        const Bounds a = mesh->bounds(), b = s.mesh.bounds();
        EXPECT_NEAR(glm::length(a.min - b.min) + glm::length(a.max - b.max), 0.0f, 1e-4f) << s.id;
        EXPECT_NEAR(signedVolume(*mesh), signedVolume(s.mesh), 1e-3) << "winding kept: " << s.id;
    }
}

TEST_F(SceneExport, UnwritableFolderIsReportedNotThrown) {
    const fs::path file = dir_.string() + "_file";
    std::ofstream(file) << "a file where the folder should be";
    EXPECT_EQ(io::exportScene(twoStructures(), file.string(), sink_), 0);
    EXPECT_TRUE(sink_.hasErrors());
    EXPECT_EQ(sink_.all().front().file, file.string());
    fs::remove(file);
}
