#pragma once
// The model generated from the shipped content, shared by the anatomy tests: each sex is built
// once per test process, on first use.
#include <string>

#include "anatomy-gen/bone_generators.hpp"
#include "anatomy-gen/hip_model.hpp"

namespace medius::anatomy::testing {

// <repo>/content/anatomy.
const std::string& shippedAnatomyContent();
// The shipped content's model of this sex.
const Scene& generatedModel(Sex sex);
// The mesh of structure `id` in it; an empty mesh when there is no such structure.
const TriangleMesh& generatedMesh(Sex sex, const std::string& id);
// The gluteal lines of the shipped content's hip bone of this sex (the axes of its ridges).
GlutealLines shippedGlutealLines(Sex sex);
// "female" or "male", for failure messages.
const char* sexName(Sex sex);
inline constexpr Sex kBothSexes[] = {Sex::Female, Sex::Male};

}  // namespace medius::anatomy::testing
