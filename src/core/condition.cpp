#include "core/condition.hpp"

#include <algorithm>

namespace medius {

namespace {
struct RoleInfo {
    Role role;
    const char* name;
    const char* label;
    const char* plain;
};
constexpr RoleInfo kRoles[] = {
    {Role::PainSource, "pain_source", "Pain source", "Where the pain comes from"},
    {Role::Compressing, "compressing", "Compressing structure", "Presses on it"},
    {Role::Weak, "weak", "Weak or inhibited", "Weak"},
    {Role::Compensating, "compensating", "Compensating", "Works harder to make up"},
    {Role::ReferralSource, "referral_source", "Referral source", "Sends pain elsewhere"},
    {Role::MayReact, "may_react", "May react (not the source)", "May react, but not the cause"},
};
struct GradeInfo {
    EvidenceGrade grade;
    const char* name;
    const char* label;
    const char* plain;
};
constexpr GradeInfo kGrades[] = {
    {EvidenceGrade::High, "high", "High", "well tested"},
    {EvidenceGrade::Moderate, "moderate", "Moderate", "fairly well tested"},
    {EvidenceGrade::Low, "low", "Low", "some research, not sure yet"},
    {EvidenceGrade::VeryLow, "very_low", "Very low", "little research"},
    {EvidenceGrade::ExpertOpinion, "expert_opinion", "Expert opinion", "expert advice, not tested"},
    {EvidenceGrade::NotReviewed, "not_reviewed", "Not yet reviewed", "not yet reviewed"},
};
}  // namespace

const char* roleName(Role role) {
    for (const auto& r : kRoles)
        if (r.role == role) return r.name;
    return "pain_source";
}
const char* roleLabel(Role role) {
    for (const auto& r : kRoles)
        if (r.role == role) return r.label;
    return "Pain source";
}
const char* rolePlainLabel(Role role) {
    for (const auto& r : kRoles)
        if (r.role == role) return r.plain;
    return "Where the pain comes from";
}
std::optional<Role> parseRole(const std::string& text) {
    for (const auto& r : kRoles)
        if (text == r.name) return r.role;
    return std::nullopt;
}

const char* evidenceName(EvidenceGrade grade) {
    for (const auto& g : kGrades)
        if (g.grade == grade) return g.name;
    return "expert_opinion";
}
const char* evidenceLabel(EvidenceGrade grade) {
    for (const auto& g : kGrades)
        if (g.grade == grade) return g.label;
    return "Expert opinion";
}
const char* evidencePlainWords(EvidenceGrade grade) {
    for (const auto& g : kGrades)
        if (g.grade == grade) return g.plain;
    return "not yet reviewed";
}
std::optional<EvidenceGrade> parseEvidence(const std::string& text) {
    for (const auto& g : kGrades)
        if (text == g.name) return g.grade;
    return std::nullopt;
}

const std::vector<std::pair<std::string, std::string>>& differentialQuestions() {
    static const std::vector<std::pair<std::string, std::string>> questions = {
        {"pain_location", "Where it hurts"},
        {"below_knee", "Below the knee?"},
        {"neurological_signs", "Numbness, weakness, reflexes"},
        {"aggravated_by", "Worse with"},
        {"eased_by", "Better with"},
        {"key_test", "Most telling test"},
        {"typical_patient", "Typical patient"},
    };
    return questions;
}

std::string Reference::citation() const {
    std::string out = authors + " (" + std::to_string(year) + "). " + title + ". " + journal + ".";
    if (!doi.empty()) out += " doi:" + doi;
    if (!pmid.empty()) out += " PMID " + pmid;
    return out;
}

const Condition* ContentLibrary::findCondition(const std::string& id) const {
    for (const auto& c : conditions)
        if (c.id == id) return &c;
    return nullptr;
}
const Reference* ContentLibrary::findReference(const std::string& key) const {
    for (const auto& r : references)
        if (r.key == key) return &r;
    return nullptr;
}
const RedFlag* ContentLibrary::findRedFlag(const std::string& key) const {
    for (const auto& r : redFlags)
        if (r.key == key) return &r;
    return nullptr;
}

std::vector<const ReliefOption*> offeredRelief(const Condition& c) {
    std::vector<const ReliefOption*> out;
    for (const auto& r : c.relief)
        if (!r.comparison) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const ReliefOption* a, const ReliefOption* b) {
        if (a->firstLine != b->firstLine) return a->firstLine;
        return static_cast<int>(a->evidence) < static_cast<int>(b->evidence);
    });
    return out;
}

std::vector<const ReliefOption*> withoutTreatment(const Condition& c) {
    std::vector<const ReliefOption*> out;
    for (const auto& r : c.relief)
        if (r.comparison) out.push_back(&r);
    return out;
}

std::vector<std::string> redFlagSentences(const ContentLibrary& content, const Condition& c,
                                          Urgency urgency) {
    std::vector<std::string> out;
    for (const auto& key : c.redFlags)
        if (const RedFlag* f = content.findRedFlag(key))
            for (const auto& s : urgency == Urgency::EmergencyNow ? f->patientNow : f->patientDays)
                if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    return out;
}

std::string readableCitations(const ContentLibrary& content, const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('[', i);
        const std::size_t close = open == std::string::npos ? open : text.find(']', open);
        if (close == std::string::npos) {
            out += text.substr(i);
            break;
        }
        const Reference* ref = content.findReference(text.substr(open + 1, close - open - 1));
        out += text.substr(i, open - i);
        if (ref)
            out += "[" + ref->authors.substr(0, ref->authors.find_first_of(" ,")) + " " +
                   std::to_string(ref->year) + "]";
        else
            out += text.substr(open, close - open + 1);
        i = close + 1;
    }
    return out;
}

}  // namespace medius
