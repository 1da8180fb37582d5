#pragma once
// Signed distance functions for the primitives bones are composed of. Negative inside,
// positive outside, in millimetres. Most are exact; the ellipsoid is the usual close bound.
#include <glm/glm.hpp>

namespace medius::anatomy::sdf {

float sphere(const glm::vec3& p, const glm::vec3& centre, float radius);
// A cone with spherical ends of radius ra at a and rb at b (a capsule when ra == rb).
float roundCone(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra, float rb);
// Ellipsoid with semi-axes radii along the orthonormal axes u, v, w.
float ellipsoid(const glm::vec3& p, const glm::vec3& centre, const glm::mat3& axes,
                const glm::vec3& radii);
// Box with half extents along the orthonormal axes, edges rounded by rounding (<= half extents).
float roundBox(const glm::vec3& p, const glm::vec3& centre, const glm::mat3& axes,
               const glm::vec3& halfExtents, float rounding);
// A triangle thickened into a plate of the given half thickness (rounded edges).
float triangleSlab(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                   float halfThickness);
// Half-space whose outside is where the normal points.
float halfSpace(const glm::vec3& p, const glm::vec3& point, const glm::vec3& normal);

// Polynomial smooth minimum / maximum: blend width k in mm; exact min / max beyond k.
float smoothMin(float a, float b, float k);
float smoothMax(float a, float b, float k);

// Distance from p to an axis-aligned box (0 inside): a lower bound for the distance to
// anything inside the box, used to skip far primitives.
float distanceToBox(const glm::vec3& p, const glm::vec3& lo, const glm::vec3& hi);

// An orthonormal frame whose first axis is along `primary` and second as close to
// `secondary` as possible. Columns: u, v, w (right-handed).
glm::mat3 frameFrom(const glm::vec3& primary, const glm::vec3& secondary);

}  // namespace medius::anatomy::sdf
