#pragma once
// Implicit descriptions of each bone (right side where sided). The caller extracts the surface.
#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/femur_geometry.hpp"
#include "anatomy-gen/implicit_shape.hpp"

namespace medius::anatomy {

ImplicitShape femurShape(const FemurGeometry& femur);
// Empty shape when the section is incomplete (already reported).
ImplicitShape hipBoneShape(ContentSection& hipBone);
ImplicitShape sacrumShape(ContentSection& sacrum);
ImplicitShape coccyxShape(ContentSection& sacrum);
ImplicitShape lumbarVertebraShape(ContentSection& vertebra);

}  // namespace medius::anatomy
