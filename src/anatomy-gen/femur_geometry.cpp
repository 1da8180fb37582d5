#include "anatomy-gen/femur_geometry.hpp"

#include <cmath>

namespace medius::anatomy {

namespace {
constexpr float kDegree = 3.14159265358979f / 180.0f;
}

glm::vec3 FemurGeometry::lateralFacetCentre() const {
    return at(trochanterCentre, trochanterHalfSize.x, -0.25f * trochanterHalfSize.y, 0.0f);
}

glm::vec3 FemurGeometry::anteriorFacetCentre() const {
    return at(trochanterCentre, 0.1f * trochanterHalfSize.x, -0.05f * trochanterHalfSize.y,
              trochanterHalfSize.z);
}

glm::vec3 FemurGeometry::superoposteriorFacetCentre() const {
    // The cut plane passes through this point (see femur_gen.cpp), so the pad sits on it.
    return at(trochanterCentre, 0.0f, 0.55f * trochanterHalfSize.y, -0.55f * trochanterHalfSize.z);
}

glm::vec3 FemurFollow::apply(const glm::vec3& scaled) const {
    const glm::vec3 female = scaled / pointScale;
    const glm::vec3 rel = female - from.trochanterCentre;
    const float d = glm::length(rel);
    float w = glm::clamp((outer - d) / (outer - inner), 0.0f, 1.0f);
    w = w * w * (3.0f - 2.0f * w);
    if (w <= 0.0f) return scaled;
    const glm::vec3 local(glm::dot(rel, from.lateral), glm::dot(rel, from.up),
                          glm::dot(rel, from.anterior));
    glm::vec3 mapped;
    for (int i = 0; i < 3; ++i) {
        const float hf = from.trochanterHalfSize[i], hm = to.trochanterHalfSize[i];
        mapped[i] = local[i] * hm / hf;
    }
    const glm::vec3 male = to.at(to.trochanterCentre, mapped.x, mapped.y, mapped.z);
    return glm::mix(scaled, male, w);
}

bool readFemurGeometry(ContentSection& s, const glm::vec3& hipCentre, FemurGeometry& g) {
    g.headCentre = hipCentre;
    g.headRadius = s.number("head_radius");
    const float neckShaft = s.number("neck_shaft_angle");
    const float anteversion = s.number("anteversion");
    g.neckLength = s.number("neck_length");
    g.neckRadiusHead = s.number("neck_radius_head");
    g.neckRadiusBase = s.number("neck_radius_base");
    const glm::vec3 shaftDirection = s.vector("shaft_direction");
    g.shaftLength = s.number("shaft_length");
    g.shaftRadiusTop = s.number("shaft_radius_top");
    g.shaftRadiusMid = s.number("shaft_radius_mid");
    g.shaftRadiusDistal = s.number("shaft_radius_distal");
    g.condyleHalfSpacing = s.number("condyle_half_spacing");
    g.shaftAnteriorBow = s.number("shaft_anterior_bow");
    g.condyleRadii = s.vector("condyle_radii");
    const glm::vec3 gtOffset = s.vector("greater_trochanter_offset");
    g.trochanterHalfSize = s.vector("greater_trochanter_half_size");
    g.lesserTrochanterLevel = s.number("lesser_trochanter_level");
    g.lesserTrochanterLength = s.number("lesser_trochanter_length");
    if (!s.ok() || glm::length(shaftDirection) < 1e-6f || g.headRadius <= 0.0f) return false;

    g.up = -glm::normalize(shaftDirection);
    g.lateral = glm::normalize(glm::vec3(0, 0, 1) - g.up * g.up.z);
    g.anterior = glm::cross(g.up, g.lateral);
    // The neck leaves the shaft at (180 - neck-shaft angle) from the proximal shaft axis, medially,
    // and is turned forward by the anteversion angle.
    const float tilt = (180.0f - neckShaft) * kDegree;
    const float av = anteversion * kDegree;
    const glm::vec3 horizontal = -g.lateral * std::cos(av) + g.anterior * std::sin(av);
    g.neckDirection = glm::normalize(g.up * std::cos(tilt) + horizontal * std::sin(tilt));
    g.neckBase = g.headCentre - g.neckDirection * g.neckLength;
    g.trochanterCentre = g.at(g.neckBase, gtOffset.x, gtOffset.y, gtOffset.z);
    return true;
}

}  // namespace medius::anatomy
