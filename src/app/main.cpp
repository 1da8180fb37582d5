// medius: the entry point. Parses the command line, builds the scene, then
// either captures one headless frame or opens the window. Anything thrown is
// caught here and printed as one line.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "app/app_state.hpp"
#include "app/command_line.hpp"
#include "app/headless_capture.hpp"
#include "app/scene_setup.hpp"
#include "app/startup_trace.hpp"
#include "app/window_app.hpp"
#include "core/content_loader.hpp"
#include "core/exercise.hpp"
#include "core/readability.hpp"
#include "core/settings.hpp"
#include "core/tour.hpp"
#include "model-io/scene_export.hpp"

int main(int argc, char** argv) {
    using namespace medius;
    try {
        app::startupMark("main");
        app::CommandLine commandLine;  // not const: saved settings fill what it leaves unset
        const app::ParseResult parsed = app::parseCommandLine(argc, argv, commandLine);
        if (parsed.outcome == app::ParseOutcome::ExitSuccess) {
            std::printf("%s\n", parsed.message.c_str());
            return 0;
        }
        if (parsed.outcome == app::ParseOutcome::ExitFailure) {
            std::fprintf(stderr, "medius: %s\n", parsed.message.c_str());
            return 2;
        }

        {
            // Without its content Medius has no anatomy and nothing to explain: one clear line.
            const std::string content =
                commandLine.contentDir.empty() ? app::defaultContentDir() : commandLine.contentDir;
            std::error_code ec;
            if (!std::filesystem::is_directory(content + "/anatomy", ec) &&
                !std::filesystem::is_directory(content + "/conditions", ec)) {
                std::fprintf(stderr,
                             "medius: %s: content folder not found or unreadable (it holds anatomy/ "
                             "and conditions/; give --content DIR or set MEDIUS_CONTENT_DIR)\n",
                             content.c_str());
                return 2;
            }
        }
        DiagnosticSink sink;
        const bool verbose = commandLine.verbose;
        sink.setListener([verbose](const Diagnostic& d) {
            if (d.level != Level::Info || verbose)
                std::fprintf(stderr, "medius: %s\n", d.format().c_str());
        });

        app::AppState state;
        state.options = commandLine.view;
        app::buildScene(commandLine, state.scene, sink);
        app::startupMark("scene built");
        const KnownNames known = app::knownNames(state.scene);

        if (!commandLine.checkContent.empty()) {
            DiagnosticSink check;
            check.setListener([](const Diagnostic& d) {
                if (d.level != Level::Info) std::fprintf(stderr, "%s\n", d.format().c_str());
            });
            const ContentLibrary library = loadContent(commandLine.checkContent, known, check);
            std::printf("medius: %s: %zu conditions, %zu references, %zu red flags, %zu exercises; %d errors, "
                        "%d warnings\n",
                        commandLine.checkContent.c_str(), library.conditions.size(),
                        library.references.size(), library.redFlags.size(),
                        library.exercises ? library.exercises->size() : std::size_t{0},
                        check.count(Level::Error), check.count(Level::Warning));
            // Readability of what a patient reads (issue 16): the hardest texts with file and line,
            // and any patient text with a clinician-only term.
            const auto graded = gradePatientTexts(library);
            if (!graded.empty()) {
                std::vector<double> grades;
                for (const auto& g : graded) grades.push_back(g.grade);
                std::sort(grades.begin(), grades.end());
                int over = 0;
                for (double g : grades) over += g > kMaxPatientGrade;
                std::printf("medius: patient wording: %zu texts graded, Flesch-Kincaid median %.1f, "
                            "worst %.1f; %d above grade %.0f\n",
                            grades.size(), grades[grades.size() / 2], grades.back(), over, kMaxPatientGrade);
                std::printf("medius: hardest patient texts:\n");
                for (std::size_t i = 0; i < graded.size() && i < 8; ++i)
                    std::printf("  %s:%d: grade %.1f: %s\n", graded[i].text->file.c_str(), graded[i].text->line,
                                graded[i].grade, graded[i].text->what.c_str());
            }
            int jargon = 0;
            for (const auto& t : library.patientTexts) {
                const std::string term = clinicianOnlyTerm(t.text);
                if (term.empty()) continue;
                ++jargon;
                std::fprintf(stderr, "%s:%d: warning: patient text (%s) has %s\n", t.file.c_str(), t.line,
                             t.what.c_str(), term.c_str());
            }
            if (jargon) std::printf("medius: %d patient texts with clinician-only terms\n", jargon);
            return check.hasErrors() ? 1 : 0;
        }

        state.content = loadContent(commandLine.contentDir.empty() ? app::defaultContentDir()
                                                                  : commandLine.contentDir,
                                    known, sink);
        if (commandLine.listConditions) {
            for (const auto& c : state.content.conditions)
                std::printf("%-32s %s  [%s]\n", c.id.c_str(), c.name.c_str(), c.group.c_str());
            return 0;
        }
        if (!commandLine.condition.empty() && !state.content.findCondition(commandLine.condition)) {
            std::fprintf(stderr, "medius: --condition: unknown condition '%s' (see --list-conditions)\n",
                         commandLine.condition.c_str());
            return 2;
        }
        state.conditionId = commandLine.condition;
        app::startupMark("content loaded");
        // The window remembers the user's settings; headless runs ignore them, so a
        // screenshot depends on its command line alone.
        const bool interactive =
            !commandLine.screenshot && !commandLine.listStructures && commandLine.handout.empty() &&
            commandLine.exportDir.empty();
        const std::string settingsPath = defaultSettingsPath();
        if (interactive) {
            const Settings saved = loadSettings(settingsPath, sink);
            ViewOptions options = saved.view;
            for (const auto& name : commandLine.givenViewOptions) {
                std::string ignored;
                setViewOption(options, name, getViewOption(commandLine.view, *findViewOption(name)), ignored);
            }
            state.options = options;
            if (commandLine.condition.empty() && state.content.findCondition(saved.lastCondition))
                state.conditionId = saved.lastCondition;
            if (!commandLine.audienceGiven) commandLine.audience = saved.audience;
        }
        if (!commandLine.compare.empty() && !state.content.findCondition(commandLine.compare)) {
            std::fprintf(stderr, "medius: --compare: unknown condition '%s' (see --list-conditions)\n",
                         commandLine.compare.c_str());
            return 2;
        }
        state.compareId = commandLine.compare;
        state.audience = commandLine.audience == "patient" ? Audience::Patient : Audience::Clinician;
        state.viewChosen = commandLine.viewGiven;
        state.info.load((commandLine.contentDir.empty() ? app::defaultContentDir()
                                                        : commandLine.contentDir) +
                            "/anatomy/structure_info.toml",
                        sink);
        state.bookmarkList = state.bookmarks.loadAll(sink);
        for (const auto& layerName : commandLine.hiddenLayers)
            for (const auto& s : state.scene.structures())
                if (s.layer == parseLayer(layerName)) state.choices.visible[s.id] = false;
        if (!commandLine.select.empty()) {
            if (!state.scene.find(commandLine.select)) {
                std::fprintf(stderr, "medius: --select: unknown structure '%s' (see --list-structures)\n",
                             commandLine.select.c_str());
                return 2;
            }
            state.choices.selected = commandLine.select;
        }
        // Tours point at the built-in structures: without them there is nothing to tour.
        if (commandLine.builtinAnatomy) {
            TourNames names;
            for (const auto& s : state.scene.structures()) names.structures.push_back(s.id);
            for (const auto& c : state.content.conditions) names.conditions.push_back(c.id);
            for (const auto& e : state.exercises()) names.exercises.push_back(e.id);
            const std::string content =
                commandLine.contentDir.empty() ? app::defaultContentDir() : commandLine.contentDir;
            state.tours = loadTours({content + "/tours", userTourFolder()}, names, sink);
        }
        state.restScene = state.scene;
        state.rig = makePoseRig(state.restScene, /*withWeights=*/false);
        state.updatePose();
        state.view.syncWith(state.scene);
        state.applyCondition(sink);
        app::startupMark("pose rig and view state ready");
        if (!commandLine.tour.empty()) {
            const Tour* tour = nullptr;
            for (const auto& t : state.tours)
                if (t.id == commandLine.tour) tour = &t;
            if (!tour || static_cast<std::size_t>(commandLine.tourStep) > tour->steps.size()) {
                std::fprintf(stderr, "medius: --tour: no tour '%s' with a step %d\n",
                             commandLine.tour.c_str(), commandLine.tourStep);
                return 2;
            }
            state.tourPlayback = app::AppState::TourPlayback{*tour, static_cast<std::size_t>(commandLine.tourStep - 1)};
            state.applyTourStep(tour->steps[commandLine.tourStep - 1], sink, false);
        }

        if (!commandLine.exercise.empty()) {
            if (!findExercise(state.exercises(), commandLine.exercise)) {
                std::string ids;
                for (const auto& e : state.exercises()) ids += (ids.empty() ? "" : ", ") + e.id;
                std::fprintf(stderr, "medius: --exercise: unknown exercise '%s' (one of: %s)\n",
                             commandLine.exercise.c_str(), ids.c_str());
                return 2;
            }
            state.startExercise(commandLine.exercise, sink, false);
            state.scrubExercise(commandLine.exercisePhase, sink);
            // A screenshot shows one still moment; the window plays on from it.
            if (commandLine.screenshot) state.exerciseClock.setPaused(true);
            state.resetCamera(false);
        }
        if (commandLine.listStructures) {
            for (const auto& s : state.scene.structures())
                std::printf("%-44s %s\n", s.id.c_str(), s.name.c_str());
            return 0;
        }
        if (!commandLine.exportDir.empty()) {
            // The scene as shown: with --pose the posed meshes, otherwise the rest pose.
            const int files = io::exportScene(state.scene, commandLine.exportDir, sink);
            std::printf("medius: wrote %d files (scene.glb and %d PLYs) to %s\n", files,
                        std::max(0, files - 1), commandLine.exportDir.c_str());
            return sink.hasErrors() || files == 0 ? 1 : 0;
        }
        if (!commandLine.handout.empty()) return app::exportHandout(state, commandLine.handout, commandLine.handoutExercises);
        if (commandLine.screenshot)
            return app::captureScreenshot(state, *commandLine.screenshot, commandLine.width,
                                          commandLine.height, commandLine.withUi);
        const int code = app::runWindow(state, commandLine, sink);
        if (interactive && code == 0) {
            Settings now;
            now.view = state.options;
            now.lastCondition = state.conditionId;
            now.audience = state.audience == Audience::Patient ? "patient" : "clinician";
            if (const std::string error = saveSettings(settingsPath, now); !error.empty())
                std::fprintf(stderr, "medius: settings not saved: %s\n", error.c_str());
        }
        return code;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "medius: fatal error: %s\n", e.what());
        return 1;
    } catch (...) {
        std::fprintf(stderr, "medius: fatal error of unknown kind\n");
        return 1;
    }
}
