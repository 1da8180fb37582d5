#pragma once
// Muscles (swept bellies with fibre directions), tendon insertions on the trochanteric facets and
// the bursae around them. Right side; empty mesh when the content is incomplete (reported).
#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/femur_geometry.hpp"
#include "core/mesh.hpp"

namespace medius::anatomy {

// `follow` (male variant, may be null): stations written once follow the male femur.
TriangleMesh sweptMuscle(ContentSection& muscle, const FemurFollow* follow = nullptr);

enum class Facet { Lateral, Superoposterior, Anterior };
TriangleMesh tendonInsertion(ContentSection& insertion, const FemurGeometry& femur, Facet facet);

TriangleMesh subgluteusMaximusBursa(ContentSection& bursa, const FemurGeometry& femur);
TriangleMesh subgluteusMediusBursa(ContentSection& bursa, const FemurGeometry& femur);
TriangleMesh subgluteusMinimusBursa(ContentSection& bursa, const FemurGeometry& femur);

}  // namespace medius::anatomy
