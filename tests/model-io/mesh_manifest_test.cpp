#include "model-io/mesh_manifest.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace medius;
namespace fs = std::filesystem;

namespace {

class MeshManifest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("medius_manifest_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
        // A 100 mm tetrahedron written in metres.
        write("tet.obj",
              "v 0 0 0\nv 0.1 0 0\nv 0 0.1 0\nv 0 0 0.1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n");
        Structure femur{"femur_r", "Right femur", "Femur", Layer::Bone, Side::Right, {}};
        femur.mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
        femur.mesh.indices = {0, 1, 2};
        scene_.add(femur);
        Structure sacrum{"sacrum", "Sacrum", "Os sacrum", Layer::Bone, Side::None, femur.mesh};
        scene_.add(sacrum);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& text) {
        const auto path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    fs::path dir_;
    DiagnosticSink sink_;
    Scene scene_;
};

std::string messages(const DiagnosticSink& sink) {
    std::string all;
    for (const auto& d : sink.all()) all += d.format() + "\n";
    return all;
}

}  // namespace

TEST(FrameCodes, MapFileAxesIntoThePelvicFrame) {
    const auto asr = io::frameToPelvic("ASR");
    ASSERT_TRUE(asr);
    EXPECT_EQ(*asr, glm::mat3(1.0f));
    // RAS (the Visible Human set): file +x is right, +y anterior, +z superior.
    const auto ras = io::frameToPelvic("RAS");
    ASSERT_TRUE(ras);
    EXPECT_EQ(*ras * glm::vec3(1, 0, 0), glm::vec3(0, 0, 1));
    EXPECT_EQ(*ras * glm::vec3(0, 1, 0), glm::vec3(1, 0, 0));
    EXPECT_EQ(*ras * glm::vec3(0, 0, 1), glm::vec3(0, 1, 0));
    const auto lps = io::frameToPelvic("LPS");
    ASSERT_TRUE(lps);
    EXPECT_EQ(*lps * glm::vec3(1, 2, 3), glm::vec3(-2, 3, -1));
    EXPECT_FALSE(io::frameToPelvic("AAR"));
    EXPECT_FALSE(io::frameToPelvic("ASX"));
    EXPECT_FALSE(io::frameToPelvic("AS"));
}

TEST_F(MeshManifest, ReplacesTheNamedStructureAndKeepsTheRest) {
    const auto manifest =
        write("meshes.toml",
              "[[mesh]]\nstructure = \"femur_r\"\nfile = \"tet.obj\"\nunits = \"m\"\n"
              "translate = [10, 20, 30]\n");
    EXPECT_EQ(io::applyMeshManifest(manifest, scene_, sink_), 1) << messages(sink_);
    EXPECT_FALSE(sink_.hasErrors()) << messages(sink_);
    const Structure* femur = scene_.find("femur_r");
    ASSERT_TRUE(femur);
    EXPECT_EQ(femur->name, "Right femur");
    EXPECT_EQ(femur->layer, Layer::Bone);
    EXPECT_EQ(femur->mesh.triangleCount(), 4u);
    EXPECT_NEAR(femur->mesh.bounds().min.x, 10.0f, 1e-4f);
    EXPECT_NEAR(femur->mesh.bounds().max.y, 120.0f, 1e-4f);
    EXPECT_EQ(scene_.find("sacrum")->mesh.triangleCount(), 1u) << "unmapped structures keep theirs";
}

TEST_F(MeshManifest, FrameScaleRotateThenTranslate) {
    const auto manifest =
        write("meshes.toml",
              "[[mesh]]\nstructure = \"sacrum\"\nfile = \"tet.obj\"\nunits = \"cm\"\n"
              "frame = \"RAS\"\nscale = 2\nrotate = [0, 90, 0]\ntranslate = [0, 0, -5]\n");
    ASSERT_EQ(io::applyMeshManifest(manifest, scene_, sink_), 1) << messages(sink_);
    // tet vertex (0.1,0,0) cm -> 1 mm on file +x = right -> pelvic (0,0,1) -> x2 -> (0,0,2)
    // -> 90 deg about Y -> (2,0,0) -> translate -> (2,0,-5).
    const auto& p = scene_.find("sacrum")->mesh.positions;
    const bool found = std::any_of(p.begin(), p.end(), [](const glm::vec3& v) {
        return glm::length(v - glm::vec3(2, 0, -5)) < 1e-4f;
    });
    EXPECT_TRUE(found);
}

TEST_F(MeshManifest, MistakesNameTheManifestLineAndKeepBuiltIns) {
    const auto manifest = write("meshes.toml",
                                "[[mesh]]\n"                           // 1
                                "structure = \"femur_r\"\n"            // 2
                                "file = \"missing.stl\"\n"             // 3
                                "[[mesh]]\n"                           // 4
                                "structure = \"gluteus_maximus_q\"\n"  // 5
                                "file = \"tet.obj\"\n"                 // 6
                                "[[mesh]]\n"                           // 7
                                "structure = \"sacrum\"\n"             // 8
                                "file = \"tet.obj\"\n"                 // 9
                                "units = \"furlongs\"\n"               // 10
                                "frame = \"XYZ\"\n"                    // 11
                                "translate = [1, 2]\n"                 // 12
                                "colour = \"red\"\n");                 // 13
    EXPECT_EQ(io::applyMeshManifest(manifest, scene_, sink_), 0);
    auto reported = [&](int line, const std::string& text) {
        for (const auto& d : sink_.all())
            if (d.file == manifest && d.line == line && d.message.find(text) != std::string::npos)
                return true;
        return false;
    };
    const std::string all = messages(sink_);
    EXPECT_TRUE(reported(1, "keeps its built-in mesh")) << all;
    EXPECT_TRUE(reported(4, "no structure 'gluteus_maximus_q'")) << all;
    EXPECT_TRUE(reported(10, "furlongs")) << all;
    EXPECT_TRUE(reported(11, "'frame' is 'XYZ'")) << all;
    EXPECT_TRUE(reported(12, "three numbers")) << all;
    EXPECT_TRUE(reported(13, "unknown key 'colour'")) << all;
    EXPECT_NE(all.find("missing.stl"), std::string::npos) << "the mesh file is named too";
    EXPECT_EQ(scene_.find("femur_r")->mesh.triangleCount(), 1u);
    EXPECT_EQ(scene_.find("sacrum")->mesh.triangleCount(), 1u);
}

TEST_F(MeshManifest, SyntaxErrorsAndDuplicatesAreReported) {
    const auto broken = write("broken.toml", "[[mesh]]\nstructure = \"femur_r\nfile = 3\n");
    EXPECT_EQ(io::applyMeshManifest(broken, scene_, sink_), 0);
    ASSERT_TRUE(sink_.hasErrors());
    EXPECT_EQ(sink_.all().front().line, 2);
    sink_.clear();
    const auto twice = write("twice.toml",
                             "[[mesh]]\nstructure = \"femur_r\"\nfile = \"tet.obj\"\n"
                             "[[mesh]]\nstructure = \"femur_r\"\nfile = \"tet.obj\"\n");
    EXPECT_EQ(io::applyMeshManifest(twice, scene_, sink_), 1);
    EXPECT_TRUE(sink_.hasErrors());
    EXPECT_EQ(io::applyMeshManifest((dir_ / "absent.toml").string(), scene_, sink_), 0);
    // Absurd numbers (found by the fuzzer: they made the transform infinite) are refused.
    sink_.clear();
    const auto far = write("far.toml", "[[mesh]]\nstructure = \"femur_r\"\nfile = \"tet.obj\"\n"
                                       "translate = [1, 7e120, 3]\nrotate = [0, 1e9, 0]\n");
    EXPECT_EQ(io::applyMeshManifest(far, scene_, sink_), 0);
    bool translate = false, rotate = false;
    for (const auto& d : sink_.all()) {
        translate |= d.line == 4 && d.message.find("'translate' must be three numbers") != std::string::npos;
        rotate |= d.line == 5 && d.message.find("from -3600 to 3600") != std::string::npos;
    }
    EXPECT_TRUE(translate && rotate) << messages(sink_);
}

// The real specimens: OpenSim-style bones in metres, each in its own body frame.
TEST_F(MeshManifest, RealMyosimBonesInMetresLandWhereTheAssembledSetPutsThem) {
    const fs::path root = fs::path(MEDIUS_SHARED_DIR) / "reference-meshes/myosim";
    if (!fs::exists(root / "stl-metres/r_pelvis.stl"))
        GTEST_SKIP() << "needs ../shared/reference-meshes/myosim (absent here): " << root;
    Structure hip{"hip_bone_r", "Right hip bone", "Os coxae", Layer::Bone, Side::Right, {}};
    hip.mesh = scene_.find("femur_r")->mesh;
    scene_.add(hip);
    // The pelvis body frame is the pelvic frame; the femur's body frame sits at the hip
    // centre, which the assembled set places at (-56.3, -78.5, 77.2) mm (read off its files).
    const auto manifest =
        write("myosim.toml", "[[mesh]]\nstructure = \"hip_bone_r\"\nfile = \"" +
                                 (root / "stl-metres/r_pelvis.stl").string() +
                                 "\"\nunits = \"m\"\n[[mesh]]\nstructure = \"femur_r\"\nfile = \"" +
                                 (root / "stl-metres/r_femur.stl").string() +
                                 "\"\nunits = \"m\"\ntranslate = [-56.3, -78.5, 77.2]\n");
    ASSERT_EQ(io::applyMeshManifest(manifest, scene_, sink_), 2) << messages(sink_);
    io::ImportOptions mm;
    mm.units = io::Units::Millimetres;
    for (const auto& [id, assembled] : {std::pair{"hip_bone_r", "r_pelvis_in_pelvis_frame.ply"},
                                        std::pair{"femur_r", "r_femur_in_pelvis_frame.ply"}}) {
        auto reference =
            io::importMesh((root / "ply-mm-pelvis-frame" / assembled).string(), mm, sink_);
        ASSERT_TRUE(reference) << messages(sink_);
        const Bounds want = reference->bounds(), got = scene_.find(id)->mesh.bounds();
        EXPECT_LT(glm::length(want.min - got.min), 0.5f) << id;
        EXPECT_LT(glm::length(want.max - got.max), 0.5f) << id;
    }
    EXPECT_EQ(scene_.find("sacrum")->mesh.triangleCount(), 1u);
}

TEST(MeshManifestExample, ShippedExampleParsesCleanly) {
    DiagnosticSink sink;
    const auto entries = io::readMeshManifest(
        std::string(MEDIUS_SOURCE_DIR) + "/docs/examples/myosim-bones.toml", sink);
    EXPECT_EQ(entries.size(), 5u);
    EXPECT_FALSE(sink.hasErrors()) << (sink.all().empty() ? "" : sink.all().front().format());
    for (const auto& e : entries) EXPECT_EQ(e.options.units, io::Units::Metres) << e.structure;
}
