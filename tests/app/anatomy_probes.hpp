#pragma once
// Points on the generated anatomy that tests aim at.
#include "core/structure.hpp"

namespace medius::test {

// The greater trochanter: the right femur's most lateral point above the lesser trochanter.
inline glm::vec3 trochanterLateralPoint(const Structure& femur) {
    glm::vec3 trochanter(0.0f, 0.0f, -1e9f);
    for (const auto& p : femur.mesh.positions)
        if (p.y > -140.0f && p.z > trochanter.z) trochanter = p;
    return trochanter;
}

}  // namespace medius::test
