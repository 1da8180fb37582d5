#pragma once
// Muscles (swept bellies with fibre directions), tendon insertions on the trochanteric facets and
// the bursae around them. Right side; empty mesh when the content is incomplete (reported).
#include <vector>

#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/femur_geometry.hpp"
#include "core/mesh.hpp"

namespace medius::anatomy {

// `follow` (male variant, may be null): stations written once follow the male femur.
TriangleMesh sweptMuscle(ContentSection& muscle, const FemurFollow* follow = nullptr);
// A fan-shaped muscle written as parts (anterior to posterior), each section a guide with the
// same keys as a swept muscle (its half widths matter only at the fan's two borders): one
// continuous sheet through all of them, returned as one closed strip per part (sweep.hpp,
// sweepFan). onePiece: the guides shape one muscle with no parts, returned as one closed mesh.
// Empty meshes when the content is incomplete (reported).
std::vector<TriangleMesh> fannedMuscle(std::vector<ContentSection>& parts,
                                       const FemurFollow* follow = nullptr, bool onePiece = false);

enum class Facet { Lateral, Superoposterior, Anterior };
TriangleMesh tendonInsertion(ContentSection& insertion, const FemurGeometry& femur, Facet facet);

TriangleMesh subgluteusMaximusBursa(ContentSection& bursa, const FemurGeometry& femur);
TriangleMesh subgluteusMediusBursa(ContentSection& bursa, const FemurGeometry& femur);
TriangleMesh subgluteusMinimusBursa(ContentSection& bursa, const FemurGeometry& femur);

}  // namespace medius::anatomy
