// Sacrum (five fused segments on a kyphotic curve with promontory, alae, median, intermediate and
// lateral crests, anterior and posterior foramina and auricular surfaces), coccyx, and the
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

namespace {

// The sacrum read from content: S1..S5 down the curve, with the frame of each segment.
struct SacrumFrame {
    std::vector<glm::vec3> centres, tangent;  // tangent: down the curve (caudally)
    std::vector<float> halfWidths, halfThick;
    std::size_t size() const { return centres.size(); }
    // Out of the dorsal surface (the pelvic surface faces the opposite way).
    glm::vec3 dorsal(std::size_t i) const { return sagittalNormal(tangent[i]); }
    glm::vec3 dorsalSurface(std::size_t i, float z) const {
        return centres[i] + dorsal(i) * halfThick[i] + glm::vec3(0, 0, z);
    }
    // Half-way between segments i and i+1, where the foramina open.
    float foramenOffset(std::size_t i) const {
        return 0.55f * glm::mix(halfWidths[i], halfWidths[i + 1], 0.5f) + 4.0f;
    }
};

// Five fused vertebrae as rounded boxes along the kyphotic curve of their centres: the pelvic faces
// follow the curve, which makes the pelvic surface concave.
void addSacralSegments(ImplicitShape& s, const SacrumFrame& f) {
    const std::size_t n = f.size();
    for (std::size_t i = 0; i < n; ++i) {
        const float halfLength =
            0.6f * glm::length(f.centres[std::min(i + 1, n - 1)] - f.centres[i == 0 ? 1 : i - 1]);
        const glm::mat3 axes(f.dorsal(i), f.tangent[i], glm::vec3(0, 0, 1));
        s.add(Primitive::roundBox(f.centres[i], axes, {f.halfThick[i], halfLength, f.halfWidths[i]},
                                  std::min(f.halfThick[i], halfLength) * 0.8f),
              8.0f);
    }
}

// Promontory: the anterior lip of the top of S1's body, jutting into the pelvic inlet.
void addPromontory(ImplicitShape& s, const SacrumFrame& f, float radius) {
    const glm::vec3 lip =
        f.centres[0] - f.dorsal(0) * (f.halfThick[0] - 0.5f * radius) - f.tangent[0] * 8.0f;
    const glm::vec3 across(0, 0, 0.3f * f.halfWidths[0]);
    s.add(Primitive::capsule(lip - across, lip + across, radius), 4.0f);
}

// Median sacral crest (fused spinous processes) down the back of S1-S4 with a tubercle on each;
// it stops above the sacral hiatus (S5).
void addMedianCrest(ImplicitShape& s, const SacrumFrame& f, float tubercle) {
    const std::size_t last = std::min<std::size_t>(3, f.size() - 1);
    for (std::size_t i = 0; i <= last; ++i) {
        // S1's tubercle sits low on its segment: the top of S1's back tilts up and forward.
        const glm::vec3 at =
            i == 0 ? glm::mix(f.dorsalSurface(0, 0.0f), f.dorsalSurface(1, 0.0f), 0.35f)
                   : f.dorsalSurface(i, 0.0f);
        s.add(Primitive::sphere(at + f.dorsal(i) * 0.5f * tubercle, tubercle), 2.5f);
        if (i < last)
            s.add(Primitive::capsule(at, f.dorsalSurface(i + 1, 0.0f), 0.55f * tubercle), 2.5f);
    }
}

// A row of tubercles on the back, joined into a low crest, `offset(i)` mm from the midline at
// segment i: the intermediate crests (fused articular processes) medial to the posterior foramina
// and the lateral crests (fused transverse processes) lateral to them.
template <class Offset>
void addDorsalCrest(ImplicitShape& s, const SacrumFrame& f, std::size_t first, std::size_t last,
                    float tubercle, Offset offset) {
    for (float side : {-1.0f, 1.0f})
        for (std::size_t i = first; i <= last; ++i) {
            const glm::vec3 at = f.dorsalSurface(i, side * offset(i));
            s.add(Primitive::sphere(at, tubercle), 2.0f);
            if (i < last)
                s.add(Primitive::capsule(at, f.dorsalSurface(i + 1, side * offset(i + 1)),
                                         0.6f * tubercle),
                      2.0f);
        }
}

float segmentForamenOffset(const SacrumFrame& f, std::size_t i) {
    // At a segment's own level: between the foramina above and below it.
    if (i == 0) return f.foramenOffset(0);
    if (i + 1 >= f.size()) return f.foramenOffset(i - 1);
    return 0.5f * (f.foramenOffset(i - 1) + f.foramenOffset(i));
}

// Four pairs of foramina between the segments: the anterior (pelvic) ones larger, the posterior
// (dorsal) ones smaller, meeting inside the bone.
void carveForamina(ImplicitShape& s, const SacrumFrame& f, float radius) {
    for (std::size_t i = 0; i + 1 < f.size() && i < 4; ++i) {
        const glm::vec3 mid = glm::mix(f.centres[i], f.centres[i + 1], 0.5f);
        const glm::vec3 dorsal = sagittalNormal(glm::normalize(f.centres[i + 1] - f.centres[i]));
        const float r = radius * (1.0f - 0.12f * static_cast<float>(i));
        for (float side : {-1.0f, 1.0f}) {
            const glm::vec3 at = mid + glm::vec3(0, 0, side * f.foramenOffset(i));
            s.carve(Primitive::capsule(at - dorsal * 40.0f, at, r), 1.5f);
            s.carve(Primitive::capsule(at, at + dorsal * 40.0f, 0.7f * r), 1.5f);
        }
    }
}

// Auricular surface: the flat, ear-shaped joint face on each side of the lateral mass, facing the
// ilium's. Bone is filled up to its plane over the joint's extent, and anything beyond is cut.
void addAuricularSurfaces(ImplicitShape& s, const glm::vec3& centre, const glm::vec3& normal,
                          const glm::vec3& longAxis, const glm::vec2& halfSize) {
    for (float side : {-1.0f, 1.0f}) {
        const glm::vec3 mirror(1.0f, 1.0f, side);
        const glm::vec3 c = centre * mirror, n = glm::normalize(normal * mirror);
        const glm::vec3 l = glm::normalize(longAxis * mirror - n * glm::dot(longAxis * mirror, n));
        const glm::mat3 axes(l, glm::cross(n, l), n);
        const float depth = 7.0f;
        s.add(Primitive::roundBox(c - n * depth, axes, {halfSize.x, halfSize.y, depth}, 5.0f),
              5.0f);
        s.carve(Primitive::roundBox(c + n * 15.0f, axes, {halfSize.x, halfSize.y, 15.0f}, 3.0f),
                1.5f);
    }
}

}  // namespace

ImplicitShape sacrumShape(ContentSection& c) {
    SacrumFrame f;
    f.centres = c.points("segment_centres");
    f.halfWidths = c.numbers("segment_half_widths");
    f.halfThick = c.numbers("segment_half_thicknesses");
    const float alaReach = c.number("ala_half_width");
    const float foramen = c.number("foramen_radius");
    const float promontory = c.number("promontory_radius");
    const float crestTubercle = c.number("crest_tubercle_radius");
    const glm::vec3 auricular = c.point("auricular_centre");
    const glm::vec3 auricularNormal = c.vector("auricular_normal");
    const glm::vec3 auricularAxis = c.vector("auricular_long_axis");
    const auto auricularHalf = c.numbers("auricular_half_size");
    const std::size_t n = f.centres.size();
    if (!c.ok() || n < 2 || f.halfWidths.size() != n || f.halfThick.size() != n ||
        auricularHalf.size() != 2)
        return {};
    f.tangent.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        f.tangent[i] =
            glm::normalize(f.centres[std::min(i + 1, n - 1)] - f.centres[i == 0 ? 0 : i - 1]);
    ImplicitShape s;
    addSacralSegments(s, f);
    addPromontory(s, f, promontory);
    // Alae: the wings of S1 reaching out to the auricular surfaces.
    const glm::vec3 ala = f.centres[0] + f.tangent[0] * -4.0f - f.dorsal(0) * 8.0f;
    for (float side : {-1.0f, 1.0f})
        s.add(Primitive::ellipsoid(ala + glm::vec3(0, 0, side * alaReach * 0.55f), glm::mat3(1.0f),
                                   {11.0f, 14.0f, alaReach * 0.45f}),
              8.0f);
    addMedianCrest(s, f, crestTubercle);
    const std::size_t last = std::min<std::size_t>(3, n - 1);
    addDorsalCrest(s, f, 1, last, 0.7f * crestTubercle,
                   [&](std::size_t i) { return segmentForamenOffset(f, i) - 9.0f; });
    addDorsalCrest(s, f, 0, last, 0.8f * crestTubercle,
                   [&](std::size_t i) { return segmentForamenOffset(f, i) + 10.0f; });
    addAuricularSurfaces(s, auricular, auricularNormal, auricularAxis,
                         {auricularHalf[0], auricularHalf[1]});
    // Last, so nothing added fills them.
    carveForamina(s, f, foramen);
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
