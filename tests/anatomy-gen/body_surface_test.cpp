#include <gtest/gtest.h>

#include <cmath>

#include "anatomy-gen/body_surface.hpp"
#include "anatomy-gen/hip_model.hpp"
#include "core/mesh.hpp"
#include "mesh_checks.hpp"

using namespace medius;
using namespace medius::anatomy;

namespace {
const std::string kContent = std::string(MEDIUS_SOURCE_DIR) + "/content/anatomy";

struct Built {
    BodySurface body;
    Scene scene;
};
const Built& built(Sex sex) {
    static Built female, male;
    static bool done[2] = {false, false};
    Built& b = sex == Sex::Female ? female : male;
    if (!done[sex == Sex::Female ? 0 : 1]) {
        DiagnosticSink sink;
        b.body = buildBodySurface(kContent, sex, sink);
        b.scene = buildHipModel(kContent, sex, sink);
        EXPECT_FALSE(sink.hasErrors()) << sink.all().front().format();
        done[sex == Sex::Female ? 0 : 1] = true;
    }
    return b;
}
}  // namespace

TEST(BodySurface, SkinIsClosedOutwardAndEvenlyTessellated) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const TriangleMesh& skin = built(sex).body.skin;
        ASSERT_FALSE(skin.empty());
        EXPECT_EQ(medius::anatomy::testing::closedManifoldProblem(skin), "");
        EXPECT_GT(signedVolume(skin), 0.0);
        // Even tessellation: no triangle is more than 8 times the mean area.
        const double mean = surfaceArea(skin) / skin.triangleCount();
        double largest = 0.0;
        for (std::size_t t = 0; t < skin.indices.size(); t += 3) {
            const glm::dvec3 a = skin.positions[skin.indices[t]];
            const glm::dvec3 b = skin.positions[skin.indices[t + 1]];
            const glm::dvec3 c = skin.positions[skin.indices[t + 2]];
            largest = std::max(largest, 0.5 * glm::length(glm::cross(b - a, c - a)));
        }
        EXPECT_LT(largest, 8.0 * mean);
        EXPECT_LT(skin.triangleCount(), 200000u);
    }
}

TEST(BodySurface, ReachesTheFeetAndTheWaist) {
    const Bounds b = built(Sex::Female).body.skin.bounds();
    // Standing height of the lower body: waist (about L3) to the sole, about 0.55 of stature.
    EXPECT_GT(b.size().y, 900.0f);
    EXPECT_LT(b.size().y, 1150.0f);
    EXPECT_NEAR(b.centre().z, 0.0f, 1.0f) << "left and right mirror each other";
}

TEST(BodySurface, LandmarksLieOnTheSkinOnBothSides) {
    const auto& body = built(Sex::Female).body;
    for (const char* name : {"greater_trochanter_r", "greater_trochanter_l", "knee_lateral_r",
                             "lateral_malleolus_r", "first_web_space_r", "psis_r", "sacrum_lower",
                             "heel_r", "groin_r", "thigh_lateral_mid_r"}) {
        auto it = body.landmarks.find(name);
        ASSERT_NE(it, body.landmarks.end()) << name;
        EXPECT_LT(std::fabs(body.distance(it->second)), 1.0f) << name << " is on the skin";
    }
    // Lateral landmarks are lateral, posterior ones posterior.
    EXPECT_GT(body.landmarks.at("greater_trochanter_r").z, 150.0f);
    EXPECT_LT(body.landmarks.at("greater_trochanter_l").z, -150.0f);
    EXPECT_LT(body.landmarks.at("popliteal_fossa_r").x, body.landmarks.at("knee_anterior_r").x);
    EXPECT_LT(body.landmarks.at("lateral_malleolus_r").y, body.landmarks.at("knee_lateral_r").y - 300.0f);
}

TEST(BodySurface, CoversTheMusclesAndBones) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& b = built(sex);
        float worst = -1e9f;
        std::string worstId;
        glm::vec3 worstPoint(0.0f);
        for (const auto& s : b.scene.structures()) {
            for (const auto& p : s.mesh.positions) {
                const float d = b.body.distance(p);
                if (d > worst) {
                    worst = d;
                    worstId = s.id;
                    worstPoint = p;
                }
            }
        }
        // Every point of every muscle and bone is at least 2 mm under the skin.
        EXPECT_LT(worst, -2.0f) << worstId << " comes within " << -worst << " mm of the surface"
                                << (worst > 0 ? " (it pokes through)" : "") << " at (" << worstPoint.x
                                << ", " << worstPoint.y << ", " << worstPoint.z << ")";
    }
}
