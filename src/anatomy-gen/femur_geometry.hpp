#pragma once
// The proximal femur's frame and landmarks, derived once from content and shared by the femur,
// the tendon insertions on its facets and the bursae over them (so they always sit together).
#include <glm/glm.hpp>

#include "anatomy-gen/content_reader.hpp"

namespace medius::anatomy {

struct FemurGeometry {
    glm::vec3 headCentre{0.0f};
    float headRadius = 0.0f;
    glm::vec3 up{0, 1, 0};          // along the shaft axis, proximally
    glm::vec3 lateral{0, 0, 1};     // perpendicular to the shaft, lateral
    glm::vec3 anterior{1, 0, 0};    // perpendicular to both, anterior
    glm::vec3 neckDirection{0.0f};  // from the neck base towards the head
    glm::vec3 neckBase{0.0f};       // where the neck axis meets the shaft axis
    float neckLength = 0.0f, neckRadiusHead = 0.0f, neckRadiusBase = 0.0f;
    float shaftLength = 0.0f, shaftRadiusTop = 0.0f, shaftRadiusMid = 0.0f;
    float shaftRadiusDistal = 0.0f, condyleHalfSpacing = 0.0f, shaftAnteriorBow = 0.0f;
    glm::vec3 condyleRadii{0.0f};
    glm::vec3 trochanterCentre{0.0f};
    glm::vec3 trochanterHalfSize{0.0f};  // lateral, up, anterior
    float lesserTrochanterLevel = 0.0f, lesserTrochanterLength = 0.0f;
    // Relief: linea aspera lips, the medial condyle relative to the lateral one, the patellar
    // groove, and the low ridges between the trochanter's facets.
    float lineaAsperaRadius = 0.0f, lineaAsperaHeight = 0.0f;
    glm::vec3 medialCondyleScale{1.0f};
    float medialCondyleDrop = 0.0f, patellarGrooveRadius = 0.0f;
    float facetRidgeRadius = 0.0f, facetRidgeHeight = 0.0f;

    // Point given in the femoral frame (lateral, up, anterior) relative to `origin`.
    glm::vec3 at(const glm::vec3& origin, float lat, float upward, float ant) const {
        return origin + lateral * lat + up * upward + anterior * ant;
    }
    // Outward normal of the flat superoposterior facet cut into the trochanter block.
    glm::vec3 superoposteriorNormal() const { return glm::normalize(up * 0.8f - anterior * 0.6f); }
    glm::vec3 superoposteriorFacetCentre() const;
    glm::vec3 lateralFacetCentre() const;
    glm::vec3 anteriorFacetCentre() const;
    // The edge where the lateral facet meets the superoposterior facet, at `ant` mm anterior of
    // the trochanter block's centre; it rises forward. Top: the `ant` where it is 4 mm below the
    // block's top.
    glm::vec3 lateralSuperoposteriorEdge(float ant) const;
    float lateralSuperoposteriorEdgeTop() const;
};

// Soft tissue written once (female) and scaled for the male would not follow the male femur,
// whose trochanter is not a scaled copy of the female one. This carries a female point near the
// trochanter to the same place relative to the male trochanter: its coordinates in the
// trochanter's own frame (lateral, up, anterior from the block's centre) scale with the block's
// half size, so a muscle that lies on the female block lies on the male one. The follow fades from
// full within `inner` mm of the female trochanter centre to none beyond `outer`.
struct FemurFollow {
    FemurGeometry from, to;      // female and male femur
    glm::vec3 pointScale{1.0f};  // female to male scale of points written once
    float inner = 45.0f, outer = 100.0f;
    // `scaled` is the female point already scaled for the male; returns the male point.
    glm::vec3 apply(const glm::vec3& scaled) const;
};

// Right femur. Returns false (problems already reported) when the section is incomplete.
bool readFemurGeometry(ContentSection& femur, const glm::vec3& hipCentre, FemurGeometry& out);

}  // namespace medius::anatomy
