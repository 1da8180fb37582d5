// The right femur: head with fovea, neck, greater trochanter as a faceted block, trochanteric
// fossa, lesser trochanter, intertrochanteric line and crest, shaft, and simple condyles (the knee
// end is kept plain: the atlas is about the hip).
#include <cmath>

#include "anatomy-gen/bone_generators.hpp"
#include "anatomy-gen/signed_distance.hpp"

namespace medius::anatomy {

ImplicitShape femurShape(const FemurGeometry& g) {
    ImplicitShape s;
    const glm::vec3 down = -g.up;
    const glm::vec3 shaftTop = g.neckBase + g.up * 6.0f;
    const glm::vec3 shaftEnd = g.neckBase + down * g.shaftLength;
    s.add(Primitive::sphere(g.headCentre, g.headRadius));
    // Neck: narrowest just lateral to the head, flaring into the trochanteric region.
    s.add(Primitive::roundCone(g.headCentre - g.neckDirection * (0.35f * g.headRadius), g.neckBase,
                               g.neckRadiusHead, g.neckRadiusBase),
          4.0f);
    // The shaft narrows to mid-length, stays slender, and flares only in its distal fifth.
    // The anterior bow: mid-shaft (and, less, the start of the flare) stand forward of the axis.
    const glm::vec3 midShaft = glm::mix(shaftTop, shaftEnd, 0.5f) + g.anterior * g.shaftAnteriorBow;
    const glm::vec3 flare =
        glm::mix(shaftTop, shaftEnd, 0.8f) + g.anterior * (0.6f * g.shaftAnteriorBow);
    s.add(Primitive::roundCone(shaftTop, midShaft, g.shaftRadiusTop, g.shaftRadiusMid), 8.0f);
    s.add(Primitive::roundCone(midShaft, flare, g.shaftRadiusMid, g.shaftRadiusMid * 1.1f), 8.0f);
    s.add(Primitive::roundCone(flare, shaftEnd, g.shaftRadiusMid * 1.1f, g.shaftRadiusDistal),
          8.0f);
    // Condyles, a little posterior to the shaft, with the intercondylar notch between them.
    const glm::vec3 knee = shaftEnd + down * (0.8f * g.condyleRadii.y) - g.anterior * 6.0f;
    const glm::mat3 kneeAxes(g.anterior, g.up, g.lateral);
    for (float side : {-1.0f, 1.0f})
        s.add(Primitive::ellipsoid(knee + g.lateral * (side * g.condyleHalfSpacing), kneeAxes,
                                   g.condyleRadii),
              10.0f);
    s.carve(Primitive::ellipsoid(knee - g.anterior * (0.7f * g.condyleRadii.x) + down * 6.0f,
                                 kneeAxes, {0.6f * g.condyleRadii.x, g.condyleRadii.y, 7.0f}),
            3.0f);

    // Greater trochanter: a block whose flat faces are the lateral, anterior and posterior facets,
    // with a bevel for the superoposterior facet. Built as its own solid, then blended in.
    {
        const glm::mat3 axes(g.lateral, g.up, g.anterior);
        ImplicitShape gt;
        gt.add(Primitive::roundBox(g.trochanterCentre, axes, g.trochanterHalfSize, 5.0f));
        gt.clip(Primitive::halfSpace(g.superoposteriorFacetCentre(), g.superoposteriorNormal()),
                1.5f);
        s.add(Primitive::solid(std::move(gt)), 9.0f);
    }
    // Intertrochanteric crest (posterior) and line (anterior) join the trochanters.
    const glm::vec3 ltBase = g.neckBase + down * g.lesserTrochanterLevel;
    const glm::vec3 posteromedial = glm::normalize(-g.anterior * 0.8f - g.lateral * 0.6f);
    const glm::vec3 ltTip =
        ltBase + posteromedial * (g.shaftRadiusTop + g.lesserTrochanterLength * 0.5f) - g.up * 4.0f;
    s.add(Primitive::roundCone(ltBase, ltTip, 9.0f, 5.5f), 5.0f);
    const float h = g.trochanterHalfSize.y, a = g.trochanterHalfSize.z;
    s.add(Primitive::capsule(g.at(g.trochanterCentre, -2.0f, -0.4f * h, -0.8f * a),
                             ltTip - posteromedial * 6.0f, 4.5f),
          4.0f);
    s.add(Primitive::capsule(g.at(g.trochanterCentre, -2.0f, -0.6f * h, 0.8f * a),
                             g.at(ltBase, -4.0f, -6.0f, g.shaftRadiusTop * 0.7f), 2.5f),
          4.0f);

    // Trochanteric fossa: the pit on the medial side of the trochanter, behind the neck.
    s.carve(Primitive::ellipsoid(
                g.at(g.trochanterCentre, -g.trochanterHalfSize.x - 3.0f, 0.35f * h, -0.45f * a),
                glm::mat3(g.lateral, g.up, g.anterior), {6.0f, 9.0f, 6.0f}),
            2.0f);
    // Fovea capitis: a small pit slightly posterior and inferior to the head's medial pole.
    const glm::vec3 foveaDir = glm::normalize(g.neckDirection - g.up * 0.35f - g.anterior * 0.25f);
    s.carve(Primitive::sphere(g.headCentre + foveaDir * (g.headRadius + 3.0f), 6.0f), 1.0f);
    return s;
}

}  // namespace medius::anatomy
