#pragma once
// Superquadric ellipsoids (pads, sacs) and a bend that wraps a flat shape around an axis, so a
// bursa can hug the curve of the greater trochanter.
#include "core/mesh.hpp"

namespace medius::anatomy {

struct SuperquadricShape {
    glm::vec3 radii{10.0f};
    float east = 2.0f;   // exponent around the local Z axis (2 = ellipse, larger = boxier)
    float north = 2.0f;  // exponent from pole to pole
    int rings = 16;
    int segments = 32;
};

// Centred at the origin, poles on local +/-Y... in local coordinates: X and Z span the equator,
// Y runs pole to pole. Closed, outward, with normals.
TriangleMesh superquadric(const SuperquadricShape& shape);

// Wraps a mesh built in a flat local frame (x along the arc, y along the axis, z outward from
// the axis) around a cylinder of `radius` about `axisPoint` + t * `axisDirection`; x = 0 maps to
// the direction `zeroDirection` from the axis. Orientation is preserved; normals recomputed.
void wrapAroundAxis(TriangleMesh& mesh, const glm::vec3& axisPoint, const glm::vec3& axisDirection,
                    const glm::vec3& zeroDirection, float radius);

}  // namespace medius::anatomy
