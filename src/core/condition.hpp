#pragma once
// A clinical condition as the content files describe it: which structures
// are involved and how, where it hurts, why, how it presents, and what helps.
// Plain data; content/conditions/SCHEMA.md documents the file format.
#include <glm/glm.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace medius {

enum class Role { PainSource, Compressing, Weak, Compensating, ReferralSource };
const char* roleName(Role role);        // file form, e.g. "pain_source"
const char* roleLabel(Role role);       // display form, e.g. "Pain source"
std::optional<Role> parseRole(const std::string& text);
constexpr Role kAllRoles[] = {Role::PainSource, Role::Compressing, Role::Weak, Role::Compensating,
                              Role::ReferralSource};

enum class EvidenceGrade { High, Moderate, Low, VeryLow, ExpertOpinion };
const char* evidenceName(EvidenceGrade grade);   // file form, e.g. "very_low"
const char* evidenceLabel(EvidenceGrade grade);  // display form, e.g. "Very low"
const char* evidencePlainWords(EvidenceGrade grade);  // for patients, e.g. "good evidence"
std::optional<EvidenceGrade> parseEvidence(const std::string& text);

enum class Audience { Clinician, Patient };

// Two wordings of the same text.
struct Wording {
    std::string clinician;
    std::string patient;
    const std::string& forAudience(Audience a) const {
        return a == Audience::Patient && !patient.empty() ? patient : clinician;
    }
};

struct InvolvedStructure {
    std::string id;
    Role role = Role::PainSource;
    std::string note;
    int line = 0;
};

struct ZonePoint {
    std::string landmark;
    glm::vec3 offset{0.0f};
};

enum class ZoneKind { Local, Referred };

struct PainZone {
    std::string label;
    ZoneKind kind = ZoneKind::Local;
    float intensity = 1.0f;  // 0..1
    float radius = 40.0f;    // mm
    std::string source;
    std::vector<std::string> citations;
    std::vector<ZonePoint> path;
    int line = 0;
};

struct Stage {
    std::string name;
    std::string description;
};

struct DiagnosticTest {
    std::string name;
    std::string description;
    std::optional<float> sensitivity, specificity;
    std::string note;
    std::vector<std::string> citations;
};

struct ReliefOption {
    std::string name;
    Wording what;  // clinician: `what`, patient: `patient`
    EvidenceGrade evidence = EvidenceGrade::ExpertOpinion;
    std::string effect;
    std::string followUp;
    std::vector<std::string> citations;
};

// The same questions answered for every condition, for the compare view.
struct DifferentialFeatures {
    std::map<std::string, std::string> answers;  // key -> answer
};
// Keys and labels of DifferentialFeatures, in display order.
const std::vector<std::pair<std::string, std::string>>& differentialQuestions();

// Advice that a posture shows: the button puts the model in that preset posture, where the
// compression it causes is coloured and plotted.
struct PostureAdvice {
    std::string pose;  // a preset name (core/hip_pose.hpp), e.g. "crossed-legs"
    Wording says;      // what to do about it, for clinicians and in plain words
    int line = 0;
};

struct Condition {
    std::string id;
    std::string name;
    std::vector<std::string> synonyms;
    std::string group;
    std::string view = "lateral";
    Wording summary;  // clinician: summary, patient: patient_summary
    std::string who;
    std::vector<InvolvedStructure> structures;
    std::vector<PainZone> painZones;
    Wording pathophysiology;
    std::vector<Wording> mechanism;
    std::vector<Stage> stages;
    std::vector<std::string> history, signs;
    std::string imaging;
    std::vector<DiagnosticTest> tests;
    std::vector<ReliefOption> relief;  // ranked: best evidence first
    std::vector<std::string> selfManagement;
    std::vector<PostureAdvice> postures;
    std::vector<std::string> redFlags;  // keys into ContentLibrary::redFlags
    DifferentialFeatures differential;
    std::string file;  // where it came from, for messages
};

struct Reference {
    std::string key;
    std::string authors;
    int year = 0;
    std::string title;
    std::string journal;
    std::string doi;
    std::string pmid;
    std::string citation() const;  // "Authors (year). Title. Journal. doi:..."
};

struct RedFlag {
    std::string key;
    std::string name;
    Wording text;
    std::vector<std::string> signs;
};

struct ContentLibrary {
    std::vector<Condition> conditions;  // sorted by group, then name
    std::vector<Reference> references;
    std::vector<RedFlag> redFlags;

    const Condition* findCondition(const std::string& id) const;
    const Reference* findReference(const std::string& key) const;
    const RedFlag* findRedFlag(const std::string& key) const;
};

// Content cites as [key]; readers see [Author Year]. Unknown keys stay as written.
std::string readableCitations(const ContentLibrary& content, const std::string& text);

}  // namespace medius
