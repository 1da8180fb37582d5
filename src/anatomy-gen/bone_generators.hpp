#pragma once
// Implicit descriptions of each bone (right side where sided). The caller extracts the surface.
#include <vector>

#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/femur_geometry.hpp"
#include "anatomy-gen/implicit_shape.hpp"

namespace medius::anatomy {

ImplicitShape femurShape(const FemurGeometry& femur);
// Empty shape when the section is incomplete (already reported).
ImplicitShape hipBoneShape(ContentSection& hipBone);
// The gluteal lines on the hip bone's outer surface, each a polyline of points on the ridge's
// axis, from [hip_bone]'s (u, v) pairs (the ridges hipBoneShape raises; the attachments of the
// gluteal muscles are measured against them). Empty when the content is incomplete (reported).
struct GlutealLines {
    std::vector<glm::vec3> anterior, posterior, inferior;
};
GlutealLines glutealLines(ContentSection& hipBone);
ImplicitShape sacrumShape(ContentSection& sacrum);
ImplicitShape coccyxShape(ContentSection& sacrum);
ImplicitShape lumbarVertebraShape(ContentSection& vertebra);

}  // namespace medius::anatomy
