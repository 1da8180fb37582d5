#include "core/hip_pose.hpp"

#include <algorithm>
#include <cmath>
#include <glm/common.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <unordered_map>

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
    // A forward tilt turns it about the axis through both hips (Z): the front goes down.
    glm::mat4 m = glm::translate(glm::mat4(1.0f), headCentre);
    m = glm::rotate(m, glm::radians(pose.pelvisDrop), glm::vec3(-1, 0, 0));
    m = glm::rotate(m, glm::radians(pose.pelvicTilt), glm::vec3(0, 0, -1));
    return glm::translate(m, -headCentre);
}

namespace {
// The left hip in the pelvis's own frame, about its head centre: the mirror of femurMotion
// (the left knee goes to +Z, toward the midline, in adduction; internal rotation about +Y).
glm::mat4 leftHipTurn(const HipPose& pose, const glm::vec3& centre) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), centre);
    m = glm::rotate(m, glm::radians(pose.leftFlexion), glm::vec3(0, 0, 1));
    m = glm::rotate(m, glm::radians(pose.leftAdduction), glm::vec3(-1, 0, 0));
    m = glm::rotate(m, glm::radians(pose.leftRotation), glm::vec3(0, 1, 0));
    return glm::translate(m, -centre);
}
}  // namespace

glm::mat4 bodyMotion(const HipPose& pose, const glm::vec3& headCentre) {
    // About the point midway between the hips (on the midline at the right hip's height).
    const glm::vec3 centre(headCentre.x, headCentre.y, 0.0f);
    glm::mat4 m = glm::translate(glm::mat4(1.0f), centre);
    if (pose.body == BodyOrientation::Supine)
        m = glm::rotate(m, glm::radians(90.0f), glm::vec3(0, 0, 1));  // the front faces up
    else if (pose.body == BodyOrientation::SideLying)
        m = glm::rotate(m, glm::radians(-90.0f), glm::vec3(1, 0, 0));  // the right side faces up
    m = glm::rotate(m, glm::radians(pose.bodyPitch), glm::vec3(0, 0, 1));
    return glm::translate(m, -centre);
}

HipPose mixPoses(const HipPose& a, const HipPose& b, float t) {
    const auto mix = [t](float x, float y) { return x + (y - x) * t; };
    HipPose p = a;
    p.adduction = mix(a.adduction, b.adduction);
    p.flexion = mix(a.flexion, b.flexion);
    p.rotation = mix(a.rotation, b.rotation);
    p.pelvisDrop = mix(a.pelvisDrop, b.pelvisDrop);
    p.leftAdduction = mix(a.leftAdduction, b.leftAdduction);
    p.leftFlexion = mix(a.leftFlexion, b.leftFlexion);
    p.leftRotation = mix(a.leftRotation, b.leftRotation);
    p.kneeFlexion = mix(a.kneeFlexion, b.kneeFlexion);
    p.leftKneeFlexion = mix(a.leftKneeFlexion, b.leftKneeFlexion);
    p.pelvicTilt = mix(a.pelvicTilt, b.pelvicTilt);
    p.bodyPitch = mix(a.bodyPitch, b.bodyPitch);
    return p;
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

// Nearest-vertex distance to a set of bone meshes, through a k-d tree of their vertices (the
// bones' vertices lie a few mm apart: close enough to the surface distance for weights, and
// exact nearest points keep the weights continuous).
class BoneDistance {
public:
    // One point per `cell` mm voxel is kept: the distances change by less than a cell, and the
    // queries, exact on what is kept, stay continuous (and fast: far queries visit many points).
    void build(const std::vector<glm::vec3>& points, float cell) {
        std::unordered_map<std::uint64_t, glm::vec3> kept;
        for (const auto& p : points) {
            const glm::ivec3 c = glm::ivec3(glm::floor(p / cell)) + 0x100000;
            const std::uint64_t key = (static_cast<std::uint64_t>(c.x) << 42) |
                                      (static_cast<std::uint64_t>(c.y) << 21) | static_cast<std::uint64_t>(c.z);
            kept.emplace(key, p);
        }
        points_.clear();
        for (const auto& [key, p] : kept) points_.push_back(p);
        std::sort(points_.begin(), points_.end(), [](const glm::vec3& u, const glm::vec3& v) {
            return u.x != v.x ? u.x < v.x : (u.y != v.y ? u.y < v.y : u.z < v.z);
        });  // the same tree whatever the hash order
        axis_.assign(points_.size(), 0);
        split(0, points_.size());
    }
    float distance(const glm::vec3& p, float limit) const {
        float best2 = limit * limit;
        nearest(0, points_.size(), p, best2);
        return std::sqrt(best2);
    }

private:
    void split(std::size_t lo, std::size_t hi) {
        if (hi - lo <= 1) return;
        Bounds b;
        for (std::size_t i = lo; i < hi; ++i) b.extend(points_[i]);
        const glm::vec3 size = b.max - b.min;
        const int axis = size.x >= size.y && size.x >= size.z ? 0 : (size.y >= size.z ? 1 : 2);
        const std::size_t mid = (lo + hi) / 2;
        std::nth_element(points_.begin() + lo, points_.begin() + mid, points_.begin() + hi,
                         [axis](const glm::vec3& u, const glm::vec3& v) { return u[axis] < v[axis]; });
        axis_[mid] = static_cast<std::uint8_t>(axis);
        split(lo, mid);
        split(mid + 1, hi);
    }
    void nearest(std::size_t lo, std::size_t hi, const glm::vec3& p, float& best2) const {
        if (lo >= hi) return;
        const std::size_t mid = (lo + hi) / 2;
        const glm::vec3 d = points_[mid] - p;
        best2 = std::min(best2, glm::dot(d, d));
        const float off = p[axis_[mid]] - points_[mid][axis_[mid]];
        if (off < 0.0f) {
            nearest(lo, mid, p, best2);
            if (off * off < best2) nearest(mid + 1, hi, p, best2);
        } else {
            nearest(mid + 1, hi, p, best2);
            if (off * off < best2) nearest(lo, mid, p, best2);
        }
    }
    std::vector<glm::vec3> points_;
    std::vector<std::uint8_t> axis_;
};
}  // namespace

namespace {
float smooth01(float x) { return glm::smoothstep(0.0f, 1.0f, x); }
// The skin in a flexed hip: the thigh's skin goes with the femur whole (from a twentieth of the
// way down the femur, where the distances already side with it: otherwise the front of the
// femur, swinging up, passes through the groin's skin, and the knee's skin, a few percent
// behind, is passed by the condyles), and what is mostly the pelvis's or the left leg's stays
// put (a tenth of an 80 degree turn would carry the back of the left thigh into its femur).
// Upright the distance weights stand: there the right knee's inner skin, a little behind
// the femur, keeps clear of the left knee when the hip adducts. Skin that is a quarter the
// femur's or more starts to go with it: from a third, the female groin's skin just medial of the
// femur stayed behind when the legs crossed, and the femur passed 1.2 mm through it.
float skinWeight(float w, float along, const HipPose& pose) {
    const float flexed = smooth01(std::fabs(pose.flexion) / 60.0f);
    if (flexed <= 0.0f) return w;
    float sharp = w + (1.0f - w) * smooth01((along - 0.05f) / 0.2f) * smooth01((w - 0.25f) / 0.3f);
    sharp *= smooth01((w - 0.1f) / 0.2f);
    return w + flexed * (sharp - w);
}
}  // namespace

struct PoseBones {
    // The right femur and its leg (what moves), and what stays with the pelvis: the pelvic
    // bones, the spine, the left femur and its leg. The legs below the knee have no bones in
    // the model (the skin does go to the feet): a line of points down each leg stands in.
    BoneDistance femur, fixed;
    glm::vec3 knee{0.0f};  // the middle of the right femur's condyles
    // The same for the left leg: the left femur and its leg move, the rest stays.
    BoneDistance leftFemur, leftFixed;
    glm::vec3 leftKnee{0.0f};
    // How far down the femur's axis a point lies (0 at the head centre, 1 at the knee).
    float along(const glm::vec3& p, const glm::vec3& head) const {
        const glm::vec3 axis = knee - head;
        return glm::dot(p - head, axis) / glm::dot(axis, axis);
    }
    // The weights of the rest scene's vertices, by structure id (worked out once).
    std::unordered_map<std::string, std::vector<float>> weights, leftWeights;
};

PoseRig makePoseRig(const Scene& rest, bool withWeights) {
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
    // The left head centre the same way (its medial side is +Z); the mirror when there is none.
    rig.leftHeadCentre = glm::vec3(rig.headCentre.x, rig.headCentre.y, -rig.headCentre.z);
    if (const Structure* left = rest.find("femur_l")) {
        const Bounds lb = left->mesh.bounds();
        glm::vec3 lsum(0.0f);
        int ln = 0;
        for (const auto& p : left->mesh.positions)
            if (p.y > lb.max.y - 45.0f && p.z > lb.centre().z) {
                lsum += p;
                ++ln;
            }
        if (ln) rig.leftHeadCentre = lsum / static_cast<float>(ln);
    }
    if (!withWeights) {
        rig.valid = true;  // enough for the compression measure, the lever and the panel
        return rig;
    }
    auto bones = std::make_shared<PoseBones>();
    std::vector<glm::vec3> moving = femur->mesh.positions, fixed;
    for (const auto& s : rest.structures())
        if (s.layer == Layer::Bone && s.id != "femur_r")
            fixed.insert(fixed.end(), s.mesh.positions.begin(), s.mesh.positions.end());
    // Each leg below the knee: a line from the middle of the femur's condyles to the middle of
    // the lowest part of the skin on that side (the foot).
    const Structure* skin = rest.find("skin");
    const auto legLine = [&](const Structure* bone, std::vector<glm::vec3>& into) {
        if (!bone || !skin) return;
        const glm::vec3 knee = lowestCentroid(bone->mesh, 25.0f, false);
        const float side = knee.z;
        float lowest = 1e30f;
        for (const auto& p : skin->mesh.positions)
            if (p.z * side > 0.0f) lowest = std::min(lowest, p.y);
        glm::vec3 sum(0.0f);
        int count = 0;
        for (const auto& p : skin->mesh.positions)
            if (p.z * side > 0.0f && p.y < lowest + 60.0f) {
                sum += p;
                ++count;
            }
        if (!count) return;
        const glm::vec3 foot = sum / static_cast<float>(count);
        const int steps = static_cast<int>(glm::length(foot - knee) / 3.0f);
        for (int i = 1; i <= steps; ++i) into.push_back(glm::mix(knee, foot, static_cast<float>(i) / steps));
    };
    bones->knee = lowestCentroid(femur->mesh, 25.0f, false);
    // The left leg's roles are the mirror: the left femur and its leg move, and the pelvis, the
    // spine and the right femur and leg stay.
    const Structure* leftFemur = rest.find("femur_l");
    std::vector<glm::vec3> leftMoving, leftFixed;
    for (const auto& s : rest.structures())
        if (s.layer == Layer::Bone && s.id != "femur_l")
            leftFixed.insert(leftFixed.end(), s.mesh.positions.begin(), s.mesh.positions.end());
    if (leftFemur) {
        leftMoving = leftFemur->mesh.positions;
        bones->leftKnee = lowestCentroid(leftFemur->mesh, 25.0f, false);
    }
    legLine(femur, moving);
    legLine(femur, leftFixed);
    legLine(leftFemur, fixed);
    legLine(leftFemur, leftMoving);
    bones->femur.build(moving, 4.0f);
    bones->fixed.build(fixed, 4.0f);
    bones->leftFemur.build(leftMoving, 4.0f);
    bones->leftFixed.build(leftFixed, 4.0f);
    rig.bones = bones;
    rig.valid = true;
    // The weights of every vertex that may follow a femur, once: posing then only turns.
    for (const auto& s : rest.structures()) {
        if (s.layer == Layer::Bone) continue;
        if (s.side != Side::Left) {
            std::vector<float> w(s.mesh.positions.size());
            for (std::size_t i = 0; i < w.size(); ++i) w[i] = femurWeight(rig, s.mesh.positions[i], s);
            bones->weights.emplace(s.id, std::move(w));
        }
        if (s.side != Side::Right && leftFemur) {
            std::vector<float> w(s.mesh.positions.size());
            for (std::size_t i = 0; i < w.size(); ++i) w[i] = leftFemurWeight(rig, s.mesh.positions[i], s);
            bones->leftWeights.emplace(s.id, std::move(w));
        }
    }
    return rig;
}

namespace {
void poseRightHip(const Scene& rest, const PoseRig& rig, const HipPose& pose, Scene& posed);
}

float femurWeight(const PoseRig& rig, const glm::vec3& p, const Structure& s) {
    if (s.side == Side::Left) return 0.0f;
    if (s.layer == Layer::Bone) return s.id == "femur_r" ? 1.0f : 0.0f;
    // Insertions and bursae sit on the trochanter: they move with it; so does the cartilage
    // on the femoral head.
    if (s.layer == Layer::Tendon && s.id != "iliotibial_band_r") return 1.0f;
    if (s.layer == Layer::Bursa) return 1.0f;
    if (s.id == "femoral_head_cartilage_r") return 1.0f;
    if (s.id == "acetabular_cartilage_r") return 0.0f;
    if (!rig.bones) return 0.0f;
    // By distance: the femur's own soft tissue (within a few mm of it) follows it fully, the
    // pelvis's stays; between, the nearer bone counts more. The skin is weighted the same
    // way, so the whole right thigh, inner side included, follows the right femur and the
    // left thigh (nearer the left femur) stays.
    constexpr float kLimit = 400.0f, kAttached = 4.0f;
    const float toFemur = std::max(rig.bones->femur.distance(p, kLimit) - kAttached, 0.0f);
    const float toFixed = std::max(rig.bones->fixed.distance(p, kLimit) - kAttached, 0.0f);
    if (toFemur + toFixed <= 0.0f) return 0.5f;
    const float a = toFixed * toFixed, b = toFemur * toFemur;
    return a / (a + b);
}

float leftFemurWeight(const PoseRig& rig, const glm::vec3& p, const Structure& s) {
    if (s.side == Side::Right) return 0.0f;
    if (s.layer == Layer::Bone) return s.id == "femur_l" ? 1.0f : 0.0f;
    if (s.layer == Layer::Tendon && s.id != "iliotibial_band_l") return 1.0f;
    if (s.layer == Layer::Bursa) return 1.0f;
    if (s.id == "femoral_head_cartilage_l") return 1.0f;
    if (s.id == "acetabular_cartilage_l") return 0.0f;
    if (!rig.bones) return 0.0f;
    constexpr float kLimit = 400.0f, kAttached = 4.0f;
    const float toFemur = std::max(rig.bones->leftFemur.distance(p, kLimit) - kAttached, 0.0f);
    const float toFixed = std::max(rig.bones->leftFixed.distance(p, kLimit) - kAttached, 0.0f);
    if (toFemur + toFixed <= 0.0f) return 0.5f;
    const float a = toFixed * toFixed, b = toFemur * toFemur;
    return a / (a + b);
}

namespace {
// How much of a knee's bend a point takes: none above the knee, all of it below, blended over
// the joint; only what goes with the femur (the leg's own tissue and skin) bends with it.
float kneeWeight(float along, float femurShare) {
    return smooth01((along - 0.94f) / 0.12f) * smooth01((femurShare - 0.5f) / 0.3f);
}
// The knee's flexion axis: lateral (Z), through the condyles a little above their lowest point.
glm::quat kneeTurn(float degrees) { return glm::angleAxis(glm::radians(-degrees), glm::vec3(0, 0, 1)); }
}  // namespace

void poseScene(const Scene& rest, const PoseRig& rig, const HipPose& pose, Scene& posed) {
    // The upright posture presets keep their exact path (and the bytes they produced before).
    const bool extended = pose.leftAdduction != 0.0f || pose.leftFlexion != 0.0f || pose.leftRotation != 0.0f ||
                          pose.kneeFlexion != 0.0f || pose.leftKneeFlexion != 0.0f || pose.pelvicTilt != 0.0f ||
                          pose.body != BodyOrientation::Upright || pose.bodyPitch != 0.0f;
    if (!extended || !rig.bones) {
        poseRightHip(rest, rig, pose, posed);
        return;
    }
    const glm::quat femurTurn = glm::quat_cast(glm::mat3(femurMotion(pose, rig.headCentre)));
    const glm::quat pelvisTurn = glm::quat_cast(glm::mat3(pelvisMotion(pose, rig.headCentre)));
    const glm::mat4 pelvis = pelvisMotion(pose, rig.headCentre);
    const glm::quat leftTurn = glm::quat_cast(glm::mat3(leftHipTurn(pose, rig.leftHeadCentre)));
    const glm::mat4 body = bodyMotion(pose, rig.headCentre);
    const glm::quat bodyTurn = glm::quat_cast(glm::mat3(body));
    const glm::vec3 centre = rig.headCentre, leftCentre = rig.leftHeadCentre;
    const PoseBones& bones = *rig.bones;
    // The knee axes sit 20 mm above the condyles' lowest points (near the centre of their curve).
    const glm::vec3 kneeR = bones.knee + glm::vec3(0, 20, 0), kneeL = bones.leftKnee + glm::vec3(0, 20, 0);
    HipPose leftPose = pose;  // the left's skin weighting reads its flexion as `flexion`
    leftPose.flexion = pose.leftFlexion;
    const auto leftAlong = [&](const glm::vec3& p) {
        const glm::vec3 axis = bones.leftKnee - leftCentre;
        return glm::dot(p - leftCentre, axis) / glm::dot(axis, axis);
    };
    // One point: the knee's bend, then the hip (right or left, whichever femur it follows
    // more), then the whole body. Returns the turn it took (for normals and fibres).
    const auto place = [&](glm::vec3 p, float wr, float wl, bool bone, bool skin, glm::quat& q) {
        const float alongR = bones.along(p, centre), alongL = leftAlong(p);
        if (skin) {
            wr = skinWeight(wr, alongR, pose);
            wl = skinWeight(wl, alongL, leftPose);
        }
        glm::quat knee(1, 0, 0, 0);
        // Most points are wholly the femur's or the pelvis's: no turn to blend for them.
        const auto blend = [](const glm::quat& a, const glm::quat& b, float w) {
            return w <= 0.0f ? a : w >= 1.0f ? b : glm::slerp(a, b, w);
        };
        if (wr >= wl) {
            if (!bone && pose.kneeFlexion != 0.0f) {
                if (const float k = kneeWeight(alongR, wr); k > 0.0f) {
                    knee = kneeTurn(pose.kneeFlexion * k);
                    p = kneeR + knee * (p - kneeR);
                }
            }
            const glm::quat hip = blend(pelvisTurn, femurTurn, wr);
            p = centre + hip * (p - centre);
            q = hip * knee;
        } else {
            if (!bone && pose.leftKneeFlexion != 0.0f) {
                if (const float k = kneeWeight(alongL, wl); k > 0.0f) {
                    knee = kneeTurn(pose.leftKneeFlexion * k);
                    p = kneeL + knee * (p - kneeL);
                }
            }
            const glm::quat hip = blend(glm::quat(1, 0, 0, 0), leftTurn, wl);
            p = glm::vec3(pelvis * glm::vec4(leftCentre + hip * (p - leftCentre), 1.0f));
            q = pelvisTurn * hip * knee;
        }
        q = bodyTurn * q;
        return glm::vec3(body * glm::vec4(p, 1.0f));
    };
    const auto cachedOf = [&](const std::unordered_map<std::string, std::vector<float>>& map, const Structure& s) {
        const auto it = map.find(s.id);
        return it != map.end() && it->second.size() == s.mesh.positions.size() ? &it->second : nullptr;
    };
    for (const auto& s : rest.structures()) {
        Structure out = s;
        const std::vector<float>* right = cachedOf(bones.weights, s);
        const std::vector<float>* left = cachedOf(bones.leftWeights, s);
        const bool bone = s.layer == Layer::Bone, skin = s.layer == Layer::Skin;
        for (std::size_t i = 0; i < out.mesh.positions.size(); ++i) {
            const glm::vec3 p = s.mesh.positions[i];
            const float wr = right ? (*right)[i] : femurWeight(rig, p, s);
            const float wl = left ? (*left)[i] : leftFemurWeight(rig, p, s);
            glm::quat q;
            out.mesh.positions[i] = place(p, wr, wl, bone, skin, q);
            if (i < out.mesh.normals.size()) out.mesh.normals[i] = glm::normalize(q * s.mesh.normals[i]);
            if (i < out.mesh.fibres.size()) out.mesh.fibres[i] = q * s.mesh.fibres[i];
        }
        posed.add(std::move(out));
    }
    for (const auto& [name, at] : rest.landmarks()) {
        Structure probe;  // landmarks on the skin follow the skin's weights
        probe.layer = Layer::Skin;
        glm::quat q;
        posed.setLandmark(name, place(at, femurWeight(rig, at, probe), leftFemurWeight(rig, at, probe), false, true, q));
    }
}

namespace {
// The right hip and the pelvic drop alone: what the posture presets use.
void poseRightHip(const Scene& rest, const PoseRig& rig, const HipPose& pose, Scene& posed) {
    // Both motions are turns about the head centre (the pelvis tilts about an axis through it),
    // so a vertex between the two turns part of the way: the rotations are blended (slerp), not
    // the positions, and each vertex keeps its distance from the joint.
    const glm::quat femurTurn = glm::quat_cast(glm::mat3(femurMotion(pose, rig.headCentre)));
    const glm::quat pelvisTurn = glm::quat_cast(glm::mat3(pelvisMotion(pose, rig.headCentre)));
    const glm::vec3 centre = rig.headCentre;
    const bool tilted = pose.pelvisDrop != 0.0f;
    const auto turn = [&](float w) { return glm::slerp(pelvisTurn, femurTurn, w); };
    for (const auto& s : rest.structures()) {
        Structure out = s;
        bool moved = false;
        const std::vector<float>* cached = nullptr;
        const bool skin = s.layer == Layer::Skin && rig.bones;
        if (rig.bones) {
            const auto it = rig.bones->weights.find(s.id);
            if (it != rig.bones->weights.end() && it->second.size() == s.mesh.positions.size())
                cached = &it->second;
        }
        for (std::size_t i = 0; i < out.mesh.positions.size(); ++i) {
            const glm::vec3 p = s.mesh.positions[i];
            float w = cached ? (*cached)[i] : femurWeight(rig, p, s);
            if (skin) w = skinWeight(w, rig.bones->along(p, centre), pose);
            if (w <= 0.0f && !tilted) continue;
            moved = true;
            const glm::quat q = turn(w);
            out.mesh.positions[i] = centre + q * (p - centre);
            if (i < out.mesh.normals.size()) out.mesh.normals[i] = glm::normalize(q * s.mesh.normals[i]);
            if (i < out.mesh.fibres.size()) out.mesh.fibres[i] = q * s.mesh.fibres[i];  // a turn keeps length
        }
        const Structure* current = posed.find(s.id);
        // Unmoved structures keep their revision: nothing to re-upload.
        if (moved || !current) posed.add(std::move(out));
    }
    for (const auto& [name, at] : rest.landmarks()) {
        Structure probe;  // landmarks on the skin follow the skin's weights
        probe.layer = Layer::Skin;
        float w = femurWeight(rig, at, probe);
        if (rig.bones) w = skinWeight(w, rig.bones->along(at, centre), pose);
        posed.setLandmark(name, centre + turn(w) * (at - centre));
    }
}
}  // namespace

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
