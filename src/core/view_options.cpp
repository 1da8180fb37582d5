#include "core/view_options.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace medius {

const std::vector<ViewOptionSpec>& viewOptionTable() {
    static const std::vector<ViewOptionSpec> table = {
        {"view", "camera view preset", &ViewOptions::view, 0, 0,
         {"anterior", "posterior", "lateral", "medial", "superior", "inferior"}},
        {"msaa", "multisample anti-aliasing samples per pixel (1 = off)", &ViewOptions::msaa, 1,
         16, {}},
        {"ui-scale", "user interface scale on top of the monitor's content scale",
         &ViewOptions::uiScale, 0.5, 3.0, {}},
        {"vsync", "wait for the display's vertical refresh", &ViewOptions::vsync, 0, 0, {}},
        {"simplify-while-moving",
         "draw simplified meshes while the camera moves (full detail as soon as it stops)",
         &ViewOptions::simplifyWhileMoving, 0, 0, {}},
        {"background-gradient", "subtle vertical background gradient",
         &ViewOptions::backgroundGradient, 0, 0, {}},
        {"rim-light", "rim light that separates silhouettes from the background",
         &ViewOptions::rimLight, 0, 0, {}},
        {"ambient-occlusion",
         "screen-space ambient occlusion in creases and contacts (still frames only)",
         &ViewOptions::ambientOcclusion, 0, 0, {}},
        {"tissue-materials",
         "a material per tissue: matte bone, sheen on muscle, glossy tendon, translucent bursa, "
         "yellow nerve cord (still frames only)",
         &ViewOptions::tissueMaterials, 0, 0, {}},
        {"striation", "muscle fascicles striped along their fibre direction (still frames only)",
         &ViewOptions::striation, 0, 0, {}},
        {"exposure", "overall brightness multiplier", &ViewOptions::exposure, 0.25, 4.0, {}},
        {"xray", "X-ray: everything but the selection and the condition's structures see-through",
         &ViewOptions::xray, 0, 0, {}},
        {"theme", "dark, or projector: high contrast and larger type", &ViewOptions::theme, 0, 0,
         {"dark", "projector"}},
        {"transparency",
         "sorted (back to front, structure by structure) or weighted (order-independent, also "
         "where translucent structures pass through each other)",
         &ViewOptions::transparency, 0, 0, {"sorted", "weighted"}},
        {"turntable", "rotate slowly about the vertical axis", &ViewOptions::turntable, 0, 0, {}},
        {"laser-pointer", "a bright red dot in place of the cursor over the model",
         &ViewOptions::laserPointer, 0, 0, {}},
        {"pose", "posture of the right hip: a preset, or custom for the angles below",
         &ViewOptions::pose, 0, 0,
         {"standing", "hanging-on-hip", "crossed-legs", "side-lying-painful", "side-lying-other",
          "side-lying-pillow", "single-leg-stance", "trendelenburg", "custom"}},
        {"hip-adduction", "custom pose: adduction in degrees (negative abducts)",
         &ViewOptions::hipAdduction, -30.0, 40.0, {}},
        {"hip-flexion", "custom pose: flexion in degrees (negative extends)", &ViewOptions::hipFlexion,
         -20.0, 110.0, {}},
        {"hip-rotation", "custom pose: internal rotation in degrees (negative rotates out)",
         &ViewOptions::hipRotation, -40.0, 40.0, {}},
        {"labels", "leader-line labels on the condition's structures and the selection",
         &ViewOptions::labels, 0, 0, {}},
        {"section", "clipping plane with capped cut surfaces", &ViewOptions::section, 0, 0,
         {"off", "coronal", "sagittal", "transverse"}},
        {"section-offset", "position of the clipping plane along its normal, in mm",
         &ViewOptions::sectionOffset, -1200.0, 400.0, {}},
        {"section-flip", "keep the other side of the clipping plane", &ViewOptions::sectionFlip, 0, 0,
         {}},
        {"left-sidebar", "the left sidebar (conditions, structures, tours) open; false collapses it",
         &ViewOptions::leftSidebar, 0, 0, {}},
        {"right-sidebar",
         "the right sidebar (structure card, condition, posture, bookmarks) open; false collapses it",
         &ViewOptions::rightSidebar, 0, 0, {}},
        {"left-sidebar-width", "width of the left sidebar in ems (font sizes)",
         &ViewOptions::leftSidebarWidth, 12.0, 60.0, {}},
        {"right-sidebar-width", "width of the right sidebar in ems (font sizes)",
         &ViewOptions::rightSidebarWidth, 12.0, 60.0, {}},
    };
    return table;
}

std::optional<glm::vec4> sectionPlane(const ViewOptions& options) {
    glm::vec3 normal(0.0f);
    if (options.section == "coronal") normal = {1.0f, 0.0f, 0.0f};
    else if (options.section == "sagittal") normal = {0.0f, 0.0f, 1.0f};
    else if (options.section == "transverse") normal = {0.0f, 1.0f, 0.0f};
    else return std::nullopt;
    if (options.sectionFlip) normal = -normal;
    const float offset = options.sectionFlip ? -options.sectionOffset : options.sectionOffset;
    // Kept: dot(normal, p) <= offset, i.e. clip distance offset - dot(normal, p) >= 0.
    return glm::vec4(-normal, offset);
}

const ViewOptionSpec* findViewOption(std::string_view name) {
    for (const auto& spec : viewOptionTable())
        if (name == spec.name) return &spec;
    return nullptr;
}

namespace {

std::string rangeText(const ViewOptionSpec& spec) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "a number from %g to %g", spec.min, spec.max);
    return buf;
}

template <typename T>
bool parseNumber(std::string_view text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

}  // namespace

bool setViewOption(ViewOptions& options, std::string_view name, std::string_view text,
                   std::string& error) {
    const ViewOptionSpec* spec = findViewOption(name);
    if (!spec) {
        error = "unknown view option '" + std::string(name) + "'";
        return false;
    }
    const std::string prefix = "'" + std::string(text) + "' ";
    return std::visit(
        [&](auto member) -> bool {
            using T = std::remove_cvref_t<decltype(options.*member)>;
            if constexpr (std::is_same_v<T, std::string>) {
                if (!spec->choices.empty()) {
                    bool ok = false;
                    std::string list;
                    for (const char* c : spec->choices) {
                        ok = ok || text == c;
                        list += list.empty() ? c : std::string(", ") + c;
                    }
                    if (!ok) {
                        error = prefix + "is not one of " + list;
                        return false;
                    }
                }
                options.*member = std::string(text);
                return true;
            } else if constexpr (std::is_same_v<T, bool>) {
                if (text == "true" || text == "on" || text == "1" || text == "yes") {
                    options.*member = true;
                } else if (text == "false" || text == "off" || text == "0" || text == "no") {
                    options.*member = false;
                } else {
                    error = prefix + "is not true or false";
                    return false;
                }
                return true;
            } else {
                T value{};
                if (!parseNumber(text, value) || !std::isfinite(static_cast<double>(value)) ||
                    value < spec->min || value > spec->max) {
                    error = prefix + "is not " + rangeText(*spec);
                    return false;
                }
                options.*member = value;
                return true;
            }
        },
        spec->field);
}

std::string getViewOption(const ViewOptions& options, const ViewOptionSpec& spec) {
    return std::visit(
        [&](auto member) -> std::string {
            using T = std::remove_cvref_t<decltype(options.*member)>;
            if constexpr (std::is_same_v<T, std::string>) {
                return options.*member;
            } else if constexpr (std::is_same_v<T, bool>) {
                return options.*member ? "true" : "false";
            } else {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%g", static_cast<double>(options.*member));
                return buf;
            }
        },
        spec.field);
}

}  // namespace medius
