// Tendon footprints on the greater trochanter's facets and the bursae that separate the layers
// there (Pfirrmann 2001; Robertson 2008). Placed from the same femur geometry as the bone.
#include <cmath>

#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/soft_tissue_generators.hpp"
#include "anatomy-gen/superquadric.hpp"

namespace medius::anatomy {

namespace {

constexpr float kDegree = 3.14159265358979f / 180.0f;

// A flat pad: `lengthDir` along its long axis, `normal` out of the surface it lies on.
TriangleMesh pad(const glm::vec3& centre, const glm::vec3& lengthDir, const glm::vec3& normal,
                 float halfLength, float halfWidth, float halfThickness) {
    SuperquadricShape shape;
    shape.radii = {halfLength, halfThickness, halfWidth};
    shape.east = 2.0f;
    shape.north = 3.0f;  // flat faces, rounded rim
    shape.rings = 12;
    shape.segments = 40;
    TriangleMesh m = superquadric(shape);
    const glm::vec3 n = glm::normalize(normal);
    const glm::vec3 l = glm::normalize(lengthDir - n * glm::dot(lengthDir, n));
    const glm::vec3 w = glm::cross(l, n);
    glm::mat4 place(1.0f);
    place[0] = glm::vec4(l, 0.0f);
    place[1] = glm::vec4(n, 0.0f);
    place[2] = glm::vec4(w, 0.0f);
    place[3] = glm::vec4(centre, 1.0f);
    m.transform(place);
    orientOutward(m);
    m.computeNormals();
    return m;
}

}  // namespace

TriangleMesh tendonInsertion(ContentSection& c, const FemurGeometry& g, Facet facet) {
    const float halfLength = c.number("half_length"), halfWidth = c.number("half_width"),
                halfThickness = c.number("half_thickness");
    const float angle = facet == Facet::Lateral ? c.number("angle_to_shaft") : 0.0f;
    if (!c.ok()) return {};
    switch (facet) {
        case Facet::Lateral: {
            // The footprint runs obliquely down and forward at `angle` to the shaft axis.
            const glm::vec3 dir =
                -g.up * std::cos(angle * kDegree) + g.anterior * std::sin(angle * kDegree);
            return pad(g.lateralFacetCentre() + g.lateral * (0.8f * halfThickness), dir, g.lateral,
                       halfLength, halfWidth, halfThickness);
        }
        case Facet::Superoposterior:
            return pad(
                g.superoposteriorFacetCentre() + g.superoposteriorNormal() * (0.8f * halfThickness),
                g.lateral, g.superoposteriorNormal(), halfLength, halfWidth, halfThickness);
        case Facet::Anterior:
            return pad(g.anteriorFacetCentre() + g.anterior * (0.8f * halfThickness), g.up,
                       g.anterior, halfLength, halfWidth, halfThickness);
    }
    return {};
}

TriangleMesh subgluteusMaximusBursa(ContentSection& c, const FemurGeometry& g) {
    const auto half = c.numbers("half_size");
    const float halfThickness = c.number("half_thickness"), gap = c.number("gap");
    if (!c.ok()) return {};
    if (half.size() != 2) {
        c.error("half_size must be [along the arc, along the shaft]");
        return {};
    }
    // A sac curved around the shaft axis, over the posterior facet and the lateral gluteus medius
    // insertion, under the iliotibial band and gluteus maximus.
    const glm::vec3 rel = g.trochanterCentre - g.neckBase;
    const float lateralFace = glm::dot(rel, g.lateral) + g.trochanterHalfSize.x;
    const float radius = lateralFace + 2.4f + gap + halfThickness;
    SuperquadricShape shape;
    shape.radii = {half[0], half[1], halfThickness};
    shape.east = 2.5f;
    shape.north = 2.5f;
    shape.rings = 24;
    shape.segments = 48;
    TriangleMesh m = superquadric(shape);
    // Centred behind the lateral face (negative arc = posterior), at the facets' height.
    const glm::vec3 shift(-0.45f * half[0], glm::dot(rel, g.up) - 0.2f * g.trochanterHalfSize.y,
                          0.0f);
    for (auto& p : m.positions) p += shift;
    wrapAroundAxis(m, g.neckBase, g.up, g.lateral, radius);
    return m;
}

namespace {
TriangleMesh flatBursa(ContentSection& c, const glm::vec3& centre, const glm::vec3& lengthDir,
                       const glm::vec3& normal) {
    const auto half = c.numbers("half_size");
    const float halfThickness = c.number("half_thickness");
    if (!c.ok()) return {};
    if (half.size() != 2) {
        c.error("half_size must be [length, width]");
        return {};
    }
    return pad(centre + glm::normalize(normal) * halfThickness, lengthDir, normal, half[0], half[1],
               halfThickness);
}
}  // namespace

TriangleMesh subgluteusMediusBursa(ContentSection& c, const FemurGeometry& g) {
    // Deep to the gluteus medius tendon, over the superior part of the lateral facet.
    const glm::vec3 centre = g.at(g.trochanterCentre, g.trochanterHalfSize.x + 0.2f,
                                  0.55f * g.trochanterHalfSize.y, 0.1f * g.trochanterHalfSize.z);
    return flatBursa(c, centre, g.anterior, g.lateral);
}

TriangleMesh subgluteusMinimusBursa(ContentSection& c, const FemurGeometry& g) {
    // Under the gluteus minimus tendon, medial and cranial to its insertion, over the capsule.
    // Just cranial to the footprint, where the tendon crosses the top of the anterior facet.
    const glm::vec3 centre = g.anteriorFacetCentre() - g.lateral * 3.0f + g.up * 16.0f;
    return flatBursa(c, centre, g.up, g.anterior);
}

}  // namespace medius::anatomy
