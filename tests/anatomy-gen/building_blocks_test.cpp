// The generic mesh building blocks: closed, outward, and the right size.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "anatomy-gen/edge_collapse.hpp"
#include "anatomy-gen/implicit_shape.hpp"
#include "anatomy-gen/marching_tetrahedra.hpp"
#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/superquadric.hpp"
#include "anatomy-gen/sweep.hpp"
#include "mesh_checks.hpp"

using namespace medius;
using namespace medius::anatomy;
using medius::anatomy::testing::closedManifoldProblem;

namespace {
constexpr double kPi = 3.14159265358979;
}

TEST(Sweep, StraightEllipticTubeIsClosedOutwardAndHasTheRightVolume) {
    std::vector<SweepStation> st;
    for (int i = 0; i < 4; ++i) st.push_back({{0.0f, -40.0f * i, 0.0f}, {1, 0, 0}, 20.0f, 8.0f});
    SweepOptions o;
    o.capRings = 6;
    const TriangleMesh m = sweepTube(st, o);
    EXPECT_EQ(closedManifoldProblem(m), "");
    EXPECT_EQ(m.validate(), "");
    // Body pi*a*b*L plus two half-caps that together make an ellipsoid-like end of depth min(a,b).
    const double body = kPi * 20 * 8 * 120;
    const double caps = 4.0 / 3.0 * kPi * 20 * 8 * 8;
    EXPECT_NEAR(signedVolume(m), body + caps, 0.06 * (body + caps));
}

// A fan of three parts: three closed, outward strips; each pair of neighbours shares its cut
// (the same vertex positions along it: no gap), and the fibres are unit and in the surface.
TEST(Sweep, FanStripsAreClosedAndShareTheirCuts) {
    std::vector<FanGuide> guides(3);
    const float xs[3] = {-20.0f, -60.0f, -100.0f};
    for (int k = 0; k < 3; ++k) {
        for (int i = 0; i < 4; ++i)
            guides[k].stations.push_back(
                {{xs[k], -40.0f * i, 10.0f * (k == 1)}, {1, 0, 0}, 18.0f, 8.0f - 1.5f * i});
        guides[k].outward = {0, 0, 1};
        guides[k].tendonFrom = 0.8f;
    }
    const auto strips = sweepFan(guides);
    ASSERT_EQ(strips.size(), 3u);
    double volume = 0.0;
    for (const auto& m : strips) {
        EXPECT_EQ(closedManifoldProblem(m), "");
        EXPECT_EQ(m.validate(), "");
        EXPECT_GT(signedVolume(m), 0.0);
        volume += signedVolume(m);
        ASSERT_EQ(m.fibres.size(), m.positions.size());
        for (std::size_t i = 0; i < m.fibres.size(); ++i) {
            EXPECT_NEAR(glm::length(m.fibres[i]), 1.0f, 1e-3f);
            EXPECT_LT(std::abs(glm::dot(m.fibres[i], m.normals[i])), 1e-3f);
        }
    }
    for (int k = 0; k < 2; ++k) {
        std::size_t shared = 0;
        for (const auto& p : strips[k].positions)
            for (const auto& q : strips[k + 1].positions)
                if (glm::length(p - q) < 1e-3f) {
                    ++shared;
                    break;
                }
        // Every ring's cut: its two face corners and the wall between them.
        EXPECT_GE(shared, 31u * 5u) << "strips " << k << " and " << k + 1;
    }
    // One sheet about 2 x 40 mm + 2 x 18 mm broad, 120 mm long and up to 16 mm thick.
    EXPECT_GT(volume, 0.3 * 116.0 * 120.0 * 10.0);
    EXPECT_LT(volume, 116.0 * 120.0 * 16.0);
}

TEST(Sweep, FibresFollowTheSweepAndLieInTheSurface) {
    std::vector<SweepStation> st = {{{0, 0, 0}, {1, 0, 0}, 20, 6},
                                    {{0, -50, 10}, {1, 0, 0}, 15, 9},
                                    {{0, -100, 30}, {1, 0, 0}, 8, 4}};
    const TriangleMesh m = sweepTube(st);
    ASSERT_EQ(m.fibres.size(), m.positions.size());
    for (std::size_t i = 0; i < m.fibres.size(); ++i) {
        EXPECT_NEAR(glm::length(m.fibres[i]), 1.0f, 1e-3f);
        EXPECT_LT(std::abs(glm::dot(m.fibres[i], m.normals[i])), 0.05f);
    }
}

// A straight tube along -Y, 120 mm long, turning tendon at 75 % of its length.
TEST(Sweep, TendonFractionRisesSmoothlyWhereTheSweepTurnsTendon) {
    std::vector<SweepStation> st;
    for (int i = 0; i < 4; ++i) st.push_back({{0.0f, -40.0f * i, 0.0f}, {1, 0, 0}, 20.0f, 8.0f});
    SweepOptions o;
    o.tendonFrom = 0.75f;
    o.tendonBlend = 0.1f;
    const TriangleMesh m = sweepTube(st, o);
    ASSERT_EQ(m.tendonFractions.size(), m.positions.size());
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const float along = -m.positions[i].y / 120.0f;
        if (along < 0.69f) {
            EXPECT_EQ(m.tendonFractions[i], 0.0f) << along;
        }
        if (along > 0.81f) {
            EXPECT_EQ(m.tendonFractions[i], 1.0f) << along;
        }
    }
    EXPECT_TRUE(sweepTube(st).tendonFractions.empty()) << "no tendon part asked for, none carried";
}

// Grooves between bundles on the +Z face only: that face dips, the -Z face stays flat.
TEST(Sweep, BundleGroovesDipTheSuperficialFaceOnly) {
    std::vector<SweepStation> st;
    for (int i = 0; i < 4; ++i) st.push_back({{0.0f, -40.0f * i, 0.0f}, {1, 0, 0}, 40.0f, 8.0f});
    SweepOptions o;
    o.ringVertices = 160;
    o.squareness = 3.0f;
    o.bundles = 8;
    o.superficialDirection = {0, 0, 1};
    o.grooveDepth = 1e-6f;  // the same vertices, no grooves to speak of
    SweepOptions grooved = o;
    grooved.grooveDepth = 1.5f;
    const TriangleMesh flat = sweepTube(st, o), bundled = sweepTube(st, grooved);
    EXPECT_EQ(closedManifoldProblem(bundled), "");
    ASSERT_EQ(flat.positions.size(), bundled.positions.size());
    float deepestTop = 0.0f, movedBottom = 0.0f;
    for (std::size_t i = 0; i < flat.positions.size(); ++i) {
        const glm::vec3 d = bundled.positions[i] - flat.positions[i];
        if (flat.positions[i].z > 0.0f)
            deepestTop = std::max(deepestTop, -d.z);
        else
            movedBottom = std::max(movedBottom, glm::length(d));
        EXPECT_LT(std::abs(d.x) + std::abs(d.y), 1e-4f) << "grooves only deepen the face";
    }
    EXPECT_GT(deepestTop, 1.2f);
    EXPECT_LT(movedBottom, 1e-4f);
    EXPECT_LT(signedVolume(bundled), signedVolume(flat));
    EXPECT_GT(signedVolume(bundled), 0.95 * signedVolume(flat));
}

TEST(Superquadric, EllipsoidVolume) {
    SuperquadricShape s;
    s.radii = {10, 20, 5};
    s.rings = 48;
    s.segments = 96;
    const TriangleMesh m = superquadric(s);
    EXPECT_EQ(closedManifoldProblem(m), "");
    EXPECT_NEAR(signedVolume(m), 4.0 / 3.0 * kPi * 10 * 20 * 5, 0.02 * 4.0 / 3.0 * kPi * 1000);
}

TEST(Superquadric, WrappedAroundAnAxisStaysClosedAndOutward) {
    SuperquadricShape s;
    s.radii = {20, 15, 1};
    TriangleMesh m = superquadric(s);
    wrapAroundAxis(m, {0, 0, 0}, {0, 1, 0}, {0, 0, 1}, 30.0f);
    EXPECT_EQ(closedManifoldProblem(m), "");
    EXPECT_GT(signedVolume(m), 0.0);
    for (const auto& p : m.positions) EXPECT_NEAR(std::hypot(p.x, p.z), 30.0f, 1.01f);
}

TEST(MarchingTetrahedra, SphereIsClosedOutwardAndRound) {
    ImplicitShape s;
    s.add(Primitive::sphere({1, 2, 3}, 20.0f));
    const TriangleMesh m =
        polygonise([&](const glm::vec3& p) { return s.distance(p); }, s.bounds(), 1.5f);
    EXPECT_EQ(closedManifoldProblem(m), "");
    EXPECT_NEAR(signedVolume(m), 4.0 / 3.0 * kPi * 8000, 0.03 * 4.0 / 3.0 * kPi * 8000);
    for (const auto& p : m.positions) EXPECT_NEAR(glm::length(p - glm::vec3(1, 2, 3)), 20.0f, 0.3f);
}

TEST(MarchingTetrahedra, CarvedAndThinShapesStayClosed) {
    // A thin plate with a hole through it: the hard case for grid extraction.
    ImplicitShape s;
    s.add(Primitive::triangleSlab({0, 0, 0}, {60, 0, 0}, {0, 60, 0}, 2.0f));
    s.add(Primitive::capsule({0, 0, 0}, {0, 60, 0}, 5.0f), 3.0f);
    s.carve(Primitive::capsule({15, 15, -20}, {15, 15, 20}, 6.0f), 1.0f);
    const TriangleMesh m =
        polygonise([&](const glm::vec3& p) { return s.distance(p); }, s.bounds(), 1.3f);
    EXPECT_EQ(closedManifoldProblem(m), "");
    EXPECT_GT(signedVolume(m), 0.0);
}

TEST(MeshOps, MirrorToLeftKeepsOrientationAndVolume) {
    SuperquadricShape s;
    s.radii = {5, 7, 9};
    TriangleMesh m = superquadric(s);
    for (auto& p : m.positions) p.z += 50.0f;
    const TriangleMesh left = mirrorToLeft(m);
    EXPECT_EQ(closedManifoldProblem(left), "");
    EXPECT_NEAR(signedVolume(left), signedVolume(m), 1e-3 * signedVolume(m));
    EXPECT_LT(left.bounds().max.z, 0.0f);
}

TEST(EdgeCollapse, RemovesSliversAndKeepsTheSurfaceClosedAndItsVolume) {
    ImplicitShape s;
    s.add(Primitive::roundCone({0, 0, 0}, {0, 60, 0}, 15.0f, 8.0f));
    s.add(Primitive::sphere({0, 70, 0}, 12.0f), 4.0f);
    TriangleMesh m =
        polygonise([&](const glm::vec3& p) { return s.distance(p); }, s.bounds(), 1.7f);
    const double before = signedVolume(m);
    const std::size_t triangles = m.triangleCount();
    EXPECT_GT(collapseShortEdges(m, 0.4f * 1.7f), 0u);
    EXPECT_LT(m.triangleCount(), triangles * 3 / 4);
    EXPECT_EQ(closedManifoldProblem(m), "");
    EXPECT_EQ(m.validate(), "");
    EXPECT_NEAR(signedVolume(m), before, 0.01 * before);
}
