#include "app/command_line.hpp"

#include <cctype>
#include <cstdlib>

#include "core/structure.hpp"

#include <CLI/CLI.hpp>
#include <charconv>

namespace medius::app {

bool parseImageSize(const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    int w = 0, h = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    auto [p1, e1] = std::from_chars(begin, begin + x, w);
    auto [p2, e2] = std::from_chars(begin + x + 1, end, h);
    if (e1 != std::errc() || e2 != std::errc() || p1 != begin + x || p2 != end) return false;
    if (w < 16 || h < 16 || w > 16384 || h > 16384) return false;
    width = w;
    height = h;
    return true;
}

ParseResult parseCommandLine(int argc, const char* const* argv, CommandLine& out) {
    CLI::App cli{"Medius: an interactive 3D atlas of pain at the gluteus medius (lateral hip)",
                 "medius"};
    cli.set_version_flag("--version", "medius 0.1.0");
    std::string screenshot, size;
    cli.add_option("--screenshot", screenshot,
                   "render one frame without a display and write it to this PNG file");
    cli.add_option("--size", size, "image size for --screenshot (default 1600x1000), or the window's size, WIDTHxHEIGHT");
    cli.add_option("--model", out.models,
                   "also show this model file (glTF/GLB, OBJ, STL, PLY, ...); repeatable");
    cli.add_option("--units", out.units, "units of --model files: auto, mm, cm or m")
        ->check(CLI::IsMember({"auto", "mm", "cm", "m"}));
    cli.add_flag("!--no-anatomy", out.builtinAnatomy, "leave out Medius's own anatomy");
    cli.add_option("--meshes", out.meshManifest,
                   "mesh manifest (TOML) replacing built-in structures with your own meshes; "
                   "see docs/user-meshes.md");
    cli.add_option("--export", out.exportDir,
                   "write scene.glb and one PLY per structure (mm, ISB pelvic frame) to this "
                   "folder, then exit");
    cli.add_option("--content", out.contentDir, "content folder (default: the built-in one)");
    cli.add_option("--sex", out.sex, "anatomy variant: female (default) or male")
        ->check(CLI::IsMember({"female", "male"}));
    cli.add_flag("--list-structures", out.listStructures, "print structure ids and names, then exit");
    cli.add_flag("--list-conditions", out.listConditions, "print condition ids and names, then exit");
    cli.add_option("--condition", out.condition, "show this condition (see --list-conditions)");
    cli.add_option("--audience", out.audience, "wording of the panels: clinician (default) or patient")
        ->check(CLI::IsMember({"clinician", "patient"}));
    cli.add_option("--report", out.reportFile,
                   "window: keep the current selection and camera in this file (for tests)");
    cli.add_option("--play-input", out.playInput,
                   "window: replay this input log (one event per frame), print frame times, quit");
    cli.add_option("--record-input", out.recordInput,
                   "window: record mouse and keys to this input log at exit (replay with --play-input)");
    cli.add_option("--hide-layer", out.hiddenLayers,
                   "hide a layer at start (bone, muscle, tendon, bursa, ligament, joint, nerve, skin); "
                   "repeatable");
    cli.add_option("--handout", out.handout,
                   "write the patient handout (PDF, one or two A4 pages) of --condition to this "
                   "file, then exit");
    cli.add_option("--exercise", out.exercise, "play this exercise on the model (content/exercises/)");
    cli.add_option("--exercise-phase", out.exercisePhase,
                   "with --exercise: the moment of its loop shown (0 = start, 1 = back at the start)")
        ->check(CLI::Range(0.0f, 1.0f));
    cli.add_option("--exercises", out.handoutExercises,
                   "with --handout: add an exercise page with these exercises (comma-separated ids)")
        ->delimiter(',');
    cli.add_option("--tour", out.tour, "start this tour (content/tours/ or your own)");
    cli.add_option("--tour-step", out.tourStep, "with --tour: start at this step (1 = first)")
        ->check(CLI::Range(1, 1000));
    cli.add_option("--select", out.select, "select this structure at start (see --list-structures)");
    cli.add_option("--compare", out.compare,
                   "with --condition: open the comparison with this condition");
    cli.add_option("--check-content", out.checkContent,
                   "validate a content folder (conditions, references, red flags) and exit");
    cli.add_flag("--with-ui", out.withUi, "--screenshot draws the panels too, as the window would");
    cli.add_flag("--verbose", out.verbose, "print notes as well as warnings and errors");
    cli.add_option("--exit-after-frames", out.exitAfterFrames,
                   "window: quit after this many frames (for tests)")
        ->check(CLI::Range(1, 1000000));
    cli.add_option("--window-capture", out.windowCapture,
                   "window: save the last frame, UI included, to this PNG (with --exit-after-frames)");

    std::vector<std::string> share;
    cli.add_option("--share", share,
                   "window: share the view with the room on this port (default 8765): students open "
                   "the address shown in the status bar")
        ->expected(0, 1);
    cli.add_option("--share-code", out.shareCode,
                   "the room code students need to follow (default: a new one each time)");

    // One flag per row of the view option table; values are validated by the table.
    const auto& table = viewOptionTable();
    std::vector<std::string> viewValues(table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        std::string help = table[i].help;
        if (!table[i].choices.empty()) {
            help += ": one of";
            for (const char* c : table[i].choices) help += std::string(" ") + c;
        }
        help += " (default " + getViewOption(out.view, table[i]) + ")";
        cli.add_option(std::string("--") + table[i].name, viewValues[i], help);
    }

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        return {ParseOutcome::ExitSuccess, cli.help()};
    } catch (const CLI::CallForVersion&) {
        return {ParseOutcome::ExitSuccess, "medius 0.1.0"};
    } catch (const CLI::ParseError& e) {
        return {ParseOutcome::ExitFailure, std::string(e.what()) + " (see medius --help)"};
    }

    for (std::size_t i = 0; i < table.size(); ++i) {
        if (cli.get_option(std::string("--") + table[i].name)->count() == 0) continue;
        out.givenViewOptions.push_back(table[i].name);
        std::string error;
        if (!setViewOption(out.view, table[i].name, viewValues[i], error))
            return {ParseOutcome::ExitFailure, std::string("--") + table[i].name + ": " + error};
    }
    out.viewGiven = cli.get_option("--view")->count() > 0;
    out.audienceGiven = cli.get_option("--audience")->count() > 0;
    for (const auto& layer : out.hiddenLayers)
        if (!parseLayer(layer))
            return {ParseOutcome::ExitFailure,
                    "--hide-layer: '" + layer +
                        "' is not one of bone, muscle, tendon, bursa, ligament, joint, nerve, skin"};
    if (!screenshot.empty()) out.screenshot = screenshot;
    if (out.withUi && !out.screenshot)
        return {ParseOutcome::ExitFailure, "--with-ui only applies with --screenshot"};
    if (!size.empty()) {
        if (!parseImageSize(size, out.width, out.height))
            return {ParseOutcome::ExitFailure,
                    "--size: '" + size + "' is not WIDTHxHEIGHT with each side 16 to 16384"};
        out.sizeGiven = true;
    }
    if (cli.get_option("--exercise-phase")->count() > 0 && out.exercise.empty())
        return {ParseOutcome::ExitFailure, "--exercise-phase needs --exercise"};
    if (!out.handoutExercises.empty() && out.handout.empty())
        return {ParseOutcome::ExitFailure, "--exercises applies to --handout"};
    if (cli.get_option("--share")->count() > 0) {
        out.sharePort = kDefaultSharePort;
        if (!share.empty() && !share.front().empty()) {
            const std::string& text = share.front();
            char* end = nullptr;
            const long port = std::strtol(text.c_str(), &end, 10);
            if (*end != '\0' || port < 1 || port > 65535)
                return {ParseOutcome::ExitFailure, "--share: '" + text + "' is not a port from 1 to 65535"};
            out.sharePort = static_cast<int>(port);
        }
    }
    for (const char c : out.shareCode)
        if (!std::isalnum(static_cast<unsigned char>(c)) || out.shareCode.size() > 32)
            return {ParseOutcome::ExitFailure, "--share-code: use up to 32 letters and digits"};
    if (!out.windowCapture.empty() && out.exitAfterFrames == 0)
        return {ParseOutcome::ExitFailure, "--window-capture needs --exit-after-frames"};
    if (out.sizeGiven && (!out.exportDir.empty() || !out.handout.empty()))
        return {ParseOutcome::ExitFailure, "--size applies to --screenshot or the window"};
    return {};
}

}  // namespace medius::app
