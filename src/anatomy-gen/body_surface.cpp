#include "anatomy-gen/body_surface.hpp"

#include <cmath>

#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/edge_collapse.hpp"
#include "anatomy-gen/femur_geometry.hpp"
#include "anatomy-gen/implicit_shape.hpp"
#include "anatomy-gen/marching_tetrahedra.hpp"
#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/signed_distance.hpp"
#include "core/toml_reader.hpp"

namespace medius::anatomy {

namespace {

glm::vec3 mirror(glm::vec3 p) {
    return {p.x, p.y, -p.z};
}

struct LimbFrame {
    glm::vec3 hip, knee, ankle, heel, toes, waist, pelvis, buttock;
};

// Where the skin must show the skeleton: read from the same femur geometry as the femur
// itself (skeleton.toml), so the bulges follow the bones whatever their size.
struct BoneMarks {
    bool ok = false;
    glm::vec3 trochanterLateral{0.0f};  // centre of the lateral facet of the greater trochanter
    glm::vec3 knee{0.0f};               // between the femoral condyles
    glm::vec3 lateral{0, 0, 1}, up{0, 1, 0}, anterior{1, 0, 0};
    float condyleHalfSpacing = 0.0f;
    glm::vec3 condyleRadii{0.0f};  // anteroposterior, height, width
};

BoneMarks readBoneMarks(ContentFile& skeleton, const Variant& variant, DiagnosticSink& sink) {
    BoneMarks m;
    ContentSection hipBone = skeleton.section("hip_bone", variant, sink);
    ContentSection femurSection = skeleton.section("femur", variant, sink);
    if (!hipBone.has("hip_centre")) return m;
    FemurGeometry g;
    if (!readFemurGeometry(femurSection, hipBone.point("hip_centre"), g)) return m;
    m.ok = true;
    m.trochanterLateral = g.lateralFacetCentre();
    // As femur_gen.cpp places the condyles: below the shaft's end, a little posterior.
    const glm::vec3 shaftEnd = g.neckBase - g.up * g.shaftLength;
    m.knee = shaftEnd - g.up * (0.8f * g.condyleRadii.y) - g.anterior * 6.0f;
    m.lateral = g.lateral;
    m.up = g.up;
    m.anterior = g.anterior;
    m.condyleHalfSpacing = g.condyleHalfSpacing;
    m.condyleRadii = g.condyleRadii;
    return m;
}

// The thigh: a cone from just below the hip joint (the buttock and trunk cover the joint
// itself) to just above the knee, so the knee's own forms show below it.
void addThigh(ImplicitShape& shape, ContentSection& body, const LimbFrame& f, float blend) {
    const float top = body.number("thigh_radius_top");
    const float mid = body.number("thigh_radius_mid");
    const float bottom = body.number("thigh_radius_bottom");
    const glm::vec3 thighTopCentre = f.hip + glm::vec3(-5.0f, -40.0f, 8.0f);
    // The thigh keeps its bulk (quadriceps, adductors, hamstrings) to mid-length and narrows
    // above the knee, not as one straight cone.
    const glm::vec3 midThigh = glm::mix(thighTopCentre, f.knee, 0.45f);
    const glm::vec3 aboveKnee = glm::mix(f.knee, thighTopCentre, 0.16f);
    shape.add(Primitive::roundCone(thighTopCentre, midThigh, top, mid), blend);
    shape.add(Primitive::roundCone(midThigh, aboveKnee, mid, bottom), blend);
}

// The knee: a core over the condyles, the two condyles as bulges on either side and the
// patella as a flat rounded plate in front (textbook surface anatomy: the patella, the
// femoral condyles and the patellar ligament are seen and felt under the skin).
void addKnee(ImplicitShape& shape, ContentSection& body, const LimbFrame& f, const BoneMarks& m) {
    const float core = body.number("knee_radius");
    const float cover = body.number("knee_condyle_cover");
    const glm::vec3 patella = body.vector("patella_radii");
    const float patellaForward = body.number("patella_forward");
    const glm::mat3 axes(m.anterior, m.up, m.lateral);
    shape.add(Primitive::ellipsoid(f.knee - m.anterior * 6.0f, axes,
                                   glm::vec3(core, core * 0.95f, core * 0.85f)),
              18.0f);
    for (float side : {-1.0f, 1.0f}) {
        const glm::vec3 condyle = f.knee + m.lateral * (side * m.condyleHalfSpacing);
        shape.add(Primitive::ellipsoid(condyle, axes, m.condyleRadii + glm::vec3(cover)), 12.0f);
    }
    const glm::vec3 patellaCentre =
        f.knee + m.anterior * (m.condyleRadii.x + patellaForward) + m.up * (0.5f * patella.y);
    shape.add(Primitive::ellipsoid(patellaCentre, axes, patella), 10.0f);
}

// The leg: the shin (the tibia's subcutaneous face, a slender cone from knee to ankle), the
// calf (the two heads of gastrocnemius, the medial larger and lower) and the malleoli.
void addLeg(ImplicitShape& shape, ContentSection& body, const LimbFrame& f, const BoneMarks& m) {
    const float shinTop = body.number("shin_radius_top");
    const float ankleRadius = body.number("ankle_radius");
    const glm::vec3 calfRadii = body.vector("calf_radii");
    const float calfBack = body.number("calf_back");
    const glm::vec3 kneeBase = f.knee - m.up * 25.0f;
    shape.add(Primitive::roundCone(kneeBase, f.ankle, shinTop, ankleRadius), 16.0f);
    const glm::vec3 down = glm::normalize(f.ankle - f.knee);
    const glm::mat3 axes = sdf::frameFrom(-down, m.anterior);  // height, anteroposterior, width
    const struct {
        float along, side, scale;
    } heads[] = {{0.32f, -0.35f, 1.0f}, {0.26f, 0.35f, 0.85f}};
    for (const auto& h : heads) {
        const glm::vec3 centre = glm::mix(f.knee, f.ankle, h.along) - m.anterior * calfBack +
                                 m.lateral * (h.side * calfRadii.z);
        const glm::vec3 radii(calfRadii.y * h.scale, calfRadii.x, calfRadii.z * h.scale);
        shape.add(Primitive::ellipsoid(centre, axes, radii), 20.0f);
    }
    // Malleoli: the lateral one lower and further back than the medial one.
    const float malleolus = body.number("malleolus_radius");
    shape.add(Primitive::sphere(f.ankle + m.lateral * (ankleRadius - 0.6f * malleolus) -
                                    m.anterior * 8.0f - m.up * 10.0f,
                                malleolus),
              10.0f);
    shape.add(Primitive::sphere(
                  f.ankle - m.lateral * (ankleRadius - 0.6f * malleolus) + m.up * 4.0f, malleolus),
              10.0f);
}

// The foot, in its own frame: `along` from the back of the heel to the tip of the toes,
// `height` above the sole, `side` lateral. Heel, lateral column on the ground, medial
// longitudinal arch raised off it, the ball across the metatarsal heads, the toes as one
// rounded form whose front runs obliquely (the great toe longest).
struct FootFrame {
    glm::vec3 heelBack;  // on the sole, at the back of the heel
    glm::vec3 forward, upward, lateral;
    float length;
    glm::vec3 at(float s, float h, float w) const {
        return heelBack + forward * (s * length) + upward * h + lateral * w;
    }
};

ImplicitShape footShape(ContentSection& body, const FootFrame& foot) {
    const float heelRadius = body.number("heel_half_width");
    const float ballHalfWidth = body.number("ball_half_width");
    const float instep = body.number("instep_height");
    const float arch = body.number("arch_height");
    const float L = foot.length;
    const glm::mat3 axes(foot.forward, foot.upward, foot.lateral);
    ImplicitShape s;
    // Heel: its back at s = 0, on the ground.
    s.add(Primitive::ellipsoid(foot.at(0.13f, heelRadius, 0.0f), axes,
                               {0.13f * L, heelRadius, heelRadius}));
    // Lateral column (calcaneus, cuboid, fifth metatarsal) rests on the ground.
    s.add(Primitive::roundCone(foot.at(0.16f, 17.0f, 4.0f),
                               foot.at(0.7f, 15.0f, 0.72f * ballHalfWidth), 17.0f, 15.0f),
          14.0f);
    // Medial column: the arch, raised off the ground between heel and ball.
    s.add(Primitive::roundCone(foot.at(0.2f, arch + 16.0f, -0.3f * heelRadius),
                               foot.at(0.72f, 18.0f, -0.62f * ballHalfWidth), 18.0f, 17.0f),
          14.0f);
    // Instep: the dorsum rises from the toes to the ankle.
    s.add(Primitive::ellipsoid(foot.at(0.47f, 0.5f * instep + 0.5f * arch, 0.05f * ballHalfWidth),
                               axes, {0.24f * L, 0.5f * (instep - arch), 0.78f * ballHalfWidth}),
          14.0f);
    // Ball of the foot across the metatarsal heads.
    s.add(Primitive::ellipsoid(foot.at(0.71f, 19.0f, 0.0f), axes, {0.1f * L, 19.0f, ballHalfWidth}),
          14.0f);
    // The toes as one form, flatter than the ball; turned so the medial side reaches further.
    const glm::vec3 toeForward = glm::normalize(foot.forward - foot.lateral * 0.2f);
    const glm::mat3 toeAxes = sdf::frameFrom(toeForward, foot.upward);
    s.add(Primitive::ellipsoid(foot.at(0.875f, 12.0f, -0.08f * ballHalfWidth), toeAxes,
                               {0.125f * L, 12.0f, 0.86f * ballHalfWidth}),
          16.0f);
    return s;
}

void addFoot(ImplicitShape& shape, ContentSection& body, const LimbFrame& f, float blend) {
    const float length = body.number("foot_length");
    const float ankleHeight = body.number("ankle_height");
    const float heelBehind = body.number("heel_behind_ankle");
    const float toeOut = glm::radians(body.number("foot_progression_angle"));
    FootFrame foot;
    foot.forward = glm::vec3(std::cos(toeOut), 0.0f, std::sin(toeOut));
    foot.upward = glm::vec3(0.0f, 1.0f, 0.0f);
    foot.lateral = glm::cross(foot.forward, foot.upward);
    if (foot.lateral.z < 0.0f) foot.lateral = -foot.lateral;
    foot.length = length;
    foot.heelBack = glm::vec3(f.ankle.x, f.ankle.y - ankleHeight, f.ankle.z) -
                    foot.forward * (heelBehind * length);
    shape.add(Primitive::solid(footShape(body, foot)), blend * 0.3f);
}

// Walks from `start` along `direction` until the implicit surface is crossed, then refines
// by bisection. Returns false when the ray never leaves the body within 400 mm.
using DistanceFn = std::function<float(const glm::vec3&)>;

bool findSurface(const DistanceFn& shape, glm::vec3 start, glm::vec3 direction, glm::vec3& out) {
    direction = glm::normalize(direction);
    if (shape(start) > 0.0f) {
        // The start is outside: walk back inward first so the landmark is where the ray exits.
        for (int i = 0; i < 80 && shape(start) > 0.0f; ++i) start -= direction * 5.0f;
        if (shape(start) > 0.0f) return false;
    }
    float t0 = 0.0f, t1 = 0.0f;
    bool crossed = false;
    for (float t = 2.0f; t <= 400.0f; t += 2.0f) {
        if (shape(start + direction * t) > 0.0f) {
            t0 = t - 2.0f;
            t1 = t;
            crossed = true;
            break;
        }
    }
    if (!crossed) return false;
    for (int i = 0; i < 24; ++i) {
        const float mid = 0.5f * (t0 + t1);
        (shape(start + direction * mid) > 0.0f ? t1 : t0) = mid;
    }
    out = start + direction * (0.5f * (t0 + t1));
    return true;
}

bool resolveAnchor(const std::string& anchor, const LimbFrame& f, glm::vec3& out) {
    const auto at = anchor.find('@');
    const std::string base = anchor.substr(0, at);
    float t = 0.0f;
    if (at != std::string::npos) {
        try {
            t = std::stof(anchor.substr(at + 1));
        } catch (...) {
            return false;
        }
        if (!(t >= 0.0f && t <= 1.0f)) return false;
    }
    if (base == "thigh" && at != std::string::npos)
        out = glm::mix(f.hip, f.knee, t);
    else if (base == "leg" && at != std::string::npos)
        out = glm::mix(f.knee, f.ankle, t);
    else if (at != std::string::npos)
        return false;
    else if (base == "hip")
        out = f.hip;
    else if (base == "knee")
        out = f.knee;
    else if (base == "ankle")
        out = f.ankle;
    else if (base == "heel")
        out = f.heel;
    else if (base == "toes")
        out = f.toes;
    else if (base == "waist")
        out = f.waist;
    else if (base == "pelvis")
        out = f.pelvis;
    else if (base == "buttock")
        out = f.buttock;
    else
        return false;
    return true;
}

void findLandmarks(const std::string& path, const DistanceFn& shape, const LimbFrame& right,
                   DiagnosticSink& sink, std::map<std::string, glm::vec3>& out) {
    auto table = parseTomlFile(path, sink);
    if (!table) return;
    TomlReader top(*table, path, sink, 1);
    for (auto [t, line] : top.tables("landmark", true)) {
        TomlReader r(*t, path, sink, line);
        const std::string name = r.text("name", true);
        const std::string anchor = r.text("anchor", true);
        const bool midline = t->get("midline") && t->get("midline")->value_or(false);
        glm::vec3 offset(0.0f), direction(0.0f);
        auto readVec = [&](const char* key, glm::vec3& v, bool required) {
            const toml::array* a = t->get_as<toml::array>(key);
            if (!a) {
                if (required) r.error(r.line(), std::string("missing '") + key + "'");
                return;
            }
            if (a->size() != 3) {
                r.error(r.lineOf(key), std::string("'") + key + "' must be three numbers");
                return;
            }
            for (int k = 0; k < 3; ++k)
                v[k] = static_cast<float>((*a)[k].value<double>().value_or(0.0));
        };
        readVec("offset", offset, false);
        readVec("direction", direction, true);
        r.warnUnknownKeys({"name", "anchor", "offset", "direction", "midline"});
        if (r.failed()) continue;
        if (glm::length(direction) < 1e-6f) {
            r.error(r.lineOf("direction"), "'direction' must not be zero");
            continue;
        }
        glm::vec3 start;
        if (!resolveAnchor(anchor, right, start)) {
            r.error(r.lineOf("anchor"), "unknown anchor '" + anchor + "'");
            continue;
        }
        start += offset;
        if (midline) {
            start.z = 0.0f;
            direction.z = 0.0f;
        }
        glm::vec3 p;
        if (!findSurface(shape, start, direction, p)) {
            r.error(line, "landmark '" + name + "' does not reach the skin from its anchor");
            continue;
        }
        if (midline) {
            out[name] = p;
        } else {
            out[name + "_r"] = p;
            out[name + "_l"] = mirror(p);
        }
    }
}

// The greater trochanter stands out under the skin of the lateral hip (textbook surface
// anatomy; the landmark of lateral hip pain): a low rounded bulge over its lateral facet.
void addTrochantericBulge(ImplicitShape& shape, ContentSection& body, const BoneMarks& m) {
    const glm::vec3 radii = body.vector("trochanter_bulge_radii");
    const float cover = body.number("trochanter_cover");
    const glm::mat3 axes(m.anterior, m.up, m.lateral);
    const glm::vec3 centre = m.trochanterLateral + m.lateral * (cover - radii.z);
    shape.add(Primitive::ellipsoid(centre, axes, radii), body.number("trochanter_bulge_blend"));
}

// The intergluteal (natal) cleft: a lens-shaped groove in the midline between the buttocks,
// from the lower sacrum down past the coccyx to the perineum. Its floor follows the line
// cleft_top -> cleft_bottom; the lens widens backwards so the buttocks' medial faces slope
// into it. Evaluated at |z|, the lens is split by the midline and stays symmetric.
void carveNatalCleft(ImplicitShape& shape, ContentSection& body) {
    const glm::vec3 top = body.point("cleft_top");
    const glm::vec3 bottom = body.point("cleft_bottom");
    const float depth = body.number("cleft_lens_depth");
    const float halfWidth = body.number("cleft_half_width");
    const glm::vec3 floorLine = bottom - top;
    const glm::vec3 backward = glm::normalize(glm::cross(floorLine, glm::vec3(0, 0, 1)));
    const glm::mat3 axes = sdf::frameFrom(floorLine, backward);
    const glm::vec3 centre = 0.5f * (top + bottom) + backward * depth;
    shape.carve(Primitive::ellipsoid(centre, axes,
                                     {0.5f * glm::length(floorLine) + 10.0f, depth, halfWidth}),
                body.number("cleft_blend"));
}

// The gluteal fold: the crease under each buttock where it overhangs the back of the thigh
// (textbook surface anatomy: it runs from near the midline laterally and slightly upwards,
// fading out before the lateral thigh; it does not follow the lower border of gluteus
// maximus). A tapering round cone along the crease, deepest medially.
void carveGlutealFold(ImplicitShape& shape, ContentSection& body) {
    const glm::vec3 medial = body.point("gluteal_fold_medial");
    const glm::vec3 lateral = body.point("gluteal_fold_lateral");
    const float rMedial = body.number("gluteal_fold_radius_medial");
    const float rLateral = body.number("gluteal_fold_radius_lateral");
    shape.carve(Primitive::roundCone(medial, lateral, rMedial, rLateral),
                body.number("gluteal_fold_blend"));
}

}  // namespace

BodySurface buildBodySurface(const std::string& contentDir, Sex sex, DiagnosticSink& sink) {
    BodySurface result;
    ContentFile skeleton, bodyFile;
    Variant variant{sex, glm::vec3(1.0f)};
    const bool haveSkeleton = skeleton.load(contentDir + "/skeleton.toml", sink);
    if (haveSkeleton) {
        ContentSection model = skeleton.section("model", Variant{}, sink);
        const glm::vec3 scale = model.vector("male_point_scale");
        if (model.ok()) variant.malePointScale = scale;
    }
    if (!bodyFile.load(contentDir + "/body.toml", sink)) return result;
    ContentSection body = bodyFile.section("body", variant, sink);
    BoneMarks marks;
    if (haveSkeleton) marks = readBoneMarks(skeleton, variant, sink);

    LimbFrame right;
    right.hip = body.point("hip");
    right.knee = body.point("knee");
    right.ankle = body.point("ankle");
    right.heel = body.point("heel");
    right.toes = body.point("toes");
    right.waist = body.point("waist_centre");
    right.pelvis = body.point("pelvis_centre");
    right.buttock = body.point("buttock_centre");
    const float cell = body.number("cell_size");
    const float passes = body.number("smoothing_passes");
    const float blend = body.number("blend");
    const glm::vec3 waistRadii = body.vector("waist_radii");
    const glm::vec3 pelvisRadii = body.vector("pelvis_radii");
    const glm::vec3 buttockRadii = body.vector("buttock_radii");
    const glm::vec3 hipMassCentre = body.point("hip_mass_centre");
    const glm::vec3 hipMassRadii = body.vector("hip_mass_radii");
    const glm::vec3 lowerButtockCentre = body.point("lower_buttock_centre");
    const glm::vec3 lowerButtockRadii = body.vector("lower_buttock_radii");
    if (!body.ok()) return result;  // already reported, with file and line
    // The knee's forms sit on the femur's condyles; without a skeleton, on body.toml's knee.
    if (marks.ok) right.knee = marks.knee;

    // Only the right half is modelled; the distance is evaluated at |z|, so the body is
    // exactly symmetric (a smooth union depends on its order, two mirrored halves would not
    // be mirror images).
    ImplicitShape shape;
    const glm::mat3 identity(1.0f);
    // Radii are written (anteroposterior, height, width) = the frame's X, Y, Z.
    shape.add(Primitive::ellipsoid(right.waist, identity, waistRadii));
    shape.add(Primitive::ellipsoid(right.pelvis, identity, pelvisRadii), blend);
    shape.add(Primitive::ellipsoid(right.buttock, identity, buttockRadii), blend * 0.6f);
    shape.add(Primitive::ellipsoid(hipMassCentre, identity, hipMassRadii), blend * 0.8f);
    shape.add(Primitive::ellipsoid(lowerButtockCentre, identity, lowerButtockRadii), blend * 0.8f);
    addThigh(shape, body, right, blend);
    if (marks.ok) {
        addTrochantericBulge(shape, body, marks);
        addKnee(shape, body, right, marks);
        addLeg(shape, body, right, marks);
    } else {
        addKnee(shape, body, right, BoneMarks{});
        addLeg(shape, body, right, BoneMarks{});
    }
    addFoot(shape, body, right, blend);
    carveNatalCleft(shape, body);
    carveGlutealFold(shape, body);
    // The skin stops at the waist: a flat cut, as in an atlas's regional view.
    shape.clip(Primitive::halfSpace(right.waist + glm::vec3(0.0f, waistRadii.y * 0.8f, 0.0f),
                                    glm::vec3(0.0f, 1.0f, 0.0f)),
               6.0f);
    if (!body.ok()) return result;

    const auto distance = [shape](const glm::vec3& p) {
        return shape.distance(glm::vec3(p.x, p.y, std::fabs(p.z)));
    };
    Bounds box = shape.bounds();
    box.min.z = -box.max.z;
    result.skin = polygonise(distance, box, std::clamp(cell, 3.0f, 20.0f));
    // Grid extraction leaves slivers; collapsing short edges halves the triangle count
    // (the vertex stage dominates on software renderers) and evens the tessellation.
    collapseShortEdges(result.skin, std::clamp(cell, 3.0f, 20.0f) * 0.6f, 3);
    const int smoothing = static_cast<int>(std::clamp(passes, 0.0f, 10.0f));
    if (smoothing > 0) smoothTaubin(result.skin, smoothing);
    orientOutward(result.skin);
    result.skin.computeNormals();
    findLandmarks(contentDir + "/body.toml", distance, right, sink, result.landmarks);
    result.distance = distance;
    return result;
}

}  // namespace medius::anatomy
