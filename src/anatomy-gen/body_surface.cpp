#include "anatomy-gen/body_surface.hpp"

#include <cmath>

#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/edge_collapse.hpp"
#include "anatomy-gen/implicit_shape.hpp"
#include "anatomy-gen/marching_tetrahedra.hpp"
#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/signed_distance.hpp"
#include "core/toml_reader.hpp"

namespace medius::anatomy {

namespace {

glm::vec3 mirror(glm::vec3 p) { return {p.x, p.y, -p.z}; }

struct LimbFrame {
    glm::vec3 hip, knee, ankle, heel, toes, waist, pelvis, buttock;
};

// One side's lower limb as rounded cones, blended into the trunk by the caller.
void addLimb(ImplicitShape& shape, ContentSection& body, const LimbFrame& f, float blend) {
    const float thighTop = body.number("thigh_radius_top");
    const float thighBottom = body.number("thigh_radius_bottom");
    const float kneeRadius = body.number("knee_radius");
    const float calfRadius = body.number("calf_radius");
    const float ankleRadius = body.number("ankle_radius");
    const glm::vec3 calfOffset = body.vector("calf_centre_offset");
    const float footHalfWidth = body.number("foot_half_width");
    const float footHalfHeight = body.number("foot_half_height");
    // Thigh from just below the hip joint (the buttock and trunk cover the joint itself).
    const glm::vec3 thighTopCentre = f.hip + glm::vec3(-5.0f, -40.0f, 8.0f);
    shape.add(Primitive::roundCone(thighTopCentre, f.knee, thighTop, thighBottom), blend);
    shape.add(Primitive::sphere(f.knee, kneeRadius), blend * 0.5f);
    // Leg: the knee to the calf's widest point, then tapering to the ankle.
    const glm::vec3 calf = glm::mix(f.knee, f.ankle, 0.3f) + calfOffset;
    shape.add(Primitive::roundCone(f.knee, calf, kneeRadius * 0.92f, calfRadius), blend * 0.6f);
    shape.add(Primitive::roundCone(calf, f.ankle, calfRadius, ankleRadius), blend * 0.6f);
    // Foot: a rounded box from the heel to the toes, lying on the ground.
    const glm::vec3 along = f.toes - f.heel;
    const glm::mat3 axes = sdf::frameFrom(along, glm::vec3(0.0f, 1.0f, 0.0f));
    const glm::vec3 centre = (f.heel + f.toes) * 0.5f + glm::vec3(0.0f, 8.0f, 0.0f);
    shape.add(Primitive::roundBox(centre, axes,
                                  glm::vec3(glm::length(along) * 0.5f, footHalfHeight, footHalfWidth),
                                  std::min(footHalfHeight, footHalfWidth) * 0.9f),
              blend * 0.35f);
    shape.add(Primitive::roundCone(f.ankle, f.heel, ankleRadius, ankleRadius * 0.95f), blend * 0.3f);
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
    if (base == "thigh" && at != std::string::npos) out = glm::mix(f.hip, f.knee, t);
    else if (base == "leg" && at != std::string::npos) out = glm::mix(f.knee, f.ankle, t);
    else if (at != std::string::npos) return false;
    else if (base == "hip") out = f.hip;
    else if (base == "knee") out = f.knee;
    else if (base == "ankle") out = f.ankle;
    else if (base == "heel") out = f.heel;
    else if (base == "toes") out = f.toes;
    else if (base == "waist") out = f.waist;
    else if (base == "pelvis") out = f.pelvis;
    else if (base == "buttock") out = f.buttock;
    else return false;
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
            for (int k = 0; k < 3; ++k) v[k] = static_cast<float>((*a)[k].value<double>().value_or(0.0));
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

}  // namespace

BodySurface buildBodySurface(const std::string& contentDir, Sex sex, DiagnosticSink& sink) {
    BodySurface result;
    ContentFile skeleton, bodyFile;
    Variant variant{sex, glm::vec3(1.0f)};
    if (skeleton.load(contentDir + "/skeleton.toml", sink)) {
        ContentSection model = skeleton.section("model", Variant{}, sink);
        const glm::vec3 scale = model.vector("male_point_scale");
        if (model.ok()) variant.malePointScale = scale;
    }
    if (!bodyFile.load(contentDir + "/body.toml", sink)) return result;
    ContentSection body = bodyFile.section("body", variant, sink);

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

    // Only the right half is modelled; the distance is evaluated at |z|, so the body is
    // exactly symmetric (a smooth union depends on its order, two mirrored halves would not
    // be mirror images) and the gluteal cleft forms where the halves meet.
    ImplicitShape shape;
    const glm::mat3 identity(1.0f);
    // Radii are written (anteroposterior, height, width) = the frame's X, Y, Z.
    shape.add(Primitive::ellipsoid(right.waist, identity, waistRadii));
    shape.add(Primitive::ellipsoid(right.pelvis, identity, pelvisRadii), blend);
    shape.add(Primitive::ellipsoid(right.buttock, identity, buttockRadii), blend * 0.6f);
    shape.add(Primitive::ellipsoid(hipMassCentre, identity, hipMassRadii), blend * 0.8f);
    shape.add(Primitive::ellipsoid(lowerButtockCentre, identity, lowerButtockRadii), blend * 0.8f);
    addLimb(shape, body, right, blend);
    // The skin stops at the waist: a flat cut, as in an atlas's regional view.
    shape.clip(Primitive::halfSpace(right.waist + glm::vec3(0.0f, waistRadii.y * 0.8f, 0.0f),
                                    glm::vec3(0.0f, 1.0f, 0.0f)),
               6.0f);

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
