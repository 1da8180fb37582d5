#include "core/share_state.hpp"

#include <cstdio>

namespace medius {

namespace {

bool same(const PainSegment& a, const PainSegment& b) {
    return a.a == b.a && a.b == b.b && a.radius == b.radius && a.intensity == b.intensity &&
           a.referred == b.referred;
}
bool samePain(const std::vector<PainSegment>& a, const std::vector<PainSegment>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}
bool sameCamera(const ShareState& a, const ShareState& b) {
    return a.camera.target == b.camera.target && a.camera.distance == b.camera.distance &&
           a.camera.yaw == b.camera.yaw && a.camera.pitch == b.camera.pitch && a.fovY == b.fovY &&
           a.aspect == b.aspect;
}
bool sameIds(const std::vector<ShareStructure>& a, const std::vector<ShareStructure>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].name != b[i].name || a[i].patientName != b[i].patientName ||
            a[i].painCanvas != b[i].painCanvas)
            return false;
    return true;
}

// Six significant digits: well under a millimetre and a thousandth of a radian.
std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}
std::string vec(const glm::vec3& v) {
    return "[" + num(v.x) + "," + num(v.y) + "," + num(v.z) + "]";
}
std::string vec(const glm::vec2& v) {
    return "[" + num(v.x) + "," + num(v.y) + "]";
}

std::string stringList(const std::vector<std::string>& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? "," : "") + jsonString(list[i]);
    return out + "]";
}

std::string appearance(const ShareStructure& s) {
    return "\"v\":" + std::string(s.visible ? "1" : "0") + ",\"o\":" + num(s.opacity) +
           ",\"c\":" + vec(s.colour) + ",\"h\":" + (s.highlighted ? "1" : "0") +
           ",\"l\":" + vec(s.outline);
}

std::string structures(const std::vector<ShareStructure>& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        const ShareStructure& s = list[i];
        out += (i ? ",{" : "{") + std::string("\"id\":") + jsonString(s.id) +
               ",\"name\":" + jsonString(s.name) + ",\"plain\":" + jsonString(s.patientName) + "," +
               (s.painCanvas ? "\"canvas\":1," : "") + appearance(s) + "}";
    }
    return out + "]";
}

std::string cameraJson(const ShareState& s) {
    return "{\"target\":" + vec(s.camera.target) + ",\"distance\":" + num(s.camera.distance) +
           ",\"yaw\":" + num(s.camera.yaw) + ",\"pitch\":" + num(s.camera.pitch) +
           ",\"fovY\":" + num(s.fovY) + ",\"aspect\":" + num(s.aspect) + "}";
}

std::string conditionJson(const ShareState& s) {
    std::string roles = "[";
    for (std::size_t i = 0; i < s.roles.size(); ++i)
        roles += (i ? ",{" : "{") + std::string("\"label\":") + jsonString(s.roles[i].label) +
                 ",\"plain\":" + jsonString(s.roles[i].plainLabel) +
                 ",\"colour\":" + vec(s.roles[i].colour) + "}";
    return "{\"id\":" + jsonString(s.conditionId) + ",\"name\":" + jsonString(s.conditionName) +
           ",\"summary\":" + jsonString(s.summary) + ",\"plain\":" + jsonString(s.patientSummary) +
           ",\"roles\":" + roles + "]}";
}

std::string sectionJson(const ShareState& s) {
    if (!s.section) return "null";
    const glm::vec4& p = *s.section;
    return "[" + num(p.x) + "," + num(p.y) + "," + num(p.z) + "," + num(p.w) + "]";
}

std::string tourJson(const ShareState& s) {
    if (s.tourStep <= 0) return "null";
    return "{\"title\":" + jsonString(s.tourTitle) + ",\"step\":" + std::to_string(s.tourStep) +
           ",\"steps\":" + std::to_string(s.tourSteps) +
           ",\"caption\":" + jsonString(s.tourCaption) + "}";
}

std::string annotationsJson(const Annotations& a) {
    std::string out = "{\"strokes\":[";
    for (std::size_t i = 0; i < a.strokes.size(); ++i) {
        out += i ? ",[" : "[";
        for (std::size_t j = 0; j < a.strokes[i].size(); ++j)
            out += (j ? "," : "") + vec(a.strokes[i][j]);
        out += "]";
    }
    out += "],\"notes\":[";
    for (std::size_t i = 0; i < a.notes.size(); ++i)
        out += (i ? ",{" : "{") + std::string("\"at\":") + vec(a.notes[i].at) +
               ",\"text\":" + jsonString(a.notes[i].text) + "}";
    return out + "]}";
}

std::string painJson(const std::vector<PainSegment>& pain) {
    std::string out = "[";
    for (std::size_t i = 0; i < pain.size(); ++i)
        out += (i ? ",{" : "{") + std::string("\"a\":") + vec(pain[i].a) +
               ",\"b\":" + vec(pain[i].b) + ",\"r\":" + num(pain[i].radius) +
               ",\"k\":" + num(pain[i].intensity) +
               ",\"referred\":" + (pain[i].referred ? "1" : "0") + "}";
    return out + "]";
}

std::string painColoursJson(const ShareState& s) {
    return "{\"local\":" + vec(s.localPainColour) + ",\"referred\":" + vec(s.referredPainColour) +
           "}";
}

void add(std::string& out, const char* key, const std::string& value) {
    out += (out.size() > 1 ? ",\"" : "\"") + std::string(key) + "\":" + value;
}

}  // namespace

bool ShareState::operator==(const ShareState& o) const {
    return sameCamera(*this, o) && conditionId == o.conditionId &&
           conditionName == o.conditionName && summary == o.summary &&
           patientSummary == o.patientSummary && roles == o.roles && audience == o.audience &&
           structures == o.structures && selected == o.selected && section == o.section &&
           labels == o.labels && tourTitle == o.tourTitle && tourCaption == o.tourCaption &&
           tourStep == o.tourStep && tourSteps == o.tourSteps && annotations == o.annotations &&
           samePain(pain, o.pain) && localPainColour == o.localPainColour &&
           referredPainColour == o.referredPainColour && posture == o.posture &&
           sceneRevision == o.sceneRevision;
}

std::string jsonString(const std::string& text) {
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"')
            out += "\\\"";
        else if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c < 0x20) {
            char b[8];
            std::snprintf(b, sizeof b, "\\u%04x", c);
            out += b;
        } else
            out += ch;  // UTF-8 passes through as it is
    }
    return out + "\"";
}

std::string encodeShareState(const ShareState& s) {
    std::string out = "{";
    add(out, "camera", cameraJson(s));
    add(out, "condition", conditionJson(s));
    add(out, "audience", jsonString(s.audience));
    add(out, "structures", structures(s.structures));
    add(out, "selected", jsonString(s.selected));
    add(out, "section", sectionJson(s));
    add(out, "labels", stringList(s.labels));
    add(out, "tour", tourJson(s));
    add(out, "annotations", annotationsJson(s.annotations));
    add(out, "pain", painJson(s.pain));
    add(out, "painColours", painColoursJson(s));
    add(out, "posture", jsonString(s.posture));
    add(out, "scene", std::to_string(s.sceneRevision));
    return out + "}";
}

std::string encodeShareDelta(const ShareState& a, const ShareState& b) {
    std::string out = "{";
    if (!sameCamera(a, b)) add(out, "camera", cameraJson(b));
    if (a.conditionId != b.conditionId || a.conditionName != b.conditionName ||
        a.summary != b.summary || a.patientSummary != b.patientSummary || a.roles != b.roles)
        add(out, "condition", conditionJson(b));
    if (a.audience != b.audience) add(out, "audience", jsonString(b.audience));
    if (!sameIds(a.structures, b.structures))
        add(out, "structures", structures(b.structures));
    else {
        std::string changed;
        for (std::size_t i = 0; i < b.structures.size(); ++i)
            if (!(a.structures[i] == b.structures[i]))
                changed += (changed.empty() ? "{\"i\":" : ",{\"i\":") + std::to_string(i) + "," +
                           appearance(b.structures[i]) + "}";
        if (!changed.empty()) add(out, "changed", "[" + changed + "]");
    }
    if (a.selected != b.selected) add(out, "selected", jsonString(b.selected));
    if (a.section != b.section) add(out, "section", sectionJson(b));
    if (a.labels != b.labels) add(out, "labels", stringList(b.labels));
    if (a.tourTitle != b.tourTitle || a.tourCaption != b.tourCaption || a.tourStep != b.tourStep ||
        a.tourSteps != b.tourSteps)
        add(out, "tour", tourJson(b));
    if (!(a.annotations == b.annotations)) add(out, "annotations", annotationsJson(b.annotations));
    if (!samePain(a.pain, b.pain)) add(out, "pain", painJson(b.pain));
    if (a.localPainColour != b.localPainColour || a.referredPainColour != b.referredPainColour)
        add(out, "painColours", painColoursJson(b));
    if (a.posture != b.posture) add(out, "posture", jsonString(b.posture));
    if (a.sceneRevision != b.sceneRevision) add(out, "scene", std::to_string(b.sceneRevision));
    return out.size() == 1 ? std::string() : out + "}";
}

}  // namespace medius
