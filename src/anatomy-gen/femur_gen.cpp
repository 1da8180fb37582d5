// The right femur: head with fovea, neck, greater trochanter as a faceted block with low ridges
// between its facets, trochanteric fossa, lesser trochanter, intertrochanteric line and crest with
// the quadrate tubercle, an anteriorly bowed shaft with the linea aspera, and condyles (the medial
// one larger and reaching lower) with the intercondylar notch and the patellar groove.
#include <cmath>

#include "anatomy-gen/bone_generators.hpp"
#include "anatomy-gen/signed_distance.hpp"

namespace medius::anatomy {

namespace {

// Fraction of the shaft (0 = just above the neck base, 1 = above the condyles) at which the
// shaft's radius and its bowed midline are sampled: dense enough that the bow reads as a curve.
constexpr float kShaftStations[] = {0.0f, 0.15f, 0.3f, 0.42f, 0.5f, 0.58f, 0.7f, 0.8f, 0.9f, 1.0f};

glm::vec3 shaftTop(const FemurGeometry& g) {
    return g.neckBase + g.up * 6.0f;
}
glm::vec3 shaftEnd(const FemurGeometry& g) {
    return g.neckBase - g.up * g.shaftLength;
}

// The shaft narrows to mid-length, stays slender, and flares only in its distal fifth.
float shaftRadius(const FemurGeometry& g, float t) {
    if (t <= 0.5f) return glm::mix(g.shaftRadiusTop, g.shaftRadiusMid, t / 0.5f);
    if (t <= 0.8f) return glm::mix(g.shaftRadiusMid, 1.1f * g.shaftRadiusMid, (t - 0.5f) / 0.3f);
    return glm::mix(1.1f * g.shaftRadiusMid, g.shaftRadiusDistal, (t - 0.8f) / 0.2f);
}

// The shaft's midline bows forward: a parabola through both ends, `shaftAnteriorBow` mm in
// front of the straight axis at mid-length (the femur's anterior bow).
glm::vec3 shaftMidline(const FemurGeometry& g, float t) {
    return glm::mix(shaftTop(g), shaftEnd(g), t) +
           g.anterior * (4.0f * t * (1.0f - t) * g.shaftAnteriorBow);
}

void addShaft(ImplicitShape& s, const FemurGeometry& g) {
    // Plain unions inside the shaft: its pieces meet with matching radii, and a blend at every
    // joint would swell it into beads. The whole is blended into the neck region once.
    ImplicitShape shaft;
    for (std::size_t i = 0; i + 1 < std::size(kShaftStations); ++i) {
        const float a = kShaftStations[i], b = kShaftStations[i + 1];
        shaft.add(Primitive::roundCone(shaftMidline(g, a), shaftMidline(g, b), shaftRadius(g, a),
                                       shaftRadius(g, b)));
    }
    s.add(Primitive::solid(std::move(shaft)), 8.0f);
}

// A point on the shaft's surface at fraction t, `angle` degrees round from the posterior midline
// (positive towards lateral), raised `height` mm above it.
glm::vec3 onShaft(const FemurGeometry& g, float t, float angleDeg, float height) {
    const float a = angleDeg * 3.14159265f / 180.0f;
    const glm::vec3 out = -g.anterior * std::cos(a) + g.lateral * std::sin(a);
    return shaftMidline(g, t) + out * (shaftRadius(g, t) + height);
}

struct LipStation {
    float t, angleDeg;
};

// One lip of the linea aspera as a chain of thin capsules just under the shaft's surface.
void addLip(ImplicitShape& s, const FemurGeometry& g, const LipStation* st, std::size_t n,
            float side) {
    const float r = g.lineaAsperaRadius, lift = g.lineaAsperaHeight - r;
    for (std::size_t i = 0; i + 1 < n; ++i)
        s.add(Primitive::capsule(onShaft(g, st[i].t, side * st[i].angleDeg, lift),
                                 onShaft(g, st[i + 1].t, side * st[i + 1].angleDeg, lift), r),
              2.0f);
}

// Linea aspera: the two lips run together down the middle third of the back of the shaft; above,
// the lateral lip turns out to the gluteal tuberosity and the medial lip to the pectineal line
// below the lesser trochanter; below, they part into the medial and lateral supracondylar lines
// that frame the popliteal surface.
void addLineaAspera(ImplicitShape& s, const FemurGeometry& g) {
    constexpr LipStation lateralLip[] = {{0.11f, 75.0f}, {0.2f, 45.0f}, {0.33f, 8.0f}, {0.5f, 6.0f},
                                         {0.67f, 8.0f},  {0.8f, 30.0f}, {0.92f, 55.0f}};
    constexpr LipStation medialLip[] = {{0.13f, 55.0f}, {0.22f, 30.0f}, {0.33f, 8.0f}, {0.5f, 6.0f},
                                        {0.67f, 8.0f},  {0.8f, 30.0f},  {0.92f, 55.0f}};
    addLip(s, g, lateralLip, std::size(lateralLip), 1.0f);
    addLip(s, g, medialLip, std::size(medialLip), -1.0f);
    // Gluteal tuberosity: the broad rough end of the lateral lip, where gluteus maximus inserts.
    s.add(Primitive::capsule(onShaft(g, 0.1f, 80.0f, 0.0f), onShaft(g, 0.17f, 60.0f, 0.0f),
                             g.lineaAsperaRadius + 1.0f),
          3.0f);
}

// Trochlea: the front of the knee end bridges the condyles (the notch opens only behind and
// below), with the patellar surface's groove down it.
void addTrochlea(ImplicitShape& s, const FemurGeometry& g, const glm::vec3& knee,
                 const glm::mat3& kneeAxes) {
    const glm::vec3 down = -g.up;
    const glm::vec3 r = g.condyleRadii;
    // A rounded block, so its front is broad enough for the groove to have two lips.
    s.add(Primitive::roundBox(knee + g.anterior * (0.35f * r.x) + g.up * (0.1f * r.y), kneeAxes,
                              {0.65f * r.x, 0.8f * r.y, g.condyleHalfSpacing + 0.5f * r.z},
                              0.3f * r.x),
          6.0f);
    // Patellar surface: a shallow groove down the front between the condyles, its lateral lip
    // the higher (the groove lies a little lateral of the midline).
    const float depth = 4.0f;
    const glm::vec3 groove =
        knee + g.lateral * 2.0f + g.anterior * (g.condyleRadii.x + g.patellarGrooveRadius - depth);
    s.carve(Primitive::capsule(groove + g.up * (0.9f * g.condyleRadii.y),
                               groove + down * (0.4f * g.condyleRadii.y), g.patellarGrooveRadius),
            3.0f);
}

// Condyles, a little posterior to the shaft: the medial one larger and reaching lower, with the
// intercondylar notch behind and below between them and the patellar groove in front.
void addCondyles(ImplicitShape& s, const FemurGeometry& g) {
    const glm::vec3 down = -g.up;
    const glm::vec3 knee = shaftEnd(g) + down * (0.8f * g.condyleRadii.y) - g.anterior * 6.0f;
    const glm::mat3 kneeAxes(g.anterior, g.up, g.lateral);
    s.add(Primitive::ellipsoid(knee + g.lateral * g.condyleHalfSpacing, kneeAxes, g.condyleRadii),
          10.0f);
    s.add(Primitive::ellipsoid(knee - g.lateral * g.condyleHalfSpacing + down * g.medialCondyleDrop,
                               kneeAxes, g.condyleRadii * g.medialCondyleScale),
          10.0f);
    addTrochlea(s, g, knee, kneeAxes);
    s.carve(Primitive::ellipsoid(knee - g.anterior * (0.7f * g.condyleRadii.x) + down * 6.0f,
                                 kneeAxes, {0.6f * g.condyleRadii.x, g.condyleRadii.y, 7.0f}),
            3.0f);
}

// A low ridge along the edge where two flat facets of the trochanter block meet: a thin capsule
// centred on the edge's bisector so it stands `height` mm proud of both faces.
void addFacetRidge(ImplicitShape& s, const FemurGeometry& g, const glm::vec3& a, const glm::vec3& b,
                   const glm::vec3& bisector) {
    const float r = g.facetRidgeRadius;
    const float inset = (r - g.facetRidgeHeight) * std::sqrt(2.0f);
    s.add(Primitive::capsule(a - bisector * inset, b - bisector * inset, r), 1.0f);
}

void addGreaterTrochanter(ImplicitShape& s, const FemurGeometry& g) {
    // A block whose flat faces are the lateral, anterior and posterior facets, with a bevel for
    // the superoposterior facet. Built as its own solid, then blended in.
    const glm::mat3 axes(g.lateral, g.up, g.anterior);
    ImplicitShape gt;
    gt.add(Primitive::roundBox(g.trochanterCentre, axes, g.trochanterHalfSize, 5.0f));
    gt.clip(Primitive::halfSpace(g.superoposteriorFacetCentre(), g.superoposteriorNormal()), 1.5f);
    s.add(Primitive::solid(std::move(gt)), 9.0f);
    // The ridge between the lateral and superoposterior facets (where gluteus medius's two
    // footprints meet), from near the posterior border up to near the top.
    const glm::vec3 a = g.lateralSuperoposteriorEdge(-g.trochanterHalfSize.z + 4.0f);
    const glm::vec3 b = g.lateralSuperoposteriorEdge(g.lateralSuperoposteriorEdgeTop());
    addFacetRidge(s, g, a, b, glm::normalize(g.lateral + g.superoposteriorNormal()));
}

// Intertrochanteric crest (posterior, with the quadrate tubercle) and line (anterior) join the
// trochanters.
void addTrochantericRegion(ImplicitShape& s, const FemurGeometry& g) {
    const glm::vec3 down = -g.up;
    const glm::vec3 ltBase = g.neckBase + down * g.lesserTrochanterLevel;
    const glm::vec3 posteromedial = glm::normalize(-g.anterior * 0.8f - g.lateral * 0.6f);
    const glm::vec3 ltTip =
        ltBase + posteromedial * (g.shaftRadiusTop + g.lesserTrochanterLength * 0.5f) - g.up * 4.0f;
    s.add(Primitive::roundCone(ltBase, ltTip, 9.0f, 5.5f), 5.0f);
    const float h = g.trochanterHalfSize.y, a = g.trochanterHalfSize.z;
    const glm::vec3 crestTop = g.at(g.trochanterCentre, -2.0f, -0.4f * h, -0.8f * a);
    const glm::vec3 crestEnd = ltTip - posteromedial * 6.0f;
    s.add(Primitive::capsule(crestTop, crestEnd, 4.5f), 4.0f);
    // Quadrate tubercle (quadratus femoris) a little above the crest's middle.
    s.add(Primitive::sphere(glm::mix(crestTop, crestEnd, 0.45f) - g.anterior * 1.5f, 6.0f), 3.0f);
    s.add(Primitive::capsule(g.at(g.trochanterCentre, -2.0f, -0.6f * h, 0.8f * a),
                             g.at(ltBase, -4.0f, -6.0f, g.shaftRadiusTop * 0.7f), 2.5f),
          4.0f);
    // Trochanteric fossa: the pit on the medial side of the trochanter, behind the neck.
    s.carve(Primitive::ellipsoid(
                g.at(g.trochanterCentre, -g.trochanterHalfSize.x - 3.0f, 0.35f * h, -0.45f * a),
                glm::mat3(g.lateral, g.up, g.anterior), {6.0f, 9.0f, 6.0f}),
            2.0f);
}

}  // namespace

ImplicitShape femurShape(const FemurGeometry& g) {
    ImplicitShape s;
    s.add(Primitive::sphere(g.headCentre, g.headRadius));
    // Neck: narrowest just lateral to the head, flaring into the trochanteric region.
    s.add(Primitive::roundCone(g.headCentre - g.neckDirection * (0.35f * g.headRadius), g.neckBase,
                               g.neckRadiusHead, g.neckRadiusBase),
          4.0f);
    addShaft(s, g);
    addLineaAspera(s, g);
    addCondyles(s, g);
    addGreaterTrochanter(s, g);
    addTrochantericRegion(s, g);
    // Fovea capitis: a small pit slightly posterior and inferior to the head's medial pole.
    const glm::vec3 foveaDir = glm::normalize(g.neckDirection - g.up * 0.35f - g.anterior * 0.25f);
    s.carve(Primitive::sphere(g.headCentre + foveaDir * (g.headRadius + 3.0f), 6.0f), 1.0f);
    return s;
}

}  // namespace medius::anatomy
