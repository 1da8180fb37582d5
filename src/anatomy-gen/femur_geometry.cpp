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

namespace {
// Height (along `up`, from the block centre) of the superoposterior cut plane on the lateral face
// at `ant` mm anterior of the block's centre.
float superoposteriorCutHeight(const FemurGeometry& g, float ant) {
    const glm::vec3 n = g.superoposteriorNormal();
    const float nu = glm::dot(n, g.up), na = glm::dot(n, g.anterior);
    const float u0 = 0.55f * g.trochanterHalfSize.y, a0 = -0.55f * g.trochanterHalfSize.z;
    return u0 - na / nu * (ant - a0);
}
}  // namespace

glm::vec3 FemurGeometry::lateralSuperoposteriorEdge(float ant) const {
    return at(trochanterCentre, trochanterHalfSize.x, superoposteriorCutHeight(*this, ant), ant);
}

float FemurGeometry::lateralSuperoposteriorEdgeTop() const {
    const glm::vec3 n = superoposteriorNormal();
    const float nu = glm::dot(n, up), na = glm::dot(n, anterior);
    const float u0 = 0.55f * trochanterHalfSize.y, a0 = -0.55f * trochanterHalfSize.z;
    return a0 - (trochanterHalfSize.y - 4.0f - u0) * nu / na;
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
    g.lineaAsperaRadius = s.number("linea_aspera_radius");
    g.lineaAsperaHeight = s.number("linea_aspera_height");
    g.medialCondyleScale = s.vector("medial_condyle_scale");
    g.medialCondyleDrop = s.number("medial_condyle_drop");
    g.patellarGrooveRadius = s.number("patellar_groove_radius");
    g.facetRidgeRadius = s.number("facet_ridge_radius");
    g.facetRidgeHeight = s.number("facet_ridge_height");
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
