#include "app/app_state.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "core/image.hpp"

#include "core/condition_view.hpp"

namespace medius::app {

namespace {
constexpr float kTransitionSeconds = 0.45f;

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

CameraPose AppState::homePose() const {
    if (exercise()) return exerciseFraming();
    const Condition* c = condition();
    const std::string& viewName = c && !viewChosen ? c->view : options.view;
    const ViewPreset preset = parseViewPreset(viewName).value_or(ViewPreset::Anterior);
    if (c) {
        const Bounds focus = conditionFocus(scene, *c, view.painSegments());
        if (focus.valid()) return camera.framing(focus, preset, aspect);
    }
    // Without a condition the skin is hidden: frame what is shown, not the whole body.
    Bounds shown;
    for (std::size_t i = 0; i < scene.size(); ++i)
        if (i >= view.appearances().size() || view.appearance(i).visible)
            shown.extend(scene.structures()[i].mesh.bounds());
    return camera.framing(shown.valid() ? shown : scene.bounds(), preset, aspect);
}

HipPose AppState::wantedPose() const {
    if (const Exercise* e = exercise()) return exercisePoseAt(*e, exerciseClock.phase());
    if (options.pose == "custom") return {options.hipAdduction, options.hipFlexion, options.hipRotation, 0.0f};
    return findPosePreset(options.pose).value_or(HipPose{});
}

bool AppState::updatePose() {
    const HipPose wanted = wantedPose();
    if (!rig.valid || wanted == appliedPose) return false;
    if (!rig.bones) rig = makePoseRig(restScene, true);  // the weights, the first time they count
    poseScene(restScene, rig, wanted, scene);
    appliedPose = wanted;
    return true;
}

void AppState::applyCondition(DiagnosticSink& sink) {
    const Condition* c = condition();
    auto appearances = composeAppearances(scene, c, choices, options.xray);
    // Posed away from standing: the tendons and bursae on the trochanter show the
    // compression, from their own colour (none) to a deep red.
    if (rig.valid && !(appliedPose == HipPose{})) {
        const float level = std::clamp(measureCompression(rig, appliedPose).indentation / 25.0f, 0.0f, 1.0f);
        for (std::size_t i = 0; i < scene.size() && i < appearances.size(); ++i) {
            const Structure& s = scene.structures()[i];
            const bool onTrochanter = s.side == Side::Right && (s.layer == Layer::Bursa ||
                                      (s.layer == Layer::Tendon && s.id != "iliotibial_band_r"));
            if (onTrochanter)
                appearances[i].colour = glm::mix(appearances[i].colour, glm::vec3(0.75f, 0.02f, 0.02f), level);
        }
    }
    // A playing exercise lights the muscles that work, by their part in it.
    if (const Exercise* e = exercise())
        for (const auto& m : e->muscles)
            for (std::size_t i = 0; i < scene.size() && i < appearances.size(); ++i)
                if (scene.structures()[i].id == m.id) {
                    appearances[i].colour = muscleRoleColour(m.role);
                    appearances[i].opacity = 1.0f;
                    appearances[i].visible = true;
                    appearances[i].highlighted = true;
                    appearances[i].outlineColour = glm::mix(muscleRoleColour(m.role), glm::vec3(1.0f), 0.25f);
                }
    // The structure under the cursor gets a thin white outline (not during a quiz: it would
    // give the answer away).
    if (hovered >= 0 && hovered < static_cast<int>(appearances.size()) && !(quiz && !quiz->finished())) {
        auto& a = appearances[hovered];
        if (a.visible && !a.highlighted) {
            a.highlighted = true;
            a.outlineColour = glm::vec3(1.0f);
        }
    }
    view.setAppearances(appearances);
    view.setPainSegments(c ? resolvePainZones(scene, *c, sink) : std::vector<PainSegment>{});
    // The other half of a comparison: the same structures shown and hidden, lit and painted
    // for the other condition.
    if (const Condition* other = content.findCondition(compareId); other && c) {
        compareView.syncWith(scene);
        compareView.setAppearances(composeAppearances(scene, other, choices, options.xray));
        compareView.setPainSegments(resolvePainZones(scene, *other, sink));
    }
}

void AppState::resetCamera(bool animate) {
    if (animate)
        transition.start(camera.pose(), homePose(), kTransitionSeconds);
    else
        camera.setPose(homePose());
}

std::optional<RayHit> AppState::pick(const Ray& ray) {
    if (bvh_.builtRevision() != scene.geometryRevision()) bvh_.build(scene);
    std::vector<bool> pickable(scene.size(), false);
    for (std::size_t i = 0; i < scene.size() && i < view.appearances().size(); ++i)
        pickable[i] = view.appearance(i).visible && view.appearance(i).opacity >= 0.3f;
    return bvh_.raycast(ray, pickable);
}

ViewSnapshot AppState::snapshot() const {
    return ViewSnapshot{camera.pose(), conditionId, choices, options.xray, annotations};
}

void AppState::restore(const ViewSnapshot& s, DiagnosticSink& sink) {
    if (!s.condition.empty() && !content.findCondition(s.condition)) {
        sink.warning("", 0, "the saved view's condition '" + s.condition + "' is not loaded");
        conditionId.clear();
    } else {
        conditionId = s.condition;
    }
    choices = s.choices;
    options.xray = s.xray;
    annotations = s.annotations;
    transition.cancel();
    applyCondition(sink);
    transition.start(camera.pose(), s.camera, 0.35f);
}

void AppState::applyTourStep(const TourStep& step, DiagnosticSink& sink, bool animate) {
    conditionId = content.findCondition(step.condition) ? step.condition : std::string();
    choices = {};
    if (step.layers)
        for (const auto& s : scene.structures())
            choices.visible[s.id] =
                std::find(step.layers->begin(), step.layers->end(), s.layer) != step.layers->end();
    for (const auto& id : step.labels) choices.pinnedLabels.insert(id);
    for (const auto& id : step.hide) choices.visible[id] = false;
    annotations = step.annotations;
    options.section = step.section;
    options.sectionOffset = step.sectionOffset;
    options.xray = step.xray;
    options.pose = step.pose;
    // A step may play an exercise (issue 15), or hold it still at one phase.
    exerciseId = findExercise(exercises(), step.exercise) ? step.exercise : std::string();
    if (const Exercise* e = exercise()) {
        exerciseClock.start(e->loopSeconds);
        exerciseClock.setPaused(step.exercisePhase.has_value());
        exerciseClock.scrub(step.exercisePhase.value_or(0.0f));
    }
    updatePose();
    if (step.audience == "patient") audience = Audience::Patient;
    if (step.audience == "clinician") audience = Audience::Clinician;
    if (!step.view.empty()) options.view = step.view;
    viewChosen = !step.view.empty();
    applyCondition(sink);
    // A step looks at what it labels, from its view; otherwise at the condition or the scene.
    CameraPose to = homePose();
    if (step.camera) {
        to = *step.camera;
    } else if (!step.labels.empty()) {
        Bounds focus;
        for (const auto& id : step.labels)
            if (const Structure* s = scene.find(id)) focus.extend(s->mesh.bounds());
        if (focus.valid()) {
            // Some context around them: twice their extent.
            const glm::vec3 half = glm::max(focus.size(), glm::vec3(40.0f));
            focus.extend(focus.centre() - half);
            focus.extend(focus.centre() + half);
            to = camera.framing(focus, parseViewPreset(options.view).value_or(ViewPreset::RightLateral), aspect);
        }
    }
    if (animate) transition.start(camera.pose(), to, 0.8f);
    else camera.setPose(to);
}

CameraPose AppState::framingOf(const std::string& id) const {
    const Structure* s = scene.find(id);
    if (!s) return camera.pose();
    CameraPose to = camera.pose();
    const Bounds b = s->mesh.bounds();
    to.target = b.centre();
    // Same direction, close enough that the structure fills about half the view.
    to.distance = std::max(b.radius(), 10.0f) / std::sin(camera.fovY * 0.5f) * 1.6f;
    return to;
}

bool applyAction(AppState& state, const Action& action, DiagnosticSink& sink) {
    return std::visit(
        Overloaded{
            [&](const SetViewOptionAction& a) {
                std::string error;
                if (!setViewOption(state.options, a.name, a.value, error)) {
                    sink.error("", 0, a.name + ": " + error);
                    return false;
                }
                // A pose angle moved by hand makes the pose custom.
                if (a.name == "hip-adduction" || a.name == "hip-flexion" || a.name == "hip-rotation") {
                    if (state.options.pose != "custom") {
                        const HipPose p = state.wantedPose();
                        state.options.hipAdduction = p.adduction;
                        state.options.hipFlexion = p.flexion;
                        state.options.hipRotation = p.rotation;
                        setViewOption(state.options, a.name, a.value, error);
                        state.options.pose = "custom";
                    }
                }
                state.updatePose();
                state.applyCondition(sink);
                return true;
            },
            [&](const SetVisibleAction& a) {
                if (a.structure >= state.scene.size()) return false;
                state.choices.visible[state.scene.structures()[a.structure].id] = a.visible;
                state.applyCondition(sink);
                return true;
            },
            [&](const SetOpacityAction& a) {
                if (a.structure >= state.scene.size()) return false;
                state.choices.opacity[state.scene.structures()[a.structure].id] =
                    std::clamp(a.opacity, 0.0f, 1.0f);
                state.applyCondition(sink);
                return true;
            },
            [&](const ShowAllAction&) {
                state.choices.visible.clear();
                state.choices.opacity.clear();
                state.applyCondition(sink);
                return true;
            },
            [&](const SelectStructureAction& a) {
                if (!a.id.empty() && !state.scene.find(a.id)) return false;
                state.choices.selected = a.id;
                state.applyCondition(sink);
                return true;
            },
            [&](const FrameStructureAction& a) {
                if (!state.scene.find(a.id)) return false;
                CameraPose to = state.framingOf(a.id);
                if (a.at) to.target = *a.at;  // re-centred on the surface point clicked
                state.transition.start(state.camera.pose(), to, kTransitionSeconds);
                return true;
            },
            [&](const IsolateAction& a) {
                if (!state.scene.find(a.id)) return false;
                for (const auto& s : state.scene.structures()) state.choices.visible[s.id] = s.id == a.id;
                state.choices.selected = a.id;
                state.applyCondition(sink);
                state.transition.start(state.camera.pose(), state.framingOf(a.id), kTransitionSeconds);
                return true;
            },
            [&](const TogglePinnedLabelAction& a) {
                if (!state.scene.find(a.id)) return false;
                auto& pinned = state.choices.pinnedLabels;
                if (!pinned.erase(a.id)) pinned.insert(a.id);
                return false;  // labels are UI: the 3D image is unchanged
            },
            [&](const UndoAction&) {
                auto back = state.history.undo(state.snapshot());
                if (back) state.restore(*back, sink);
                return back.has_value();
            },
            [&](const RedoAction&) {
                auto forward = state.history.redo(state.snapshot());
                if (forward) state.restore(*forward, sink);
                return forward.has_value();
            },
            [&](const StartQuizAction& a) {
                // Right side and midline only: "Right" and "Left" twins would be a trick question.
                std::vector<std::string> pool;
                for (std::size_t i = 0; i < state.scene.size(); ++i) {
                    const Structure& s = state.scene.structures()[i];
                    const bool shown = i < state.view.appearances().size() && state.view.appearance(i).visible;
                    if (s.layer != Layer::Skin && s.layer != Layer::Other && s.side != Side::Left && shown)
                        pool.push_back(s.id);
                }
                state.quiz.emplace(pool, a.questions, a.seed);
                state.choices.selected.clear();
                state.applyCondition(sink);
                return true;
            },
            [&](const QuizAnswerAction& a) {
                if (!state.quiz || state.quiz->finished()) return false;
                const std::string target = state.quiz->target();
                state.quiz->answer(a.picked);
                // Show where the asked structure was, right or wrong.
                state.choices.selected = target;
                state.applyCondition(sink);
                return true;
            },
            [&](const StopQuizAction&) {
                state.quiz.reset();
                return false;
            },
            [&](const StartTourAction& a) {
                for (const auto& t : state.tours)
                    if (t.id == a.id && !t.steps.empty()) {
                        state.tourPlayback = AppState::TourPlayback{t, 0};
                        state.applyTourStep(t.steps[0], sink);
                        return true;
                    }
                sink.error("", 0, "no tour '" + a.id + "' with steps");
                return false;
            },
            [&](const TourStepAction& a) {
                if (!state.tourPlayback) return false;
                auto& p = *state.tourPlayback;
                const long next = static_cast<long>(p.index) + a.delta;
                if (next < 0 || next >= static_cast<long>(p.tour.steps.size())) return false;
                p.index = static_cast<std::size_t>(next);
                state.applyTourStep(p.tour.steps[p.index], sink);
                return true;
            },
            [&](const ExportHandoutAction&) { return false; },  // done by the window, which renders
            [&](const PlayExerciseAction& a) {
                state.startExercise(a.id, sink);
                return true;
            },
            [&](const PauseExerciseAction& a) {
                state.exerciseClock.setPaused(a.paused);
                return false;
            },
            [&](const ScrubExerciseAction& a) {
                state.scrubExercise(a.phase, sink);
                return true;
            },
            [&](const StopExerciseAction&) {
                state.stopExercise(sink);
                return true;
            },
            [&](const SetHandoutDosageAction& a) {
                // Within the ranges the exercise files allow; a hold or reps, at least one.
                SetHandoutDosageAction d = a;
                d.sets = std::clamp(d.sets, 1, 10);
                d.reps = std::clamp(d.reps, 0, 50);
                d.holdSeconds = std::clamp(d.holdSeconds, 0.0f, 120.0f);
                if (d.reps == 0 && d.holdSeconds <= 0.0f) d.reps = 1;
                if (findExercise(state.exercises(), a.id)) state.handoutDosage[a.id] = d;
                return false;
            },
            [&](const ToggleHandoutExerciseAction& a) {
                auto& list = state.handoutExercises;
                const auto at = std::find(list.begin(), list.end(), a.id);
                if (at != list.end()) list.erase(at);
                else if (findExercise(state.exercises(), a.id)) list.push_back(a.id);
                return false;
            },
            [&](const ToggleShareAction&) { return false; },    // done by the window, which owns the server
            [&](const AddStrokeAction& a) {
                if (a.points.size() >= 2) state.annotations.strokes.push_back(a.points);
                return false;  // drawn by the UI over the image
            },
            [&](const AddNoteAction& a) {
                if (!a.text.empty()) state.annotations.notes.push_back({a.at, a.text});
                return false;
            },
            [&](const HoverAction& a) {
                if (a.structure == state.hovered) return false;
                state.hovered = a.structure;
                state.applyCondition(sink);
                return true;
            },
            [&](const ClearAnnotationsAction&) {
                state.annotations = {};
                return false;
            },
            [&](const StopTourAction&) {
                state.tourPlayback.reset();
                return false;
            },
            [&](const RecordTourStepAction& a) {
                TourStep step;
                step.caption = a.caption.empty() ? "Step " + std::to_string(state.recording.steps.size() + 1) : a.caption;
                step.condition = state.conditionId;
                step.camera = state.camera.pose();
                for (const auto& id : state.choices.pinnedLabels) step.labels.push_back(id);
                step.section = state.options.section;
                step.sectionOffset = state.options.sectionOffset;
                step.xray = state.options.xray;
                step.pose = state.options.pose == "custom" ? "standing" : state.options.pose;
                step.annotations = state.annotations;
                // Layers: the ones with anything shown.
                std::vector<Layer> layers;
                for (std::size_t i = 0; i < state.scene.size() && i < state.view.appearances().size(); ++i) {
                    const Layer l = state.scene.structures()[i].layer;
                    if (state.view.appearance(i).visible && l != Layer::Skin &&
                        std::find(layers.begin(), layers.end(), l) == layers.end())
                        layers.push_back(l);
                }
                step.layers = layers;
                state.recording.steps.push_back(step);
                return false;
            },
            [&](const SaveRecordedTourAction& a) {
                if (state.recording.steps.empty()) return false;
                Tour tour = state.recording;
                tour.title = a.title.empty() ? "My tour" : a.title;
                std::string id;
                for (char ch : tour.title) id += std::isalnum(static_cast<unsigned char>(ch)) ? static_cast<char>(std::tolower(ch)) : '_';
                tour.id = "user_" + id;
                const std::string folder = userTourFolder();
                std::error_code ec;
                std::filesystem::create_directories(folder, ec);
                const std::string path = folder + "/" + id + ".toml";
                if (const std::string error = writeFileAtomically(path, serializeTour(tour)); !error.empty()) {
                    sink.error(path, 0, error);
                    return false;
                }
                tour.file = path;
                state.tours.push_back(tour);
                state.recording = {};
                sink.info(path, 0, "tour saved");
                return false;
            },
            [&](const SaveBookmarkAction& a) {
                if (a.name.empty()) return false;
                const std::string error = state.bookmarks.save({a.name, state.snapshot()});
                if (!error.empty()) sink.error(state.bookmarks.pathFor(a.name), 0, error);
                state.bookmarkList = state.bookmarks.loadAll(sink);
                return false;
            },
            [&](const LoadBookmarkAction& a) {
                for (const auto& b : state.bookmarkList)
                    if (b.name == a.name) {
                        state.restore(b.view, sink);
                        return true;
                    }
                return false;
            },
            [&](const DeleteBookmarkAction& a) {
                const std::string error = state.bookmarks.remove(a.name);
                if (!error.empty()) sink.error(state.bookmarks.pathFor(a.name), 0, error);
                state.bookmarkList = state.bookmarks.loadAll(sink);
                return false;
            },
            [&](const ViewPresetAction& a) {
                state.options.view = viewPresetName(a.preset);
                state.viewChosen = true;
                state.transition.start(state.camera.pose(), state.homePose(), kTransitionSeconds);
                return true;
            },
            [&](const ResetCameraAction&) {
                state.resetCamera(true);
                return true;
            },
            [&](const QuitAction&) {
                state.quitRequested = true;
                return false;
            },
            [&](const SelectConditionAction& a) {
                if (!a.id.empty() && !state.content.findCondition(a.id)) {
                    sink.error("", 0, "unknown condition '" + a.id + "'");
                    return false;
                }
                state.conditionId = a.id;
                if (state.compareId == a.id) state.compareId.clear();
                state.viewChosen = false;
                if (const Exercise* e = state.exercise()) {  // it leaves with a condition it is not for
                    const auto& of = e->conditions;
                    if (std::find(of.begin(), of.end(), a.id) == of.end()) {
                        state.exerciseId.clear();
                        state.updatePose();
                    }
                }
                state.applyCondition(sink);
                state.resetCamera(true);
                return true;
            },
            [&](const SetAudienceAction& a) {
                state.audience = a.audience;
                return false;  // wording only: the 3D image is unchanged
            },
            [&](const CompareConditionAction& a) {
                state.compareId = a.id;
                state.applyCondition(sink);
                return true;
            },
        },
        action);
}

}  // namespace medius::app
