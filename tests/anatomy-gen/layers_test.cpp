// Soft tissue in its layers, measured on the generated meshes: muscles, tendon insertions and
// bursae do not sink into bone (issue 3: at most 1 mm), and each bursa lies between the layers
// it separates.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>

#include "anatomy-gen/hip_model.hpp"
#include "anatomy-gen/implicit_shape.hpp"
#include "anatomy-gen/bone_surface.hpp"
#include "generated_model.hpp"
#include "mesh_checks.hpp"

using namespace medius;
using namespace medius::anatomy;
using namespace medius::anatomy::testing;

namespace {

constexpr float kMaxPenetration = 1.0f;  // mm, issue 3

TriangleMesh sphereMesh(const glm::vec3& centre, float radius) {
    ImplicitShape s;
    s.add(Primitive::sphere(centre, radius));
    return boneSurface(s, 1.0f, 0);
}

}  // namespace

// The measuring tool itself: a known penetration is found, with its depth.
TEST(SoftTissueLayers, PenetrationMeasureFindsAKnownDepth) {
    Scene scene;
    scene.add(Structure{"bone", "Bone", "", Layer::Bone, Side::None, sphereMesh({0, 0, 0}, 20.0f)});
    // A "muscle" sphere whose surface reaches 3 mm into the bone.
    scene.add(Structure{"muscle", "Muscle", "", Layer::Muscle, Side::None,
                        sphereMesh({0, 0, 27.0f}, 10.0f)});
    // A bursa well clear of it.
    scene.add(Structure{"bursa", "Bursa", "", Layer::Bursa, Side::None,
                        sphereMesh({0, 60.0f, 0}, 5.0f)});
    std::vector<Penetration> all;
    const Penetration worst = deepestPenetration(scene, &all);
    EXPECT_EQ(worst.tissue, "muscle");
    EXPECT_EQ(worst.bone, "bone");
    EXPECT_NEAR(worst.depth, 3.0f, 0.6f);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].depth, 0.0f);
    // Inside test and distance on their own.
    SolidProbe probe(scene.find("bone")->mesh);
    EXPECT_TRUE(probe.inside({0, 0, 0}));
    EXPECT_TRUE(probe.inside({0, 0, 19.0f}));
    EXPECT_FALSE(probe.inside({0, 0, 21.0f}));
    EXPECT_FALSE(probe.inside({30.0f, 0, 0}));
    EXPECT_NEAR(probe.depth({0, 5.0f, 0}), 15.0f, 0.3f);
}

// Every muscle, tendon and bursa, both sexes, within 1 mm of the bone surfaces (issue 3).
void checkPenetrations(Sex sex) {
    std::vector<Penetration> all;
    deepestPenetration(generatedModel(sex), &all);
    std::ostringstream table;
    Penetration worst;
    for (const auto& p : all) {
        if (p.depth > 0.0f)
            table << "  " << p.tissue << " in " << p.bone << ": " << p.depth << " mm at ("
                  << p.at.x << ", " << p.at.y << ", " << p.at.z << ")\n";
        EXPECT_LE(p.depth, kMaxPenetration) << p.tissue << " sinks " << p.depth << " mm into " << p.bone
                                  << " at (" << p.at.x << ", " << p.at.y << ", " << p.at.z << ")";
        if (p.depth > worst.depth) worst = p;
    }
    std::cout << (sex == Sex::Female ? "female" : "male")
              << " penetrations (deepest vertex per structure):\n"
              << table.str();
    ::testing::Test::RecordProperty("deepest_penetration_mm",
                                    std::to_string(worst.depth));
    ::testing::Test::RecordProperty("deepest_penetration", worst.tissue + " in " + worst.bone);
    EXPECT_GE(all.size(), 28u);  // every muscle, tendon and bursa, both sides, was measured
}

TEST(SoftTissueLayers, SoftTissueStaysOutOfBoneFemale) { checkPenetrations(Sex::Female); }

// The male muscles' stations follow the male femur near the trochanter (FemurFollow), not
// only the male point scale.
TEST(SoftTissueLayers, SoftTissueStaysOutOfBoneMale) { checkPenetrations(Sex::Male); }

namespace {

struct LayerProbe {
    glm::vec3 centre{0.0f};   // a point of the bursa near its middle
    glm::vec3 outward{0.0f};  // away from the bone
    float boneDepth = 0.0f;   // distance inward to the femur
};

// The bursa vertex nearest its centroid, and the direction away from the nearest femur point.
LayerProbe probeBursa(const Scene& scene, const std::string& bursa, const std::string& side) {
    const TriangleMesh& b = scene.find(bursa + side)->mesh;
    glm::vec3 centroid(0.0f);
    for (const auto& p : b.positions) centroid += p;
    centroid /= static_cast<float>(b.positions.size());
    LayerProbe probe;
    float best = std::numeric_limits<float>::infinity();
    for (const auto& p : b.positions)
        if (glm::length(p - centroid) < best) {
            best = glm::length(p - centroid);
            probe.centre = p;
        }
    const TriangleMesh& femur = scene.find("femur" + side)->mesh;
    const glm::vec3 onBone = nearestPointOn(femur, probe.centre);
    probe.outward = glm::normalize(probe.centre - onBone);
    probe.boneDepth = rayHit(femur, probe.centre, -probe.outward);
    return probe;
}

// The nearest hit along the ray among the structures (ids without side suffix).
float firstHit(const Scene& scene, const std::string& side, const glm::vec3& from,
               const glm::vec3& dir, std::initializer_list<const char*> ids) {
    float best = std::numeric_limits<float>::infinity();
    for (const char* id : ids)
        if (const Structure* s = scene.find(std::string(id) + side))
            best = std::min(best, rayHit(s->mesh, from, dir));
    return best;
}

struct BursaLayers {
    const char* bursa;
    std::initializer_list<const char*> superficial;  // what must cover it
    float maxBoneGap;                                // mm from the bursa to the femur
    float maxCoverGap;                               // mm from the bursa to its cover
};

}  // namespace

void checkBursae(Sex sex) {
    const BursaLayers bursae[] = {
        // Over the posterior and lateral trochanter, under the gluteus maximus and the ITB.
        {"subgluteus_maximus_bursa", {"gluteus_maximus", "iliotibial_band"}, 12.0f, 25.0f},
        // Under the gluteus medius tendon, over the upper lateral facet.
        {"subgluteus_medius_bursa",
         {"gluteus_medius_insertion_lateral", "gluteus_medius_anterior", "gluteus_medius_middle"},
         6.0f, 10.0f},
        // Under the gluteus minimus tendon, anterior.
        {"subgluteus_minimus_bursa", {"gluteus_minimus_insertion", "gluteus_minimus"}, 6.0f,
         10.0f},
    };
    for (const char* side : {"_r", "_l"}) {
            const Scene& scene = generatedModel(sex);
            for (const auto& layers : bursae) {
                const std::string name = std::string(layers.bursa) + side +
                                         (sex == Sex::Female ? " (female)" : " (male)");
                const LayerProbe p = probeBursa(scene, layers.bursa, side);
                // Deep side: the femur comes first, with nothing of the covering layer between.
                const float cover = firstHit(scene, side, p.centre, p.outward, layers.superficial);
                const float coverInward =
                    firstHit(scene, side, p.centre, -p.outward, layers.superficial);
                std::cout << name << ": femur " << p.boneDepth << " mm deep, cover "
                          << cover << " mm superficial (outward "
                          << p.outward.x << ", " << p.outward.y << ", " << p.outward.z << ")\n";
                for (const char* id : layers.superficial)
                    if (const Structure* s = scene.find(std::string(id) + side)) {
                        EXPECT_FALSE(SolidProbe(s->mesh).inside(p.centre))
                            << name << " lies inside " << id << side;
                    }
                EXPECT_LE(p.boneDepth, layers.maxBoneGap) << name << ": bone not just deep to it";
                EXPECT_LE(cover, layers.maxCoverGap) << name << ": not covered by its layer";
                EXPECT_GT(coverInward, p.boneDepth)
                    << name << ": its covering layer lies deep to it, not superficial";
                if (sex == Sex::Female && std::string(side) == "_r")
                    ::testing::Test::RecordProperty(std::string(layers.bursa) + "_bone_cover_mm",
                                   std::to_string(p.boneDepth) + " / " + std::to_string(cover));
            }
            // The subgluteus maximus bursa faces lateral/posterior, the minimus bursa anterior.
            const float lateral = side[1] == 'r' ? 1.0f : -1.0f;
            const LayerProbe max = probeBursa(scene, "subgluteus_maximus_bursa", side);
            EXPECT_GT(max.outward.z * lateral - max.outward.x, 0.5f)
                << "subgluteus maximus bursa" << side << " does not face posterolaterally";
            const LayerProbe med = probeBursa(scene, "subgluteus_medius_bursa", side);
            const LayerProbe min = probeBursa(scene, "subgluteus_minimus_bursa", side);
            EXPECT_GT(min.centre.x, med.centre.x) << "minimus bursa not anterior to medius bursa";
            EXPECT_GT(med.centre.x, max.centre.x) << "medius bursa not anterior to maximus bursa";
        }
}

TEST(SoftTissueLayers, BursaeLieBetweenTheLayersTheySeparateFemale) { checkBursae(Sex::Female); }

TEST(SoftTissueLayers, BursaeLieBetweenTheLayersTheySeparateMale) { checkBursae(Sex::Male); }
