#include "anatomy-gen/body_surface.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <iostream>

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
    EXPECT_LT(body.landmarks.at("lateral_malleolus_r").y,
              body.landmarks.at("knee_lateral_r").y - 300.0f);
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
                                << (worst > 0 ? " (it pokes through)" : "") << " at ("
                                << worstPoint.x << ", " << worstPoint.y << ", " << worstPoint.z
                                << ")";
    }
}

// ---- The shape of the body (issue 13 item 4), measured on the generated skin ----
namespace {

using Distance = std::function<float(const glm::vec3&)>;

// Where a ray from `from` (outside the body) along `dir` first enters the skin; returns the
// distance travelled, or a negative value when it never does within `reach` mm.
float entry(const Distance& d, glm::vec3 from, glm::vec3 dir, float reach = 700.0f) {
    dir = glm::normalize(dir);
    float t0 = 0.0f;
    for (float t = 1.0f; t <= reach; t += 1.0f) {
        if (d(from + dir * t) < 0.0f) {
            float lo = t0, hi = t;
            for (int i = 0; i < 20; ++i) {
                const float mid = 0.5f * (lo + hi);
                (d(from + dir * mid) < 0.0f ? hi : lo) = mid;
            }
            return 0.5f * (lo + hi);
        }
        t0 = t;
    }
    return -1.0f;
}

// The back of the body (most posterior skin, x) at height y and side z, seen from behind.
float backAt(const Distance& d, float y, float z) {
    const float t = entry(d, {-500.0f, y, z}, {1.0f, 0.0f, 0.0f});
    return t < 0.0f ? 1e9f : -500.0f + t;
}
// The lateral skin (z) at (x, y), seen from the right.
float sideAt(const Distance& d, float x, float y) {
    const float t = entry(d, {x, y, 500.0f}, {0.0f, 0.0f, -1.0f});
    return t < 0.0f ? -1e9f : 500.0f - t;
}

std::size_t connectedComponents(const TriangleMesh& m) {
    std::vector<std::uint32_t> parent(m.positions.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
    const std::function<std::uint32_t(std::uint32_t)> root = [&](std::uint32_t v) {
        while (parent[v] != v) v = parent[v] = parent[parent[v]];
        return v;
    };
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        for (int k = 1; k < 3; ++k) parent[root(m.indices[t + k])] = root(m.indices[t]);
    std::size_t count = 0;
    std::vector<bool> used(parent.size(), false);
    for (auto i : m.indices) used[i] = true;
    for (std::uint32_t i = 0; i < parent.size(); ++i)
        if (used[i] && root(i) == i) ++count;
    return count;
}

const char* sexName(Sex sex) {
    return sex == Sex::Female ? "female" : "male";
}

}  // namespace

TEST(BodySurface, IsOneConnectedClosedSurface) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const TriangleMesh& skin = built(sex).body.skin;
        EXPECT_EQ(connectedComponents(skin), 1u) << sexName(sex);
        EXPECT_EQ(medius::anatomy::testing::closedManifoldProblem(skin), "") << sexName(sex);
    }
}

// The intergluteal cleft: in the midline behind the sacrum and coccyx the skin lies deeper
// (more anterior) than the crowns of the two buttocks at the same height.
TEST(BodySurface, NatalCleftLiesDeeperThanTheButtockCrowns) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& body = built(sex).body;
        const glm::vec3 crown = body.landmarks.at("buttock_centre_r");
        float deepest = 0.0f, steepest = 0.0f;
        for (float y = crown.y - 40.0f; y <= crown.y + 40.0f; y += 10.0f) {
            float crownBack = 1e9f;
            for (float z = 20.0f; z <= 140.0f; z += 4.0f)
                crownBack = std::min(crownBack, backAt(body.distance, y, z));
            const float midline = backAt(body.distance, y, 0.0f);
            deepest = std::max(deepest, midline - crownBack);
            // A cleft, not a broad hollow: its sides fall steeply (compared 15 mm off the midline).
            const float sides =
                std::min(backAt(body.distance, y, 15.0f), backAt(body.distance, y, -15.0f));
            steepest = std::max(steepest, midline - sides);
        }
        std::cout << sexName(sex) << ": natal cleft " << deepest
                  << " mm deeper than the buttock crowns, " << steepest
                  << " mm deeper than the skin 15 mm to either side\n";
        EXPECT_GT(deepest, 15.0f) << sexName(sex);
        EXPECT_GT(steepest, 25.0f) << sexName(sex);
    }
}

// The gluteal fold: going down the back of the body below the buttock, the skin turns in
// (a crease: the profile is concave, and more anterior than both just above and just below).
TEST(BodySurface, GlutealFoldIsACreaseBelowEachButtock) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& body = built(sex).body;
        const glm::vec3 crown = body.landmarks.at("buttock_centre_r");
        for (float side : {1.0f, -1.0f}) {
            const float z = side * 0.6f * crown.z;
            float crease = -1e9f, creaseY = 0.0f;
            if (std::getenv("PROFILE"))
                for (float y = crown.y; y >= crown.y - 200.0f; y -= 6.0f)
                    std::cout << "PROFILE " << y << " " << backAt(body.distance, y, z) << "\n";
            for (float y = crown.y - 20.0f; y >= crown.y - 180.0f; y -= 2.0f) {
                const float here = backAt(body.distance, y, z);
                const float rim = std::max(backAt(body.distance, y + 14.0f, z),
                                           backAt(body.distance, y - 14.0f, z));
                if (here - rim > crease) {
                    crease = here - rim;  // > 0: deeper than the skin above and below
                    creaseY = y;
                }
            }
            std::cout << sexName(sex) << (side > 0 ? " right" : " left") << ": gluteal fold "
                      << crease << " mm deep (against 14 mm above and below), " << crown.y - creaseY
                      << " mm below the buttock crown\n";
            EXPECT_GT(crease, 2.0f) << sexName(sex);
            EXPECT_GT(crown.y - creaseY, 40.0f) << "the fold is under the buttock, not on it";
        }
    }
}

// The greater trochanter shows as a bulge: at its level the lateral skin stands out from the
// skin 50 mm above and 50 mm below.
TEST(BodySurface, TrochantericBulgeStandsOut) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& body = built(sex).body;
        const glm::vec3 gt = body.landmarks.at("greater_trochanter_r");
        float crownZ = -1e9f, crownY = gt.y;
        for (float y = gt.y - 25.0f; y <= gt.y + 25.0f; y += 1.0f) {
            const float z = sideAt(body.distance, gt.x, y);
            if (z > crownZ) {
                crownZ = z;
                crownY = y;
            }
        }
        const float above = crownZ - sideAt(body.distance, gt.x, crownY + 50.0f);
        const float below = crownZ - sideAt(body.distance, gt.x, crownY - 50.0f);
        std::cout << sexName(sex) << ": trochanteric bulge " << above
                  << " mm out from 50 mm above, " << below
                  << " mm from 50 mm below; hip breadth there " << 2.0f * crownZ << " mm\n";
        EXPECT_GT(above, 3.0f) << sexName(sex);
        EXPECT_GT(below, 3.0f) << sexName(sex);
    }
}

// The foot is a foot: longer than high, the heel behind the ankle, a raised medial arch, the
// ball wider than the heel and the instep higher than the toes.
TEST(BodySurface, FootIsShaped) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& body = built(sex).body;
        const glm::vec3 lat = body.landmarks.at("lateral_malleolus_r");
        const glm::vec3 med = body.landmarks.at("medial_malleolus_r");
        const glm::vec3 ankle = 0.5f * (lat + med);
        const Bounds all = body.skin.bounds();
        const float sole = all.min.y;
        Bounds foot;
        for (const auto& p : body.skin.positions)
            if (p.z > 0.0f && p.y < sole + 25.0f) foot.extend(p);
        const float length = foot.size().x;
        const float ankleHeight = ankle.y - sole;
        const float heelBehind = ankle.x - foot.min.x;
        // Cross-sections along the foot (stations as fractions of its length from the heel).
        const auto xAt = [&](float s) { return foot.min.x + s * length; };
        const auto topAt = [&](float s, float z) {
            const float from = ankle.y + 40.0f;  // above the foot, below the leg's widening
            return from - entry(body.distance, {xAt(s), from, z}, {0, -1, 0}, 300.0f);
        };
        const auto bottomAt = [&](float s, float z) {
            return sole - 50.0f +
                   entry(body.distance, {xAt(s), sole - 50.0f, z}, {0, 1, 0}, 200.0f);
        };
        const auto widthAt = [&](float s, float y, float& zMedial) {
            const float zl = 500.0f - entry(body.distance, {xAt(s), y, 500.0f}, {0, 0, -1});
            // The right foot's medial edge, seen from the midline.
            zMedial = entry(body.distance, {xAt(s), y, 0.0f}, {0, 0, 1}, 300.0f);
            return zl - zMedial;
        };
        float zMedHeel = 0.0f, zMedBall = 0.0f, zMedMid = 0.0f;
        const float heelWidth = widthAt(0.12f, sole + 12.0f, zMedHeel);
        const float ballWidth = widthAt(0.72f, sole + 12.0f, zMedBall);
        const float midWidth = widthAt(0.45f, sole + 25.0f, zMedMid);
        const float footZ = zMedMid + 0.5f * midWidth;
        const float instep = topAt(0.45f, footZ) - sole;
        const float toes = topAt(0.9f, zMedBall + 0.4f * ballWidth) - sole;
        const float arch = bottomAt(0.45f, zMedMid + 8.0f) - sole;
        const float lateralBorder = bottomAt(0.45f, zMedMid + midWidth - 10.0f) - sole;
        std::cout << sexName(sex) << ": foot " << length << " mm long, ankle " << ankleHeight
                  << " mm high, heel " << heelBehind << " mm behind the ankle; heel " << heelWidth
                  << " / ball " << ballWidth << " mm wide; instep " << instep << " / toes " << toes
                  << " mm high; medial arch " << arch << " mm off the ground, lateral border "
                  << lateralBorder << "\n";
        EXPECT_GT(length, 2.5f * ankleHeight) << sexName(sex);
        EXPECT_GT(heelBehind, 0.15f * length) << sexName(sex);
        EXPECT_GT(ballWidth, 1.2f * heelWidth) << sexName(sex);
        EXPECT_GT(instep, 1.8f * toes) << sexName(sex);
        EXPECT_GT(arch, 5.0f) << sexName(sex);
        EXPECT_GT(arch, lateralBorder + 5.0f)
            << sexName(sex) << ": the arch is medial, the lateral border is low";
    }
}

// The knee shows the patella: it stands out in front of the skin 50 mm above and below it.
TEST(BodySurface, PatellaShowsAtTheKnee) {
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& body = built(sex).body;
        const glm::vec3 knee = body.landmarks.at("knee_anterior_r");
        const auto frontAt = [&](float y) {
            return 500.0f - entry(body.distance, {500.0f, y, knee.z}, {-1.0f, 0.0f, 0.0f});
        };
        float crownX = -1e9f, crownY = knee.y;
        for (float y = knee.y - 20.0f; y <= knee.y + 50.0f; y += 1.0f) {
            if (frontAt(y) > crownX) {
                crownX = frontAt(y);
                crownY = y;
            }
        }
        const float above = crownX - frontAt(crownY + 50.0f);
        const float below = crownX - frontAt(crownY - 50.0f);
        std::cout << sexName(sex) << ": patella " << above << " mm out from 50 mm above, " << below
                  << " mm from 50 mm below\n";
        EXPECT_GT(above, 2.0f) << sexName(sex);
        EXPECT_GT(below, 4.0f) << sexName(sex);
    }
}

// Textbook proportions: a woman's hips are wider relative to her waist than a man's.
TEST(BodySurface, WomenHaveWiderHipsRelativeToTheWaist) {
    float ratio[2] = {0.0f, 0.0f};
    for (Sex sex : {Sex::Female, Sex::Male}) {
        const auto& body = built(sex).body;
        const glm::vec3 gt = body.landmarks.at("greater_trochanter_r");
        const glm::vec3 waist = body.landmarks.at("lumbar_l4");
        float hips = 0.0f, waistWidth = 0.0f;
        for (float y = gt.y - 30.0f; y <= gt.y + 30.0f; y += 2.0f)
            hips = std::max(hips, 2.0f * sideAt(body.distance, gt.x, y));
        for (float x = waist.x; x <= waist.x + 200.0f; x += 5.0f)
            waistWidth = std::max(waistWidth, 2.0f * sideAt(body.distance, x, waist.y));
        ratio[sex == Sex::Female ? 0 : 1] = hips / waistWidth;
        std::cout << sexName(sex) << ": hips " << hips << " mm, waist " << waistWidth
                  << " mm, ratio " << hips / waistWidth << "\n";
    }
    EXPECT_GT(ratio[0], ratio[1] + 0.03f);
}
