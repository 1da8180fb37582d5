// The right hip bone: a curved iliac wing (thin plate inside a thick crest), the acetabular cup,
// pubic and ischial rami around the obturator foramen, ischial spine and tuberosity, the
// posterior border with the greater sciatic notch, and the auricular region.
#include <algorithm>
#include <cmath>
#include <vector>

#include "anatomy-gen/bone_generators.hpp"
#include "anatomy-gen/signed_distance.hpp"

namespace medius::anatomy {

namespace {

// Resamples a polyline to `count` points evenly spaced by arc length.
std::vector<glm::vec3> resample(const std::vector<glm::vec3>& line, int count) {
    std::vector<float> acc{0.0f};
    for (std::size_t i = 1; i < line.size(); ++i)
        acc.push_back(acc.back() + glm::length(line[i] - line[i - 1]));
    std::vector<glm::vec3> out;
    for (int k = 0; k < count; ++k) {
        const float s = acc.back() * static_cast<float>(k) / (count - 1);
        std::size_t i = 1;
        while (i + 1 < acc.size() && acc[i] < s) ++i;
        const float span = std::max(acc[i] - acc[i - 1], 1e-6f);
        out.push_back(
            glm::mix(line[i - 1], line[i], std::clamp((s - acc[i - 1]) / span, 0.0f, 1.0f)));
    }
    return out;
}

void addChain(ImplicitShape& s, const std::vector<glm::vec3>& pts, float r0, float r1,
              float blend) {
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        const float t0 = static_cast<float>(i) / (pts.size() - 1);
        const float t1 = static_cast<float>(i + 1) / (pts.size() - 1);
        s.add(Primitive::roundCone(pts[i], pts[i + 1], glm::mix(r0, r1, t0), glm::mix(r0, r1, t1)),
              blend);
    }
}

}  // namespace

ImplicitShape hipBoneShape(ContentSection& c) {
    const glm::vec3 asis = c.point("asis"), aiis = c.point("aiis"), psis = c.point("psis"),
                    piis = c.point("piis");
    const auto crest = c.points("iliac_crest");
    const auto base = c.points("wing_base");
    const auto anteriorLine = c.numbers("anterior_gluteal_line");
    const auto posteriorLine = c.numbers("posterior_gluteal_line");
    const auto inferiorLine = c.numbers("inferior_gluteal_line");
    const float lineRadius = c.number("gluteal_line_radius");
    const float wingHalf = c.number("wing_half_thickness"), bulge = c.number("wing_bulge"),
                crestRadius = c.number("crest_radius");
    const glm::vec3 hip = c.point("hip_centre");
    const float acetabR = c.number("acetabulum_radius"), wall = c.number("acetabulum_wall");
    const glm::vec3 acetabAxis = c.vector("acetabulum_axis");
    const auto supRamus = c.points("superior_pubic_ramus");
    const glm::vec3 pubicBody = c.point("pubic_body"), pubicTubercle = c.point("pubic_tubercle");
    const auto infRamus = c.points("inferior_pubic_ramus");
    const auto ischialBody = c.points("ischial_body");
    const glm::vec3 tuberosity = c.point("ischial_tuberosity"), spine = c.point("ischial_spine"),
                    notch = c.point("greater_sciatic_notch"),
                    obturator = c.point("obturator_foramen_centre"),
                    auricular = c.point("auricular_surface");
    if (!c.ok() || crest.size() < 3 || base.size() < 2 || supRamus.size() < 2 ||
        infRamus.size() < 2 || ischialBody.size() < 2 || glm::length(acetabAxis) < 1e-6f)
        return {};
    const glm::vec3 axis = glm::normalize(acetabAxis);
    ImplicitShape s;

    // Iliac wing: a plate lofted from the crest down to its base through a middle row pushed
    // laterally, which gives the gluteal surface its convexity (the iliac fossa its concavity).
    const int n = 12;
    const auto top = resample(crest, n), bottom = resample(base, n);
    std::vector<glm::vec3> middle(n);
    for (int i = 0; i < n; ++i) {
        const float edge = std::sin(3.14159265f * static_cast<float>(i) / (n - 1));
        middle[i] = glm::mix(top[i], bottom[i], 0.5f) + glm::vec3(-0.3f, 0.0f, 1.0f) * bulge * edge;
    }
    const std::vector<glm::vec3>* slabRows[3] = {&top, &middle, &bottom};
    for (int i = 0; i + 1 < n; ++i) {
        for (int r = 0; r < 2; ++r) {
            const auto& ra = *slabRows[r];
            const auto& rb = *slabRows[r + 1];
            s.add(Primitive::triangleSlab(ra[i], rb[i], ra[i + 1], wingHalf), 2.0f);
            s.add(Primitive::triangleSlab(ra[i + 1], rb[i], rb[i + 1], wingHalf), 2.0f);
        }
    }
    // Gluteal lines: low ridges on the outer surface, placed in the wing's own (u, v) coordinates
    // so they follow the crest and the bulge.
    const std::vector<glm::vec3>* rows[3] = {&top, &middle, &bottom};
    auto onWing = [&](float u, float v) {
        const float fi = glm::clamp(u, 0.0f, 1.0f) * static_cast<float>(n - 1);
        const int i = std::min(static_cast<int>(fi), n - 2);
        const float fr = glm::clamp(v, 0.0f, 1.0f) * 2.0f;
        const int r = std::min(static_cast<int>(fr), 1);
        auto row = [&](int k) { return glm::mix((*rows[k])[i], (*rows[k])[i + 1], fi - i); };
        return glm::mix(row(r), row(r + 1), fr - r);
    };
    auto outerPoint = [&](float u, float v) {
        const glm::vec3 du = onWing(u + 0.02f, v) - onWing(u - 0.02f, v);
        const glm::vec3 dv = onWing(u, v + 0.02f) - onWing(u, v - 0.02f);
        glm::vec3 normal = glm::normalize(glm::cross(du, dv));
        if (normal.z < 0.0f) normal = -normal;  // the gluteal surface faces laterally
        return onWing(u, v) + normal * (wingHalf + 0.2f * lineRadius);
    };
    for (const auto* line : {&anteriorLine, &posteriorLine, &inferiorLine}) {
        if (line->size() < 4 || line->size() % 2 != 0) {
            c.error("gluteal lines must be flat lists of at least two (u, v) pairs");
            continue;
        }
        for (std::size_t k = 0; k + 3 < line->size(); k += 2)
            s.add(Primitive::capsule(outerPoint((*line)[k], (*line)[k + 1]),
                                     outerPoint((*line)[k + 2], (*line)[k + 3]), lineRadius),
                  2.0f);
    }
    // The crest is a thick rim, widest at the tubercle; ASIS, tubercle and PSIS stand out.
    addChain(s, crest, crestRadius, crestRadius * 0.9f, 3.0f);
    s.add(Primitive::sphere(asis, crestRadius + 1.5f), 3.0f);
    s.add(Primitive::sphere(crest[2] + glm::vec3(0, 0, 1.5f), crestRadius + 2.5f), 4.0f);
    s.add(Primitive::sphere(psis, crestRadius + 2.0f), 4.0f);
    // Anterior border: ASIS down to the AIIS and on to the acetabular rim.
    s.add(Primitive::capsule(asis, aiis, 4.5f), 3.0f);
    s.add(Primitive::sphere(aiis, 6.5f), 3.0f);
    s.add(Primitive::roundCone(aiis, hip + glm::vec3(14.0f, 20.0f, 10.0f), 6.0f, 10.0f), 5.0f);
    // Posterior border: PIIS, the greater sciatic notch, the ischial spine.
    const glm::vec3 spineRoot = glm::mix(notch, ischialBody.front(), 0.5f) + glm::vec3(-6, -6, 0);
    addChain(s, {psis, piis, notch, spineRoot}, 7.0f, 8.0f, 4.0f);
    s.add(Primitive::roundCone(spineRoot, spine, 7.0f, 2.0f), 3.0f);
    // The thick body of ilium and ischium above and behind the acetabulum, so the greater
    // sciatic notch is a concave border of solid bone rather than a gap.
    s.add(Primitive::ellipsoid(hip + glm::vec3(-20.0f, 28.0f, 0.0f), glm::mat3(1.0f),
                               {30.0f, 13.0f, 11.0f}),
          6.0f);
    s.add(Primitive::roundCone(hip + glm::vec3(-20.0f, 14.0f, -8.0f),
                               notch + glm::vec3(8.0f, -2.0f, 6.0f), 13.0f, 8.0f),
          6.0f);
    s.add(Primitive::roundCone(hip + glm::vec3(-18.0f, -8.0f, -10.0f),
                               spineRoot + glm::vec3(6.0f, 0, 4.0f), 12.0f, 8.0f),
          6.0f);
    // Auricular (sacroiliac) region: the thick posterior ilium.
    s.add(Primitive::ellipsoid(auricular, glm::mat3(1.0f), {16.0f, 24.0f, 9.0f}), 6.0f);
    // Body of the acetabulum: a thick shell, solid before the cup is carved out of it.
    {
        ImplicitShape shell;
        shell.add(Primitive::sphere(hip - axis * 4.0f, acetabR + wall));
        shell.clip(Primitive::halfSpace(hip + axis * 4.0f, axis), 2.0f);
        s.add(Primitive::solid(std::move(shell)), 8.0f);
    }
    // Pubis: superior ramus to the body at the symphysis, inferior ramus to the ischium.
    addChain(s, supRamus, 9.0f, 8.0f, 5.0f);
    s.add(Primitive::ellipsoid(pubicBody, glm::mat3(1.0f), {9.0f, 15.0f, 11.0f}), 5.0f);
    s.add(Primitive::sphere(pubicTubercle, 5.0f), 3.0f);
    std::vector<glm::vec3> lower = infRamus;
    lower.push_back(tuberosity);
    addChain(s, lower, 6.0f, 8.0f, 4.0f);
    // Ischium: body from the acetabulum down to the tuberosity.
    addChain(s, ischialBody, 13.0f, 12.0f, 6.0f);
    s.add(Primitive::ellipsoid(tuberosity, glm::mat3(1.0f), {15.0f, 11.0f, 10.0f}), 6.0f);

    // Carvings: the cup (lunate surface), the deeper acetabular fossa, the acetabular notch, and
    // the obturator foramen kept open.
    s.carve(Primitive::sphere(hip, acetabR), 1.5f);
    const glm::vec3 downInCup = glm::normalize(glm::vec3(0, -1, 0) - axis * -axis.y);
    s.carve(Primitive::sphere(hip - axis * (acetabR - 4.0f) + downInCup * 6.0f, 10.0f), 1.5f);
    s.carve(Primitive::capsule(hip + downInCup * acetabR, hip + downInCup * acetabR + axis * 8.0f,
                               7.0f),
            2.0f);
    const glm::mat3 foramenAxes =
        sdf::frameFrom(glm::normalize(glm::vec3(-0.85f, -0.15f, 0.55f)), glm::vec3(0, 1, 0));
    s.carve(Primitive::ellipsoid(obturator, foramenAxes, {20.0f, 12.0f, 30.0f}), 3.0f);
    return s;
}

}  // namespace medius::anatomy
