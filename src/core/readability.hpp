#pragma once
// Readability of patient wording: the Flesch-Kincaid grade level, Medius's own small
// implementation (issue 16). Grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59.
// Syllables are counted with the usual vowel-group rule (silent final "e", "-le", "-ed");
// it is an estimate, like every readability formula, and good enough to find hard sentences.
#include <string>
#include <vector>

namespace medius {

struct TextCounts {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
};

int syllableCount(const std::string& word);
TextCounts countText(const std::string& text);
// The sentences of a text, each with its end mark ("." "!" "?" ";" or ":" followed by a space).
std::vector<std::string> splitSentences(const std::string& text);
// Flesch-Kincaid grade of the text; 0 for a text without words.
double fleschKincaidGrade(const std::string& text);

}  // namespace medius

namespace medius {
struct ContentLibrary;
struct PatientText;

// The highest grade patient wording may read at (issue 16).
constexpr double kMaxPatientGrade = 8.0;

struct GradedText {
    const PatientText* text;
    double grade;
};
// Every patient text that the readability rule covers (longer than one sentence, or a red-flag
// sentence), hardest first.
std::vector<GradedText> gradePatientTexts(const ContentLibrary& content);
// Words, abbreviations and figures a patient should not meet: citation keys, NNT, p-values,
// scores, percentages, odds ratios, and upper-case abbreviations. Empty when the text is clean,
// else what was found.
std::string clinicianOnlyTerm(const std::string& text);
}  // namespace medius
