#pragma once
// The patient handout: the condition in plain words, the pain map, what helps with its
// evidence in words, what to do yourself, when to see a doctor, and that Medius informs
// rather than diagnoses. Every sentence is printed whole: the type shrinks (never under
// 9 pt) and the text flows onto a second A4 page before anything would be cut.
#include <string>
#include <vector>

#include "core/condition.hpp"
#include "core/image.hpp"

namespace medius {

// One exercise on the handout's exercise page (issue 15), in patient wording, with pictures
// of its start and end positions (working muscles lit).
struct HandoutExercise {
    std::string name;    // patient name
    std::string dosage;  // "3 x 10"
    std::string instructions;
    std::vector<std::string> cautions;
    Image start, end;
};

// What the layout settled on, for tests and messages.
struct HandoutMeasure {
    int pages = 0;
    int exercisePages = 0;  // of `pages`, those the exercise page took
    double bodySize = 0.0;      // points
    double smallestSize = 0.0;  // the smallest type anywhere on the handout, points
    std::string text;           // every line printed, in order, one per line (for checks)
};

// Writes an A4 PDF (atomically). `view` is the rendered picture of the condition.
// Returns an empty string on success, otherwise what went wrong.
// With `exercises`, they follow on a page of their own (more only if they need it), each
// whole, never cut.
std::string writeHandoutPdf(const std::string& path, const Condition& condition,
                            const ContentLibrary& content, const Image& view,
                            HandoutMeasure* measure = nullptr,
                            const std::vector<HandoutExercise>& exercises = {});

// Patient text with its bracketed citation keys ("[mellor2018]") taken out, with the space
// before them: a patient reads the sentence, the app keeps the sources.
std::string withoutCitations(const std::string& text);

}  // namespace medius
