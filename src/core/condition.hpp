#pragma once
// A clinical condition as the content files describe it: which structures
// are involved and how, where it hurts, why, how it presents, and what helps.
// Plain data; content/conditions/SCHEMA.md documents the file format.
#include <glm/glm.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace medius {

// MayReact: a structure that may react alongside the real source (a bursa in gluteal
// tendinopathy) but is not itself where the pain comes from.
enum class Role { PainSource, Compressing, Weak, Compensating, ReferralSource, MayReact };
const char* roleName(Role role);        // file form, e.g. "pain_source"
const char* roleLabel(Role role);       // display form, e.g. "Pain source"
const char* rolePlainLabel(Role role);  // patient form, e.g. "Where the pain comes from"
std::optional<Role> parseRole(const std::string& text);
constexpr Role kAllRoles[] = {Role::PainSource, Role::Compressing, Role::Weak, Role::Compensating,
                              Role::ReferralSource, Role::MayReact};

// NotReviewed: the fact sheet does not cover the option, so Medius gives it no grade.
enum class EvidenceGrade { High, Moderate, Low, VeryLow, ExpertOpinion, NotReviewed };
const char* evidenceName(EvidenceGrade grade);   // file form, e.g. "very_low"
const char* evidenceLabel(EvidenceGrade grade);  // display form, e.g. "Very low"
// For patients, how sure the research is, e.g. "fairly sure"; what it shows over time is
// each option's own `patient_evidence`.
const char* evidencePlainWords(EvidenceGrade grade);
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
    std::string patientName;  // the structure as a patient reads it
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
    std::string patientName;  // the name as a patient reads it (the name when it has no jargon)
    Wording what;  // clinician: `what`, patient: `patient`
    EvidenceGrade evidence = EvidenceGrade::ExpertOpinion;
    std::string patientEvidence;  // what the research shows over time, in plain words
    std::string evidenceNeeded;   // not reviewed: what evidence would be needed (clinician)
    std::string source;           // where the grade comes from, e.g. "clinical-facts.md 4.1"
    bool firstLine = false;       // the recommended first step: ranked first, marked
    bool comparison = false;      // a comparison arm (wait and see): not offered as treatment
    std::string effect;
    std::string followUp;
    std::vector<std::string> citations;
    const std::string& shownName(Audience a) const {
        return a == Audience::Patient && !patientName.empty() ? patientName : name;
    }
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
    std::vector<std::string> patientSynonyms;  // the other names a patient may know
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
    DifferentialFeatures patientDifferential;  // the same answers in plain words
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

// How soon a patient must act on a warning sign.
enum class Urgency { EmergencyNow, WithinDays };

struct RedFlag {
    std::string key;
    std::string name;
    Wording text;
    std::vector<std::string> signs;  // clinician
    // The signs for a patient in short sentences, by urgency: "Go to an emergency department
    // now" and "See a doctor within days".
    std::vector<std::string> patientNow, patientDays;
};

// A piece of text that a patient reads, where it came from: for the readability and jargon
// checks and for `--check-content`.
struct PatientText {
    std::string file;
    int line = 0;
    std::string what;  // e.g. "relief 'Corticosteroid injection' patient"
    std::string text;
    bool redFlagSign = false;  // a red-flag sentence: graded even when it is one sentence
};

struct Exercise;  // core/exercise.hpp

struct ContentLibrary {
    std::vector<Condition> conditions;  // sorted by group, then name
    std::vector<Reference> references;
    std::vector<RedFlag> redFlags;
    std::vector<PatientText> patientTexts;  // every patient-facing field, with file and line
    // content/exercises (issue 15), sorted by stage. Held by pointer to keep this header light.
    std::shared_ptr<const std::vector<Exercise>> exercises;

    const Condition* findCondition(const std::string& id) const;
    const Reference* findReference(const std::string& key) const;
    const RedFlag* findRedFlag(const std::string& key) const;
};

// The relief options offered as treatment, in the order a patient sees them: first-line
// options first, then by grade, then as authored. Comparison arms are left out.
std::vector<const ReliefOption*> offeredRelief(const Condition& c);
// The comparison arms ("what happens without treatment").
std::vector<const ReliefOption*> withoutTreatment(const Condition& c);
// The red-flag sentences a condition's flags give a patient, at one urgency, without repeats.
std::vector<std::string> redFlagSentences(const ContentLibrary& content, const Condition& c,
                                          Urgency urgency);

// Content cites as [key]; readers see [Author Year]. Unknown keys stay as written.
std::string readableCitations(const ContentLibrary& content, const std::string& text);

}  // namespace medius
