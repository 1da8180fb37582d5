#pragma once
// A prepared tour: a list of steps, each a camera, a condition, the visible
// layers, labelled structures, a section and a caption, stepped through with
// a presentation clicker. Files in content/tours/ (and the user's own, saved
// from the app) are human-editable TOML.
#include <optional>
#include <string>
#include <vector>

#include "core/annotations.hpp"
#include "core/diagnostics.hpp"
#include "core/orbit_camera.hpp"
#include "core/structure.hpp"

namespace medius {

struct TourStep {
    std::string caption;
    std::string condition;                  // empty: plain anatomy
    std::string view;                       // a preset name, used when camera is not given
    std::optional<CameraPose> camera;       // an exact camera (recorded steps have one)
    std::optional<std::vector<Layer>> layers;  // visible layers; all when not given
    std::vector<std::string> labels;        // structures to label
    std::vector<std::string> hide;          // structures hidden even if their layer shows
    std::string section = "off";
    float sectionOffset = 0.0f;
    bool xray = false;
    std::string audience;                   // "patient" or "clinician"; unchanged when empty
    std::string pose = "standing";          // a posture preset (see --help)
    std::string exercise;                   // an exercise played on a loop (issue 15); empty: none
    std::optional<float> exercisePhase;     // held still at this phase instead of playing
    Annotations annotations;                // strokes and notes shown with the step
};

struct Tour {
    std::string id;
    std::string title;
    std::vector<TourStep> steps;
    std::string file;
};

// Structure ids and condition ids steps may name; empty sets are not checked.
struct TourNames {
    std::vector<std::string> structures, conditions, exercises;
};

std::optional<Tour> parseTour(const std::string& text, const std::string& path, const TourNames& names,
                              DiagnosticSink& sink);
std::string serializeTour(const Tour& tour);
// Every *.toml in each folder; bad files are reported and skipped.
std::vector<Tour> loadTours(const std::vector<std::string>& folders, const TourNames& names,
                            DiagnosticSink& sink);

// Where the user's recorded tours go: $XDG_DATA_HOME/medius/tours (or ~/.local/share/...).
std::string userTourFolder();

}  // namespace medius
