#pragma once
// Posing the right hip: the femur turns about the femoral head centre, and what
// hangs from it (muscles, tendons, bursae, the iliotibial band, the skin) follows
// with weights that fade from the thigh to the pelvis. And a compression measure:
// how far the iliotibial band, drawn straight from pelvis to knee, would have to
// pass into the tendon layer over the greater trochanter (it cannot, so it presses).
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/structure.hpp"

namespace medius {

struct HipPose {
    float adduction = 0.0f;  // degrees; negative is abduction
    float flexion = 0.0f;    // degrees; negative is extension
    float rotation = 0.0f;   // degrees; positive is internal rotation
    // Standing on the right leg: how far the pelvis tilts down on the left, the lifted side
    // (a positive Trendelenburg sign when the abductors are weak).
    float pelvisDrop = 0.0f;
    bool operator==(const HipPose&) const = default;
};

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
    bool valid = false;
};
// Reads the rig off the right femur, iliotibial band and lateral insertion of a scene.
PoseRig makePoseRig(const Scene& rest);

// How much a vertex follows the femur: 1 on the thigh, 0 on the pelvis and on the left side,
// smooth between. `layer` matters: bone moves rigidly (femur 1, others 0).
float femurWeight(const PoseRig& rig, const glm::vec3& p, const Structure& s);

// Writes the posed scene: same structures, right-side soft tissue and skin deformed.
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
