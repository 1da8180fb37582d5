#pragma once
// Posing the right hip: the femur turns about the femoral head centre, and what
// hangs from it (muscles, tendons, bursae, the iliotibial band, the skin) follows
// with weights set by how near each point lies to the femur and to the pelvis (or the
// left leg): what lies on the femur follows it fully, what lies on the pelvis stays, and
// only tissue between the two blends. The blend turns each point part of the way about
// the head centre (both motions are turns about it), so nothing is drawn in toward the
// joint as a linear blend of positions would. And a compression measure:
// how far the iliotibial band, drawn straight from pelvis to knee, would have to
// pass into the tendon layer over the greater trochanter (it cannot, so it presses).
#include <glm/glm.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/structure.hpp"

namespace medius {

enum class BodyOrientation { Upright, Supine, SideLying };

struct HipPose {
    float adduction = 0.0f;  // degrees; negative is abduction
    float flexion = 0.0f;    // degrees; negative is extension
    float rotation = 0.0f;   // degrees; positive is internal rotation
    // Standing on the right leg: how far the pelvis tilts down on the left, the lifted side
    // (a positive Trendelenburg sign when the abductors are weak).
    float pelvisDrop = 0.0f;
    // The rest of the body an exercise needs (issue 15), all zero in the posture presets.
    float leftAdduction = 0.0f;  // the left hip, same senses as the right (negative abducts)
    float leftFlexion = 0.0f;
    float leftRotation = 0.0f;
    float kneeFlexion = 0.0f;      // right knee, degrees: the leg below the knee swings back
    float leftKneeFlexion = 0.0f;  // left knee
    float pelvicTilt = 0.0f;       // degrees; positive tilts the pelvis forward (about the hips' axis)
    // The whole body as one rigid piece: lying on the back, on the left side (the right hip
    // up), and a pitch about the hips' axis (a bridge lifts the pelvis off the floor).
    BodyOrientation body = BodyOrientation::Upright;
    float bodyPitch = 0.0f;  // degrees
    bool operator==(const HipPose&) const = default;
};
// The pose's fields blended: a + (b - a) * t, the body orientation taken from `a`.
HipPose mixPoses(const HipPose& a, const HipPose& b, float t);
// The rigid placement of the whole posed body (pelvic frame to the shown frame).
glm::mat4 bodyMotion(const HipPose& pose, const glm::vec3& headCentre);

struct PosePreset {
    const char* name;   // command-line name, e.g. "crossed-legs"
    const char* label;  // what the menu says
    HipPose pose;
    const char* why;    // the advice it illustrates
};
const std::vector<PosePreset>& posePresets();
std::optional<HipPose> findPosePreset(const std::string& name);

// The rigid motion of the right femur for a pose, about the head centre (pelvic frame).
glm::mat4 femurMotion(const HipPose& pose, const glm::vec3& headCentre);
// The pelvis (and all it carries) tilting about the right hip for a pelvic drop.
glm::mat4 pelvisMotion(const HipPose& pose, const glm::vec3& headCentre);



struct PoseBones;  // hip_pose.cpp: nearest-point grids of the bones and cached weights

// The rest geometry and what a pose needs to know about it.
struct PoseRig {
    glm::vec3 headCentre{0.0f};
    float trochanterLevel = 0.0f;  // Y of the greater trochanter's tip
    // The iliotibial band's proximal end (fixed to the pelvis) and distal end (moves with
    // the femur), and the lateral surface of the tendon layer over the trochanter.
    glm::vec3 bandTop{0.0f}, bandBottom{0.0f}, tendonSurface{0.0f};
    // The band is a sheet: tensor fasciae latae pulls it from the front, the upper gluteus
    // maximus from behind. In flexion the back of the sheet is what crosses the trochanter.
    glm::vec3 bandTopPosterior{0.0f};
    glm::vec3 trochanterTip{0.0f};  // where the abductors pull from
    glm::vec3 crestLateral{0.0f};   // where they pull toward (middle of the iliac crest)
    // Distances to the right femur and to what stays with the pelvis (the pelvic bones, the
    // spine, the left femur), and the per-vertex weights of the rest scene worked out from them.
    std::shared_ptr<const PoseBones> bones;
    glm::vec3 leftHeadCentre{0.0f};  // the left femur's head centre (the left hip turns about it)
    bool valid = false;
};
// Reads the rig off the right femur, iliotibial band and lateral insertion of a scene.
// The per-vertex weights (about 0.2 s for the default scene) only with `withWeights`: the
// app reads the cheap part at start-up and the weights when a posture is first chosen.
PoseRig makePoseRig(const Scene& rest, bool withWeights = true);

// How much a vertex follows the femur: 1 on and around the right femur (the skin of the whole
// right thigh and leg, inner thigh included), 0 on the pelvis and on the left side, smooth
// between, by the distances to the femur and to the nearest bone that stays with the pelvis.
// `layer` matters: bone moves rigidly (femur 1, others 0); the insertions and bursae on the
// trochanter, and the femoral head cartilage, follow the femur fully.
float femurWeight(const PoseRig& rig, const glm::vec3& p, const Structure& s);
// The same for the left femur (mirror roles: the right femur stays with the pelvis).
float leftFemurWeight(const PoseRig& rig, const glm::vec3& p, const Structure& s);

// Writes the posed scene: same structures, soft tissue and skin of both legs deformed, the
// legs below the knees bent, and the whole body placed by `pose.body` and `bodyPitch`.
void poseScene(const Scene& rest, const PoseRig& rig, const HipPose& pose, Scene& posed);

// Millimetres by which the straight band would pass medial to the tendon surface
// (0 when it clears it), and the angle in degrees by which the band bends around it.
struct Compression {
    float indentation = 0.0f;
    float wrapAngle = 0.0f;
};
Compression measureCompression(const PoseRig& rig, const HipPose& pose);

// Single-leg stance on the right leg, as a lever about the hip: body weight acts down the
// midline; the abductors (gluteus medius) pull from the trochanter to the iliac crest.
struct StanceLever {
    glm::vec3 hip, weightPoint, trochanter, crest;  // posed, pelvic frame
    float weightArm = 0.0f;     // mm: hip centre to the line of body weight
    float abductorArm = 0.0f;   // mm: hip centre to the abductors' line of pull
    float forceRatio = 0.0f;    // abductor force needed, in body weights, to keep the pelvis level
};
StanceLever stanceLever(const PoseRig& rig, const HipPose& pose);

}  // namespace medius
