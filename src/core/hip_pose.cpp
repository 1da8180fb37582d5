#include "core/hip_pose.hpp"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace medius {

const std::vector<PosePreset>& posePresets() {
    // Hip angles of each posture for the right (painful) hip. The angles are illustrative
    // postures, not measurements; what matters is their order in adduction (1.4, 4.6).
    static const std::vector<PosePreset> presets = {
        {"standing", "Standing evenly", {0, 0, 0}, "weight even on both feet"},
        {"hanging-on-hip", "Standing hanging on one hip", {12, 0, 0},
         "the pelvis drops to the other side: the hip adducts under the band"},
        {"crossed-legs", "Sitting with legs crossed", {20, 80, 10},
         "crossing the legs adducts the flexed hip: avoid it"},
        {"side-lying-painful", "Side-lying on the painful side", {0, 35, 0},
         "the body weight presses the trochanter on the mattress: avoid it"},
        {"side-lying-other", "Side-lying on the other side", {18, 35, 5},
         "the top leg drops into adduction"},
        {"side-lying-pillow", "Side-lying, pillow between the knees", {2, 35, 0},
         "a pillow keeps the top leg level"},
        {"single-leg-stance", "Single-leg stance", {5, 0, 0, 0},
         "standing on the leg loads the abductors and presses the tendons"},
        {"trendelenburg", "Single-leg stance, weak abductors", {0, 0, 0, 8},
         "the pelvis drops on the lifted side (Trendelenburg sign)"},
    };
    return presets;
}

std::optional<HipPose> findPosePreset(const std::string& name) {
    for (const auto& p : posePresets())
        if (name == p.name) return p.pose;
    return std::nullopt;
}

glm::mat4 femurMotion(const HipPose& pose, const glm::vec3& headCentre) {
    // Pelvic frame: X anterior, Y superior, Z right. For the right hip, flexion swings the
    // knee forward (about +Z), adduction swings it toward the midline (about +X: the distal
    // end goes to -Z), internal rotation turns the front of the thigh inward (about -Y).
    glm::mat4 m = glm::translate(glm::mat4(1.0f), headCentre);
    m = glm::rotate(m, glm::radians(pose.flexion), glm::vec3(0, 0, 1));
    m = glm::rotate(m, glm::radians(pose.adduction), glm::vec3(1, 0, 0));
    m = glm::rotate(m, glm::radians(pose.rotation), glm::vec3(0, -1, 0));
    return glm::translate(m, -headCentre);
}

glm::mat4 pelvisMotion(const HipPose& pose, const glm::vec3& headCentre) {
    // About the anteroposterior axis through the right hip: the left side (negative Z) goes down.
    glm::mat4 m = glm::translate(glm::mat4(1.0f), headCentre);
    m = glm::rotate(m, glm::radians(pose.pelvisDrop), glm::vec3(-1, 0, 0));
    return glm::translate(m, -headCentre);
}

StanceLever stanceLever(const PoseRig& rig, const HipPose& pose) {
    StanceLever l;
    if (!rig.valid) return l;
    const glm::mat4 pelvis = pelvisMotion(pose, rig.headCentre);
    const glm::mat4 femur = femurMotion(pose, rig.headCentre);
    l.hip = rig.headCentre;
    // Body weight acts through the midline above the pelvis (the centre of mass sits in
    // front of the upper sacrum); it tilts with the pelvis.
    l.weightPoint = glm::vec3(pelvis * glm::vec4(rig.headCentre.x, rig.headCentre.y + 170.0f, 0.0f, 1.0f));
    l.trochanter = glm::vec3(femur * glm::vec4(rig.trochanterTip, 1.0f));
    l.crest = glm::vec3(pelvis * glm::vec4(rig.crestLateral, 1.0f));
    l.weightArm = std::fabs(l.hip.z - l.weightPoint.z);
    // Perpendicular distance from the hip centre to the line trochanter -> crest (frontal plane).
    const glm::vec2 a(l.trochanter.z, l.trochanter.y), b(l.crest.z, l.crest.y), h(l.hip.z, l.hip.y);
    const glm::vec2 d = glm::normalize(b - a);
    const glm::vec2 ah = h - a;
    l.abductorArm = std::fabs(ah.x * d.y - ah.y * d.x);
    // Moments about the hip: abductor force x its arm = the weight above the stance hip x its
    // arm. About five sixths of body weight lies above the hip (the stance leg is below it).
    l.forceRatio = l.abductorArm > 1.0f ? (5.0f / 6.0f) * l.weightArm / l.abductorArm : 0.0f;
    return l;
}

namespace {
glm::vec3 lowestCentroid(const TriangleMesh& m, float band, bool highest) {
    float extreme = highest ? -1e30f : 1e30f;
    for (const auto& p : m.positions) extreme = highest ? std::max(extreme, p.y) : std::min(extreme, p.y);
    glm::vec3 sum(0.0f);
    int n = 0;
    for (const auto& p : m.positions)
        if (std::fabs(p.y - extreme) <= band) {
            sum += p;
            ++n;
        }
    return n ? sum / static_cast<float>(n) : glm::vec3(0.0f);
}
}  // namespace

PoseRig makePoseRig(const Scene& rest) {
    PoseRig rig;
    const Structure* femur = rest.find("femur_r");
    const Structure* band = rest.find("iliotibial_band_r");
    const Structure* insertion = rest.find("gluteus_medius_insertion_lateral_r");
    if (!femur || !band || !insertion) return rig;
    // The head centre: the femur's most medial-superior region, approximated by the centroid
    // of the top 20 mm of the femur that lies medial of its lateral half.
    const Bounds fb = femur->mesh.bounds();
    glm::vec3 sum(0.0f);
    int n = 0;
    for (const auto& p : femur->mesh.positions)
        if (p.y > fb.max.y - 45.0f && p.z < fb.centre().z) {
            sum += p;
            ++n;
        }
    if (n == 0) return rig;
    rig.headCentre = sum / static_cast<float>(n);
    // The trochanter: the femur's most lateral point above the lesser trochanter.
    glm::vec3 lateral(0.0f, 0.0f, -1e30f);
    for (const auto& p : femur->mesh.positions)
        if (p.y > rig.headCentre.y - 70.0f && p.z > lateral.z) lateral = p;
    rig.trochanterLevel = lateral.y;
    // The tip: the highest point of the femur lateral of the neck.
    glm::vec3 tip(0.0f, -1e30f, 0.0f);
    for (const auto& p : femur->mesh.positions)
        if (p.z > lateral.z - 25.0f && p.y > tip.y) tip = p;
    rig.trochanterTip = tip;
    rig.bandTop = lowestCentroid(band->mesh, 5.0f, true);
    rig.bandTopPosterior = rig.bandTop;
    if (const Structure* maximus = rest.find("gluteus_maximus_r")) {
        // The most lateral fibres of gluteus maximus above the trochanter join the band.
        glm::vec3 sum(0.0f);
        int count = 0;
        const Bounds mb = maximus->mesh.bounds();
        for (const auto& p : maximus->mesh.positions)
            if (p.z > mb.max.z - 25.0f && p.y > lateral.y + 20.0f) {
                sum += p;
                ++count;
            }
        if (count) rig.bandTopPosterior = sum / static_cast<float>(count);
    }
    rig.bandBottom = lowestCentroid(band->mesh, 5.0f, false);
    // The tendon surface: the lateral insertion's most lateral point.
    glm::vec3 tendon(0.0f, 0.0f, -1e30f);
    for (const auto& p : insertion->mesh.positions)
        if (p.z > tendon.z) tendon = p;
    rig.tendonSurface = tendon;
    // The middle of the iliac crest: the hip bone's most lateral point above the hip.
    if (const Structure* hip = rest.find("hip_bone_r")) {
        glm::vec3 crest(0.0f, 0.0f, -1e30f);
        for (const auto& p : hip->mesh.positions)
            if (p.y > rig.headCentre.y + 60.0f && p.z > crest.z) crest = p;
        rig.crestLateral = crest;
    }
    rig.valid = true;
    return rig;
}

float femurWeight(const PoseRig& rig, const glm::vec3& p, const Structure& s) {
    if (s.side == Side::Left) return 0.0f;
    if (s.layer == Layer::Bone) return s.id == "femur_r" ? 1.0f : 0.0f;
    // Insertions and bursae sit on the trochanter: they move with it.
    if (s.layer == Layer::Tendon && s.id != "iliotibial_band_r") return 1.0f;
    if (s.layer == Layer::Bursa) return 1.0f;
    // Soft tissue: a ramp from 25 mm above the trochanter tip (pelvis) to 70 mm below (thigh).
    const float top = rig.trochanterLevel + 25.0f, bottom = rig.trochanterLevel - 70.0f;
    float w = std::clamp((top - p.y) / (top - bottom), 0.0f, 1.0f);
    w = w * w * (3.0f - 2.0f * w);
    // The skin is one mesh for both legs: only its right side follows, fading at the midline
    // (the stretch this leaves in the groin in deep flexion is a known limit of the blend).
    if (s.layer == Layer::Skin) w *= std::clamp((p.z - 10.0f) / 50.0f, 0.0f, 1.0f);
    return w;
}

void poseScene(const Scene& rest, const PoseRig& rig, const HipPose& pose, Scene& posed) {
    const glm::mat4 motion = femurMotion(pose, rig.headCentre);
    const glm::mat3 rotation(motion);
    const glm::mat4 pelvis = pelvisMotion(pose, rig.headCentre);
    const glm::mat3 pelvisRotation(pelvis);
    const bool tilted = pose.pelvisDrop != 0.0f;
    for (const auto& s : rest.structures()) {
        Structure out = s;
        bool moved = false;
        for (std::size_t i = 0; i < out.mesh.positions.size(); ++i) {
            const float w = femurWeight(rig, s.mesh.positions[i], s);
            if (w <= 0.0f && !tilted) continue;
            moved = true;
            const glm::vec3 p = s.mesh.positions[i];
            // Linear blend of the pelvis-carried and femur-carried positions; normals likewise.
            const glm::vec3 onPelvis = glm::vec3(pelvis * glm::vec4(p, 1.0f));
            out.mesh.positions[i] = glm::mix(onPelvis, glm::vec3(motion * glm::vec4(p, 1.0f)), w);
            if (i < out.mesh.normals.size())
                out.mesh.normals[i] = glm::normalize(
                    glm::mix(pelvisRotation * s.mesh.normals[i], rotation * s.mesh.normals[i], w));
            if (i < out.mesh.fibres.size())
                out.mesh.fibres[i] = glm::normalize(
                    glm::mix(pelvisRotation * s.mesh.fibres[i], rotation * s.mesh.fibres[i], w));
        }
        const Structure* current = posed.find(s.id);
        // Unmoved structures keep their revision: nothing to re-upload.
        if (moved || !current) posed.add(std::move(out));
    }
    for (const auto& [name, at] : rest.landmarks()) {
        Structure probe;  // landmarks on the skin follow the skin's weights
        probe.layer = Layer::Skin;
        const float w = femurWeight(rig, at, probe);
        posed.setLandmark(name, glm::mix(glm::vec3(pelvis * glm::vec4(at, 1.0f)),
                                         glm::vec3(motion * glm::vec4(at, 1.0f)), w));
    }
}

Compression measureCompression(const PoseRig& rig, const HipPose& pose) {
    Compression result;
    if (!rig.valid) return result;
    const glm::mat4 motion = femurMotion(pose, rig.headCentre);
    const glm::vec3 b = glm::vec3(motion * glm::vec4(rig.bandBottom, 1.0f));     // knee
    const glm::vec3 t = glm::vec3(motion * glm::vec4(rig.tendonSurface, 1.0f));  // trochanter
    // Outward from the femur at the trochanter: the way the band would have to move to clear it.
    const glm::vec3 shaftAxis = glm::normalize(glm::mat3(motion) * glm::vec3(0.0f, -1.0f, 0.0f));
    glm::vec3 outward = t - rig.headCentre;
    outward = glm::normalize(outward - shaftAxis * glm::dot(outward, shaftAxis));
    // The front and back edges of the sheet, each drawn straight from pelvis to knee; the
    // measure is the larger of the two.
    for (const glm::vec3& a : {rig.bandTop, rig.bandTopPosterior}) {
        const glm::vec3 ab = b - a;
        const float s = std::clamp(glm::dot(t - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
        const glm::vec3 closest = a + ab * s;
        const float indentation = std::max(0.0f, glm::dot(t - closest, outward));
        if (indentation > result.indentation) {
            result.indentation = indentation;
            const glm::vec3 up = glm::normalize(t - a), down = glm::normalize(b - t);
            result.wrapAngle = glm::degrees(std::acos(std::clamp(glm::dot(up, down), -1.0f, 1.0f)));
        }
    }
    return result;
}

}  // namespace medius
