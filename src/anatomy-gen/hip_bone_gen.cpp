// The right hip bone: a curved iliac wing (thin plate inside a thick crest), the acetabular cup,
// pubic and ischial rami around the obturator foramen, ischial spine and tuberosity, the
// posterior border with the greater sciatic notch, and the auricular region.
#include <algorithm>
#include <cmath>
#include <iterator>
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

// Samples along the crest and the wing base; the wing surface interpolates between them.
constexpr int kCrestSamples = 48;

// Point on a polyline of evenly spaced samples at the fraction u of its length.
glm::vec3 alongSamples(const std::vector<glm::vec3>& samples, float u) {
    const float f = u * static_cast<float>(samples.size() - 1);
    const int i = std::min(static_cast<int>(f), static_cast<int>(samples.size()) - 2);
    return glm::mix(samples[i], samples[i + 1], f - static_cast<float>(i));
}

// How far the wing bulges laterally at the fraction v from the crest (0) to its base (1): the
// middle row stands out by the full bulge, rising linearly from crest and base, with the peak
// rounded over the middle fifth (so the gluteal surface shows no crease there).
float bulgeProfile(float v) {
    const float w = 0.2f, d = std::abs(2.0f * v - 1.0f);
    if (d >= w) return 1.0f - d;
    return 1.0f - 0.5f * w - d * d / (2.0f * w);
}

// The iliac wing's mid-surface at (u along the crest from the ASIS, v down to the wing base).
glm::vec3 wingPoint(const std::vector<glm::vec3>& crest, const std::vector<glm::vec3>& base,
                    float bulge, float u, float v) {
    const glm::vec3 lateral(-0.3f, 0.0f, 1.0f);
    return glm::mix(alongSamples(crest, u), alongSamples(base, u), v) +
           lateral * bulge * std::sin(3.14159265f * u) * bulgeProfile(v);
}

// Tiles the wing surface with thickened triangles on a grid fine enough that the creases between
// neighbouring tiles are invisible. The tiles are joined by a plain (hard) union: a smooth union
// would thicken the plate along every seam and show the grid as faint bands. They are grouped
// in strips of a few columns, each its own solid with its own box, so a point far from a strip
// skips all of its tiles (this keeps the finer plate about as fast as the coarse one).
template <class Wing>
void addWingPlate(ImplicitShape& s, const Wing& wing, float halfThickness) {
    const int columns = 16, columnsPerStrip = 4;
    // The surface is linear in v outside the rounded middle fifth, so rows there are not needed.
    const float rows[] = {0.0f, 0.4f, 0.5f, 0.6f, 1.0f};
    ImplicitShape plate;
    for (int first = 0; first + 1 < columns; first += columnsPerStrip) {
        ImplicitShape strip;
        for (int i = first; i < std::min(first + columnsPerStrip, columns - 1); ++i) {
            const float u0 = static_cast<float>(i) / (columns - 1);
            const float u1 = static_cast<float>(i + 1) / (columns - 1);
            for (std::size_t r = 0; r + 1 < std::size(rows); ++r) {
                const glm::vec3 a = wing(u0, rows[r]), b = wing(u0, rows[r + 1]);
                const glm::vec3 c = wing(u1, rows[r]), d = wing(u1, rows[r + 1]);
                strip.add(Primitive::triangleSlab(a, b, c, halfThickness));
                strip.add(Primitive::triangleSlab(c, b, d, halfThickness));
            }
        }
        plate.add(Primitive::solid(std::move(strip)));
    }
    s.add(Primitive::solid(std::move(plate)), 2.0f);
}

// Length of a polyline.
float lengthOf(const std::vector<glm::vec3>& line) {
    float total = 0.0f;
    for (std::size_t i = 1; i < line.size(); ++i) total += glm::length(line[i] - line[i - 1]);
    return total;
}

// The iliac tubercle: a distinct thickening of the crest's outer lip about 5 cm behind the ASIS
// (textbook anatomy), elongated along the crest and standing out laterally and downward.
void addIliacTubercle(ImplicitShape& s, const std::vector<glm::vec3>& crestSamples,
                      float crestRadius) {
    const float u = glm::clamp(50.0f / lengthOf(crestSamples), 0.0f, 1.0f);
    const glm::vec3 at = alongSamples(crestSamples, u);
    const glm::vec3 along = glm::normalize(alongSamples(crestSamples, u + 0.03f) -
                                           alongSamples(crestSamples, u - 0.03f));
    const glm::vec3 outerLip = glm::normalize(glm::vec3(0.0f, -0.35f, 1.0f));
    const glm::mat3 axes = sdf::frameFrom(along, outerLip);
    s.add(Primitive::ellipsoid(at + outerLip * (0.6f * crestRadius), axes,
                               {16.0f, crestRadius + 4.5f, crestRadius + 1.5f}),
          3.0f);
}

// The pelvic brim: a rounded ridge along the linea terminalis, joined to the body of the ilium
// and pubis lateral to it by a short web at each point (the bone between the inlet and the
// acetabulum is solid, not a bar).
void addPelvicBrim(ImplicitShape& s, const std::vector<glm::vec3>& brim, float radius) {
    addChain(s, brim, radius, radius * 0.8f, 4.0f);
    const glm::vec3 lateralAndDown(0.0f, -4.0f, 16.0f);
    for (std::size_t i = 0; i + 1 < brim.size(); ++i)
        s.add(Primitive::capsule(brim[i], brim[i] + lateralAndDown, radius), 5.0f);
}

// The auricular surface: two flattened lobes from a common apex (the "ear"), their flat faces
// towards the sacrum (medially), each a band about 11 mm wide.
void addAuricularSurface(ImplicitShape& s, const glm::vec3& apex, const glm::vec3& cranialEnd,
                         const glm::vec3& caudalEnd) {
    for (const glm::vec3& end : {cranialEnd, caudalEnd}) {
        const glm::vec3 arm = end - apex;
        const glm::mat3 axes = sdf::frameFrom(glm::normalize(arm), glm::vec3(0.0f, 0.0f, 1.0f));
        s.add(Primitive::ellipsoid(apex + 0.5f * arm, axes,
                                   {0.5f * glm::length(arm) + 3.0f, 6.5f, 5.5f}),
              3.0f);
    }
}

// The wing's outer (gluteal) surface at (u, v): u along the crest from the ASIS (0) to the PSIS
// (1), v down from the crest (0) to the wing base (1), lifted a little above the plate so the
// gluteal lines' ridges stand on it.
struct WingSurface {
    std::vector<glm::vec3> top, bottom;
    float bulge = 0.0f, wingHalf = 0.0f, lift = 0.0f;
    glm::vec3 at(float u, float v) const {
        return wingPoint(top, bottom, bulge, glm::clamp(u, 0.0f, 1.0f), glm::clamp(v, 0.0f, 1.0f));
    }
    glm::vec3 outer(float u, float v) const {
        const glm::vec3 du = at(u + 0.02f, v) - at(u - 0.02f, v);
        const glm::vec3 dv = at(u, v + 0.02f) - at(u, v - 0.02f);
        glm::vec3 normal = glm::normalize(glm::cross(du, dv));
        if (normal.z < 0.0f) normal = -normal;  // the gluteal surface faces laterally
        return at(u, v) + normal * (wingHalf + lift);
    }
};

// The wing from the content's crest and base (both resampled evenly), lifted by a fifth of the
// gluteal lines' radius: where those ridges' axes lie.
WingSurface wingSurface(const std::vector<glm::vec3>& crest, const std::vector<glm::vec3>& base,
                        ContentSection& c) {
    return {resample(crest, kCrestSamples), resample(base, kCrestSamples), c.number("wing_bulge"),
            c.number("wing_half_thickness"), 0.2f * c.number("gluteal_line_radius")};
}

// The gluteal lines' (u, v) pairs mapped onto the wing's outer surface.
GlutealLines linesOn(const WingSurface& wing, ContentSection& c) {
    GlutealLines out;
    const char* keys[] = {"anterior_gluteal_line", "posterior_gluteal_line",
                          "inferior_gluteal_line"};
    std::vector<glm::vec3>* lines[] = {&out.anterior, &out.posterior, &out.inferior};
    for (int k = 0; k < 3; ++k) {
        const auto uv = c.numbers(keys[k]);
        if (uv.size() < 4 || uv.size() % 2 != 0) {
            c.error("gluteal lines must be flat lists of at least two (u, v) pairs");
            continue;
        }
        for (std::size_t i = 0; i + 1 < uv.size(); i += 2)
            lines[k]->push_back(wing.outer(uv[i], uv[i + 1]));
    }
    return out;
}

}  // namespace

GlutealLines glutealLines(ContentSection& c) {
    const auto crest = c.points("iliac_crest");
    const auto base = c.points("wing_base");
    const WingSurface wing = wingSurface(crest, base, c);
    if (!c.ok() || crest.size() < 3 || base.size() < 2) return {};
    return linesOn(wing, c);
}

ImplicitShape hipBoneShape(ContentSection& c) {
    const glm::vec3 asis = c.point("asis"), aiis = c.point("aiis"), psis = c.point("psis"),
                    piis = c.point("piis");
    const auto crest = c.points("iliac_crest");
    const auto base = c.points("wing_base");
    const float lineRadius = c.number("gluteal_line_radius");
    const float wingHalf = c.number("wing_half_thickness"), crestRadius = c.number("crest_radius");
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
    const auto brim = c.points("pelvic_brim");
    const auto auricularArms = c.points("auricular_arms");
    const float brimRadius = c.number("pelvic_brim_radius");
    if (!c.ok() || crest.size() < 3 || base.size() < 2 || supRamus.size() < 2 ||
        infRamus.size() < 2 || ischialBody.size() < 2 || brim.size() < 2 ||
        auricularArms.size() != 3 || glm::length(acetabAxis) < 1e-6f)
        return {};
    const glm::vec3 axis = glm::normalize(acetabAxis);
    ImplicitShape s;

    // Iliac wing: a thin plate between the crest and the wing base, bulged laterally (convex
    // gluteal surface, concave iliac fossa). The plate is tiled finely by thickened triangles
    // from one smooth surface, so no seams show as bands.
    const WingSurface wing = wingSurface(crest, base, c);
    addWingPlate(
        s, [&](float u, float v) { return wing.at(u, v); }, wingHalf);
    // Gluteal lines: low ridges on the outer surface, placed in the wing's own (u, v) coordinates
    // so they follow the crest and the bulge.
    const GlutealLines lines = linesOn(wing, c);
    for (const auto* line : {&lines.anterior, &lines.posterior, &lines.inferior})
        for (std::size_t k = 0; k + 1 < line->size(); ++k)
            s.add(Primitive::capsule((*line)[k], (*line)[k + 1], lineRadius), 2.0f);
    // The crest is a thick rim, widest at the tubercle; ASIS, tubercle and PSIS stand out.
    addChain(s, crest, crestRadius, crestRadius * 0.9f, 3.0f);
    s.add(Primitive::sphere(asis, crestRadius + 1.5f), 3.0f);
    addIliacTubercle(s, wing.top, crestRadius);
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
    // Sacroiliac region: the thick posterior ilium, and the ear-shaped auricular surface standing
    // a little proud of it on the medial side.
    s.add(Primitive::ellipsoid(auricular + glm::vec3(0.0f, 0.0f, 2.0f), glm::mat3(1.0f),
                               {15.0f, 22.0f, 8.0f}),
          6.0f);
    addAuricularSurface(s, auricularArms[0], auricularArms[1], auricularArms[2]);
    addPelvicBrim(s, brim, brimRadius);
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
