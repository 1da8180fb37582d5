#include "core/readability.hpp"

#include <cctype>

namespace medius {

namespace {
bool isVowel(char c, bool yIsVowel) {
    switch (c) {
        case 'a': case 'e': case 'i': case 'o': case 'u': return true;
        case 'y': return yIsVowel;
        default: return false;
    }
}
bool endsWith(const std::string& s, const char* tail) {
    const std::string t(tail);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}
bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
}
// Sentence ends: . ! ? followed by a space or the end; a number such as 2.5 is not an end.
bool endsSentence(const std::string& text, std::size_t i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') return false;
    return i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])) ||
           text[i + 1] == '"' || text[i + 1] == ')';
}
}  // namespace

int syllableCount(const std::string& raw) {
    std::string w;
    for (char c : raw)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty()) {
        // A number reads as one syllable per digit group, near enough ("30" -> "thirty" is 2).
        bool digit = false;
        for (char c : raw) digit = digit || std::isdigit(static_cast<unsigned char>(c));
        return digit ? 2 : 0;
    }
    if (w.size() <= 3) return 1;
    int count = 0;
    bool previousVowel = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const bool vowel = isVowel(w[i], i > 0);
        if (vowel && !previousVowel) ++count;
        previousVowel = vowel;
    }
    // Silent endings: "make", "bones", "walked" (but "table", "needed", "see" keep theirs).
    if (endsWith(w, "e") && !endsWith(w, "le") && !endsWith(w, "ee") && count > 1) --count;
    else if (endsWith(w, "es") && !endsWith(w, "ses") && !endsWith(w, "ces") && !endsWith(w, "ges") &&
             !endsWith(w, "zes") && !endsWith(w, "xes") && !endsWith(w, "shes") &&
             !endsWith(w, "ches") && count > 1)
        --count;
    else if (endsWith(w, "ed") && !endsWith(w, "ted") && !endsWith(w, "ded") && count > 1)
        --count;
    return count < 1 ? 1 : count;
}

TextCounts countText(const std::string& text) {
    TextCounts n;
    std::string word;
    bool open = false;  // words since the last sentence end
    const auto flushWord = [&] {
        if (word.empty()) return;
        ++n.words;
        n.syllables += syllableCount(word);
        word.clear();
        open = true;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isWordChar(c) || ((c == '.' || c == ',') && !word.empty() && i + 1 < text.size() &&
                              std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
            word += c;
            continue;
        }
        flushWord();
        if (endsSentence(text, i) && open) {
            ++n.sentences;
            open = false;
        }
    }
    flushWord();
    if (open) ++n.sentences;
    return n;
}

std::vector<std::string> splitSentences(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        current += text[i];
        if (endsSentence(text, i)) {
            const auto start = current.find_first_not_of(' ');
            if (start != std::string::npos) out.push_back(current.substr(start));
            current.clear();
        }
    }
    const auto start = current.find_first_not_of(' ');
    if (start != std::string::npos) out.push_back(current.substr(start));
    return out;
}

double fleschKincaidGrade(const std::string& text) {
    const TextCounts n = countText(text);
    if (n.words == 0 || n.sentences == 0) return 0.0;
    return 0.39 * n.words / n.sentences + 11.8 * n.syllables / n.words - 15.59;
}

}  // namespace medius

#include <algorithm>
#include <regex>

#include "core/condition.hpp"

namespace medius {

std::vector<GradedText> gradePatientTexts(const ContentLibrary& content) {
    std::vector<GradedText> out;
    for (const auto& t : content.patientTexts) {
        if (!t.redFlagSign && splitSentences(t.text).size() < 2) continue;
        out.push_back({&t, fleschKincaidGrade(t.text)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const GradedText& a, const GradedText& b) { return a.grade > b.grade; });
    return out;
}

std::string clinicianOnlyTerm(const std::string& text) {
    static const std::vector<std::pair<std::regex, const char*>> patterns = {
        {std::regex(R"(\[[A-Za-z]+ ?[0-9]{4}[a-z]?)"), "a citation"},
        {std::regex(R"(\bNNT\b)"), "NNT"},
        {std::regex(R"(\bp ?[=<>] ?0?\.[0-9])"), "a p-value"},
        {std::regex(R"([0-9] ?%)"), "a percentage"},
        {std::regex(R"(\b(odds ratio|confidence interval|95% CI|PEDro|Harris Hip|VISA|mHHS|RCT|meta-analysis|sensitivity|specificity)\b)",
                    std::regex::icase),
         "a statistic or score"},
        {std::regex(R"(\b(score|scores)\b)", std::regex::icase), "a score"},
        // Upper-case abbreviations of two letters or more (GTPS, ESWT, PRP, MRI, L5...).
        {std::regex(R"(\b[A-Z]{2,}[0-9]*\b|\b[LS][1-5]\b)"), "an abbreviation"},
    };
    for (const auto& [re, what] : patterns) {
        std::smatch m;
        if (std::regex_search(text, m, re)) return std::string(what) + " (\"" + m.str() + "\")";
    }
    return {};
}

}  // namespace medius
