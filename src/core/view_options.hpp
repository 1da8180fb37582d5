#pragma once
// One declarative table of view options (F3D's options.json idea). The
// command line, the settings file and the View panel are all generated from
// kViewOptionTable, so an option is added in exactly one place.
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace medius {

struct ViewOptions {
    std::string view = "anterior";  // camera preset, see parseViewPreset
    int msaa = 4;                   // samples per pixel
    float uiScale = 1.0f;           // multiplies the monitor's content scale
    bool vsync = true;
    bool simplifyWhileMoving = true;  // simplified meshes while the camera moves
    // "sorted": translucent structures back to front, each whole; "weighted": weighted
    // blended order-independent transparency, right where translucent structures interpenetrate.
    std::string transparency = "sorted";
    bool backgroundGradient = true;
    bool rimLight = true;
    // Shading with depth (issue 13): still frames only, so moving frames cost what they did.
    bool ambientOcclusion = true;  // screen-space, from the opaque depth
    bool tissueMaterials = true;   // a surface response per layer: matte bone, glossy tendon...
    bool striation = true;         // muscle fascicles drawn along the mesh's fibre directions
    float exposure = 1.0f;
    bool xray = false;  // everything but the selection see-through
    bool labels = true;  // leader-line labels for the condition's structures and the selection
    std::string theme = "dark";  // "projector": high contrast and larger type for a hall
    bool turntable = false;      // slow automatic rotation, for a display stand or a lecture
    bool laserPointer = false;   // a bright dot in place of the cursor over the model
    // The right hip's posture: a preset, or "custom" for the three angles below.
    std::string pose = "standing";
    float hipAdduction = 0.0f;  // degrees, negative is abduction
    float hipFlexion = 0.0f;    // degrees
    float hipRotation = 0.0f;   // degrees, positive is internal
    // A clipping plane with capped cut surfaces. Coronal keeps what is behind
    // X = offset, sagittal what is medial to Z = offset, transverse what is below
    // Y = offset; section-flip keeps the other side.
    std::string section = "off";
    float sectionOffset = 0.0f;  // mm along the plane's normal in the pelvic frame
    bool sectionFlip = false;
    // The docked layout: each sidebar open or collapsed to a strip, and its width in ems
    // (so it follows the UI scale); see core/panel_layout.hpp.
    bool leftSidebar = true;
    bool rightSidebar = true;
    float leftSidebarWidth = 19.0f;
    float rightSidebarWidth = 29.0f;
};

struct ViewOptionSpec {
    const char* name;  // used as --name on the command line and name = in settings
    const char* help;
    std::variant<std::string ViewOptions::*, int ViewOptions::*, float ViewOptions::*,
                 bool ViewOptions::*>
        field;
    double min = 0.0, max = 0.0;       // numeric range (inclusive)
    std::vector<const char*> choices;  // allowed strings; empty means any
};

const std::vector<ViewOptionSpec>& viewOptionTable();

// The clip plane (a, b, c, d): points with a*x + b*y + c*z + d >= 0 are kept.
// Nullopt when the section is off.
std::optional<glm::vec4> sectionPlane(const ViewOptions& options);
const ViewOptionSpec* findViewOption(std::string_view name);

// Parses `text` into the named option. On failure returns false and sets
// `error` to a sentence naming the bad value and the accepted ones; the
// caller adds where it came from (a flag, a settings file and line).
bool setViewOption(ViewOptions& options, std::string_view name, std::string_view text,
                   std::string& error);
std::string getViewOption(const ViewOptions& options, const ViewOptionSpec& spec);

}  // namespace medius
