#include "app/share_session.hpp"

#include <algorithm>

#include "model-io/scene_export.hpp"

#ifndef MEDIUS_WEB_DIR
#define MEDIUS_WEB_DIR "web"
#endif

namespace medius::app {

ShareState shareStateOf(const AppState& state) {
    ShareState s;
    s.camera = state.camera.pose();
    s.fovY = state.camera.fovY;
    s.aspect = state.aspect;
    const Condition* condition = state.condition();
    s.audience = state.audience == Audience::Patient ? "patient" : "clinician";
    if (condition) {
        s.conditionId = condition->id;
        s.conditionName = condition->name;
        s.summary = condition->summary.clinician;
        s.patientSummary = condition->summary.patient;
        for (const Role role : kAllRoles) {
            const bool used =
                std::any_of(condition->structures.begin(), condition->structures.end(),
                            [&](const InvolvedStructure& i) { return i.role == role; });
            if (used) s.roles.push_back({roleLabel(role), rolePlainLabel(role), roleColour(role)});
        }
    }
    const auto& structures = state.scene.structures();
    s.structures.reserve(structures.size());
    for (std::size_t i = 0; i < structures.size(); ++i) {
        const Structure& st = structures[i];
        ShareStructure out;
        out.id = st.id;
        out.name = st.name;
        if (condition)
            for (const auto& involved : condition->structures)
                if (involved.id == st.id) out.patientName = involved.patientName;
        if (i < state.view.appearances().size()) {
            const StructureAppearance& a = state.view.appearance(i);
            out.visible = a.visible;
            out.opacity = a.opacity;
            out.colour = a.colour;
            out.highlighted = a.highlighted;
            out.outline = a.outlineColour;
            out.painCanvas = a.painCanvas;
        }
        s.structures.push_back(std::move(out));
    }
    s.selected = state.choices.selected;
    s.section = sectionPlane(state.options);
    // The same structures the window labels (ui_frame's structureLabels).
    if (state.options.labels) {
        const auto addLabel = [&](const std::string& id) {
            if (std::find(s.labels.begin(), s.labels.end(), id) == s.labels.end())
                s.labels.push_back(id);
        };
        if (!s.selected.empty()) addLabel(s.selected);
        for (const auto& id : state.choices.pinnedLabels) addLabel(id);
        if (condition)
            for (const auto& involved : condition->structures) addLabel(involved.id);
    }
    if (state.tourPlayback) {
        const auto& p = *state.tourPlayback;
        s.tourTitle = p.tour.title;
        s.tourStep = static_cast<int>(p.index) + 1;
        s.tourSteps = static_cast<int>(p.tour.steps.size());
        if (p.index < p.tour.steps.size()) s.tourCaption = p.tour.steps[p.index].caption;
    }
    s.annotations = state.annotations;
    s.pain = state.view.painSegments();
    s.localPainColour = localPainColour();  // the colours the renderer paints them in
    s.referredPainColour = referredPainColour();
    s.posture = state.options.pose;
    s.sceneRevision = state.scene.geometryRevision();
    return s;
}

bool ShareSession::start(int port, const std::string& code, std::string& error) {
    stop();
    share::ShareConfig config;
    config.port = port;
    config.code = code.empty() ? share::generateRoomCode() : code;
    config.webDir = MEDIUS_WEB_DIR;
    auto server = std::make_unique<share::ShareServer>(config);
    if (!server->start(error)) return false;
    server_ = std::move(server);
    sceneRevision_ = ~0ull;
    url_ = share::shareUrl(server_->port(), config.code);
    qr_ = share::qrModules(url_, qrSize_);
    return true;
}

void ShareSession::stop() {
    if (server_) server_->stop();
    server_.reset();
    qr_.clear();
    qrSize_ = 0;
}

void ShareSession::frame(const AppState& state) {
    if (!server_) return;
    // While an exercise plays the model is re-posed up to 30 times a second; writing and
    // sending a glTF of ~350k triangles each time would stall the lecturer and every student.
    // Students keep the last posture sent and get the new one when the loop pauses or stops.
    const bool exerciseMoving = !state.exerciseId.empty() && !state.exerciseClock.paused();
    if (state.scene.geometryRevision() != sceneRevision_ && !exerciseMoving) {
        // Once per posture, not per frame: the glTF of ~350k triangles takes a moment.
        sceneRevision_ = state.scene.geometryRevision();
        server_->publishScene(std::make_shared<const std::string>(io::sceneToGlb(state.scene)),
                              sceneRevision_);
    }
    ShareState shared = shareStateOf(state);
    shared.sceneRevision = sceneRevision_;  // the scene students can fetch, not a newer unsent one
    server_->publish(shared);
}

ShareStatus ShareSession::status() const {
    ShareStatus s;
    if (!server_) return s;
    const share::ShareStats stats = server_->stats();
    s.on = true;
    s.url = url_;
    s.code = server_->config().code;
    s.qr = qr_;
    s.qrSize = qrSize_;
    s.clients = stats.clients;
    s.maxClients = stats.maxClients;
    s.refused = stats.refused;
    return s;
}

}  // namespace medius::app
