// Sacrum (five fused segments with alae and four pairs of anterior foramina), coccyx, and the
// L4 and L5 vertebrae (body, pedicles, laminae, spinous, transverse and articular processes).
#include <cmath>
#include <vector>

#include "anatomy-gen/bone_generators.hpp"
#include "anatomy-gen/signed_distance.hpp"

namespace medius::anatomy {

namespace {
glm::vec3 sagittalNormal(const glm::vec3& tangent) {
    // In the median plane, perpendicular to the curve: the sacrum's antero-posterior direction.
    return glm::normalize(glm::cross(tangent, glm::vec3(0, 0, 1)));
}
}  // namespace

ImplicitShape sacrumShape(ContentSection& c) {
    const auto centres = c.points("segment_centres");
    const auto halfWidths = c.numbers("segment_half_widths");
    const auto halfThick = c.numbers("segment_half_thicknesses");
    const float alaReach = c.number("ala_half_width");
    const float foramen = c.number("foramen_radius");
    if (!c.ok() || centres.size() < 2 || halfWidths.size() != centres.size() ||
        halfThick.size() != centres.size())
        return {};
    ImplicitShape s;
    const std::size_t n = centres.size();
    std::vector<glm::vec3> tangent(n);
    for (std::size_t i = 0; i < n; ++i)
        tangent[i] = glm::normalize(centres[std::min(i + 1, n - 1)] - centres[i == 0 ? 0 : i - 1]);
    for (std::size_t i = 0; i < n; ++i) {
        const float halfLength =
            0.6f * glm::length(centres[std::min(i + 1, n - 1)] - centres[i == 0 ? 1 : i - 1]);
        const glm::mat3 axes(sagittalNormal(tangent[i]), tangent[i], glm::vec3(0, 0, 1));
        s.add(Primitive::roundBox(centres[i], axes, {halfThick[i], halfLength, halfWidths[i]},
                                  std::min(halfThick[i], halfLength) * 0.8f),
              8.0f);
    }
    // Alae: the wings of S1 reaching out to the auricular surfaces.
    const glm::vec3 ala = centres[0] + tangent[0] * -4.0f - sagittalNormal(tangent[0]) * 8.0f;
    for (float side : {-1.0f, 1.0f})
        s.add(Primitive::ellipsoid(ala + glm::vec3(0, 0, side * alaReach * 0.55f), glm::mat3(1.0f),
                                   {11.0f, 14.0f, alaReach * 0.45f}),
              8.0f);
    // Median sacral crest down the back.
    for (std::size_t i = 0; i + 1 < n; ++i)
        s.add(Primitive::capsule(centres[i] - sagittalNormal(tangent[i]) * halfThick[i],
                                 centres[i + 1] - sagittalNormal(tangent[i + 1]) * halfThick[i + 1],
                                 3.0f),
              3.0f);
    // Anterior sacral foramina between the segments, drilled front to back.
    for (std::size_t i = 0; i + 1 < n && i < 4; ++i) {
        const glm::vec3 mid = glm::mix(centres[i], centres[i + 1], 0.5f);
        const glm::vec3 ap = sagittalNormal(glm::normalize(centres[i + 1] - centres[i]));
        const float offset = 0.55f * glm::mix(halfWidths[i], halfWidths[i + 1], 0.5f) + 4.0f;
        for (float side : {-1.0f, 1.0f}) {
            const glm::vec3 at = mid + glm::vec3(0, 0, side * offset);
            s.carve(Primitive::capsule(at - ap * 40.0f, at + ap * 40.0f,
                                       foramen * (1.0f - 0.12f * static_cast<float>(i))),
                    1.5f);
        }
    }
    return s;
}

ImplicitShape coccyxShape(ContentSection& c) {
    const auto pts = c.points("coccyx");
    if (!c.ok() || pts.size() < 2) return {};
    ImplicitShape s;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const float r = 7.5f - 1.2f * static_cast<float>(i);
        s.add(Primitive::ellipsoid(pts[i], glm::mat3(1.0f), {r * 0.7f, r, r * 1.3f}), 2.0f);
        // Coccygeal segments are fused or joined by fibrocartilage: keep them in one piece.
        if (i + 1 < pts.size()) s.add(Primitive::capsule(pts[i], pts[i + 1], r * 0.45f), 3.0f);
    }
    return s;
}

ImplicitShape lumbarVertebraShape(ContentSection& c) {
    const glm::vec3 body = c.point("body_centre");
    const glm::vec3 half = c.vector("body_half_size");
    const float reach = c.number("transverse_reach");
    if (!c.ok()) return {};
    ImplicitShape s;
    auto at = [&](float x, float y, float z) { return body + glm::vec3(x, y, z); };
    s.add(Primitive::roundBox(body, glm::mat3(1.0f), half, std::min(half.x, half.y) * 0.6f));
    const float back = -half.x;  // posterior surface of the body
    for (float side : {-1.0f, 1.0f}) {
        const float z = side * half.z * 0.5f;
        s.add(Primitive::capsule(at(back + 4, 3, z), at(back - 14, 3, z * 1.1f), 5.0f),
              2.0f);  // pedicle
        s.add(Primitive::capsule(at(back - 14, 3, z * 1.1f), at(back - 28, -3, 0), 4.5f),
              2.0f);  // lamina
        s.add(Primitive::roundCone(at(back - 14, 5, z * 1.1f), at(back - 18, 7, side * reach), 5.0f,
                                   3.5f),
              2.0f);  // transverse process
        s.add(Primitive::capsule(at(back - 16, 4, z * 1.2f), at(back - 18, 17, z * 1.3f), 4.0f),
              2.0f);  // superior articular process
        s.add(Primitive::capsule(at(back - 24, -2, z * 0.9f), at(back - 26, -17, z * 0.9f), 4.0f),
              2.0f);  // inferior articular process
    }
    s.add(Primitive::roundCone(at(back - 28, -2, 0), at(back - 52, -10, 0), 5.5f, 4.5f), 2.0f);
    return s;
}

}  // namespace medius::anatomy
