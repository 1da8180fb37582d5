#pragma once
// Medius's command line. View options come from the declarative table in
// core/view_options.hpp, so every one of them is also a flag.
#include <optional>
#include <string>
#include <vector>

#include "core/view_options.hpp"

namespace medius::app {

struct CommandLine {
    std::optional<std::string> screenshot;  // headless: render one frame to this PNG
    int width = 1600, height = 1000;        // image size for --screenshot
    bool sizeGiven = false;
    std::vector<std::string> models;  // extra model files to show
    std::string units = "auto";
    bool builtinAnatomy = true;
    std::string meshManifest;  // user meshes replacing built-in structures
    std::string exportDir;     // write scene.glb + PLYs here and exit
    std::string contentDir;  // empty: the default content folder
    std::string sex = "female";
    bool listStructures = false;
    bool listConditions = false;
    std::string condition;         // condition id to show
    std::string audience = "clinician";
    std::string compare;           // condition shown beside it in the compare window
    std::string checkContent;      // validate this content folder and exit
    bool withUi = false;           // --screenshot includes the panels
    bool viewGiven = false;        // --view was given: it overrides a condition's own view
    bool verbose = false;
    // For tests and docs: run the real window for N frames, then exit, and
    // optionally save the last frame (UI included) as a PNG.
    int exitAfterFrames = 0;
    std::string windowCapture;
    // For end-to-end tests: the window writes its state (selection, camera) to this file.
    std::string reportFile;
    std::string playInput;    // replay this input log in the window, one event per frame, then quit
    std::string recordInput;  // write the session's input to this log at exit
    std::vector<std::string> hiddenLayers;  // layers hidden at start
    std::string select;                     // structure selected at start
    std::string handout;                    // write the patient handout PDF here and exit
    std::string tour;                       // start this tour
    int tourStep = 1;                       // at this step (1-based)
    // Exercises (issue 15): play this one (headless: shown at --exercise-phase), and the
    // exercises the handout's exercise page carries.
    std::string exercise;
    float exercisePhase = 0.0f;
    std::vector<std::string> handoutExercises;
    ViewOptions view;
    std::vector<std::string> givenViewOptions;  // the view flags actually on the command line
    bool audienceGiven = false;
    // Share with the room (issue 14): serve the view to students' browsers on this port
    // (0: not sharing at start); the room code they need (empty: a generated one).
    int sharePort = 0;
    std::string shareCode;
};

constexpr int kDefaultSharePort = 8765;

enum class ParseOutcome { Run, ExitSuccess, ExitFailure };

struct ParseResult {
    ParseOutcome outcome = ParseOutcome::Run;
    std::string message;  // help or version text, or the error (one line)
};

ParseResult parseCommandLine(int argc, const char* const* argv, CommandLine& out);

// "3840x2160" -> 3840, 2160. False when malformed or outside 16..16384.
bool parseImageSize(const std::string& text, int& width, int& height);

}  // namespace medius::app
