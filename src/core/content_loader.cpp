#include "core/content_loader.hpp"

#include "core/exercise.hpp"

#include <algorithm>
#include <filesystem>

#include "core/hip_pose.hpp"
#include "core/orbit_camera.hpp"
#include "core/toml_reader.hpp"

namespace medius {

namespace fs = std::filesystem;

namespace {

// The line of each item of a list field, for messages about one item.
std::vector<int> itemLines(const toml::table& t, const char* key, int fallback) {
    std::vector<int> out;
    if (const toml::array* a = t.get_as<toml::array>(key))
        for (const toml::node& item : *a) {
            const int line = static_cast<int>(item.source().begin.line);
            out.push_back(line > 0 ? line : fallback);
        }
    return out;
}

// An optional true/false field.
bool flag(TomlReader& r, const toml::table& t, const char* key) {
    const toml::node* n = t.get(key);
    if (!n) return false;
    if (!n->is_boolean()) {
        r.error(r.lineOf(key), std::string("'") + key + "' must be true or false");
        return false;
    }
    return n->as_boolean()->get();
}

void checkCitations(TomlReader& r, const std::vector<std::string>& keys, int line,
                    const ContentLibrary& library) {
    for (const auto& key : keys)
        if (!library.findReference(key))
            r.error(line, "citation '" + key + "' is not in references.toml");
}

std::vector<Reference> loadReferences(const std::string& path, DiagnosticSink& sink) {
    std::vector<Reference> out;
    if (!fs::exists(path)) {
        sink.warning(path, 0, "no references file; citations cannot be checked");
        return out;
    }
    auto table = parseTomlFile(path, sink);
    if (!table) return out;
    TomlReader top(*table, path, sink, 1);
    for (auto [t, line] : top.tables("reference", false)) {
        TomlReader r(*t, path, sink, line);
        Reference ref;
        ref.key = r.text("key", true);
        ref.authors = r.text("authors", true);
        ref.year = static_cast<int>(r.number("year", true, 1800, 2100).value_or(0));
        ref.title = r.text("title", true);
        ref.journal = r.text("journal", true);
        ref.doi = r.text("doi", false);
        ref.pmid = r.text("pmid", false);
        r.warnUnknownKeys({"key", "authors", "year", "title", "journal", "doi", "pmid", "note"});
        const bool duplicate = std::any_of(out.begin(), out.end(),
                                           [&](const Reference& x) { return x.key == ref.key; });
        if (duplicate) r.error(r.lineOf("key"), "duplicate reference key '" + ref.key + "'");
        if (!r.failed()) out.push_back(std::move(ref));
    }
    return out;
}

std::vector<RedFlag> loadRedFlags(const std::string& path, DiagnosticSink& sink,
                                  std::vector<PatientText>& texts) {
    std::vector<RedFlag> out;
    if (!fs::exists(path)) {
        sink.error(path, 0, "the red flags file is missing");
        return out;
    }
    auto table = parseTomlFile(path, sink);
    if (!table) return out;
    TomlReader top(*table, path, sink, 1);
    for (auto [t, line] : top.tables("red_flag", true)) {
        TomlReader r(*t, path, sink, line);
        RedFlag flag;
        flag.key = r.text("key", true);
        flag.name = r.text("name", true);
        flag.text.clinician = r.text("clinician", true);
        flag.text.patient = r.text("patient", true);
        flag.signs = r.textList("signs", true);
        // What a patient reads: the signs in short sentences, by how soon to act (issue 16).
        flag.patientNow = r.textList("patient_now", false);
        flag.patientDays = r.textList("patient_days", false);
        if (flag.patientNow.empty() && flag.patientDays.empty())
            r.error(line, "red flag '" + flag.key +
                              "' needs its signs for patients in 'patient_now' (go to an emergency "
                              "department now) or 'patient_days' (see a doctor within days)");
        r.warnUnknownKeys({"key", "name", "clinician", "patient", "signs", "patient_now", "patient_days"});
        if (!r.failed()) {
            for (const char* key : {"patient_now", "patient_days"}) {
                const auto& list = std::string(key) == "patient_now" ? flag.patientNow : flag.patientDays;
                const auto lines = itemLines(*t, key, r.lineOf(key));
                for (std::size_t i = 0; i < list.size(); ++i)
                    texts.push_back({path, i < lines.size() ? lines[i] : r.lineOf(key),
                                     "red flag '" + flag.key + "' " + key, list[i], true});
            }
            out.push_back(std::move(flag));
        }
    }
    return out;
}

struct ConditionReader {
    const std::string& file;
    DiagnosticSink& sink;
    const KnownNames& known;
    const ContentLibrary& library;
    bool failed = false;
    std::vector<PatientText> texts;  // what a patient reads, with its line

    void patient(int line, const std::string& what, const std::string& text) {
        if (!text.empty()) texts.push_back({file, line, what, text, false});
    }

    TomlReader reader(const toml::table& t, int line) { return TomlReader(t, file, sink, line); }
    void finish(const TomlReader& r) { failed = failed || r.failed(); }

    void structures(TomlReader& top, Condition& c) {
        for (auto [t, line] : top.tables("structures", true)) {
            TomlReader r = reader(*t, line);
            InvolvedStructure s;
            s.line = line;
            s.id = r.text("id", true);
            const std::string role = r.text("role", true);
            s.note = r.text("note", false);
            s.patientName = r.text("patient_name", true);  // shown in patient wording
            patient(r.lineOf("patient_name"), "structure '" + s.id + "' patient_name", s.patientName);
            r.warnUnknownKeys({"id", "role", "note", "patient_name"});
            if (!s.id.empty() && !known.structures.empty() && !known.structures.count(s.id))
                r.error(r.lineOf("id"), "unknown structure id '" + s.id + "'");
            if (auto parsed = parseRole(role))
                s.role = *parsed;
            else if (!role.empty())
                r.error(r.lineOf("role"),
                        "role '" + role +
                            "' is not one of pain_source, compressing, weak, compensating, "
                            "referral_source, may_react");
            finish(r);
            c.structures.push_back(std::move(s));
        }
    }

    void painZones(TomlReader& top, Condition& c) {
        for (auto [t, line] : top.tables("pain_zones", true)) {
            TomlReader r = reader(*t, line);
            PainZone z;
            z.line = line;
            z.label = r.text("label", true);
            const std::string kind = r.text("kind", true);
            if (kind == "local")
                z.kind = ZoneKind::Local;
            else if (kind == "referred")
                z.kind = ZoneKind::Referred;
            else if (!kind.empty())
                r.error(r.lineOf("kind"), "kind '" + kind + "' is not local or referred");
            z.intensity = static_cast<float>(r.number("intensity", true, 0.05, 1.0).value_or(1.0));
            z.radius = static_cast<float>(r.number("radius", true, 5.0, 200.0).value_or(40.0));
            z.source = r.text("source", true);
            z.citations = r.textList("citations", false);
            checkCitations(r, z.citations, r.lineOf("citations"), library);
            r.warnUnknownKeys({"label", "kind", "intensity", "radius", "source", "citations", "path"});
            const toml::array* path = t->get_as<toml::array>("path");
            if (!path || path->empty()) {
                r.error(r.lineOf("path"), "'path' must list at least one { at = \"landmark\" }");
            } else {
                for (const toml::node& item : *path) {
                    const int itemLine = static_cast<int>(item.source().begin.line);
                    const toml::table* point = item.as_table();
                    if (!point) {
                        r.error(itemLine, "each 'path' point must be { at = \"landmark\" }");
                        continue;
                    }
                    TomlReader pr = reader(*point, itemLine > 0 ? itemLine : r.lineOf("path"));
                    ZonePoint zp;
                    zp.landmark = pr.text("at", true);
                    if (!zp.landmark.empty() && !known.landmarks.empty() &&
                        !known.landmarks.count(zp.landmark))
                        pr.error(pr.line(), "unknown body landmark '" + zp.landmark + "'");
                    if (const auto offset = pr.vec3("offset", false, "in mm")) zp.offset = *offset;
                    pr.warnUnknownKeys({"at", "offset"});
                    finish(pr);
                    z.path.push_back(zp);
                }
            }
            finish(r);
            c.painZones.push_back(std::move(z));
        }
    }

    void pathophysiology(TomlReader& top, Condition& c) {
        const toml::table* t = top.subtable("pathophysiology", true);
        if (!t) return;
        TomlReader r = reader(*t, top.lineOf("pathophysiology"));
        c.pathophysiology.clinician = r.text("clinician", true);
        c.pathophysiology.patient = r.text("patient", true);
        patient(r.lineOf("patient"), "pathophysiology patient", c.pathophysiology.patient);
        r.warnUnknownKeys({"clinician", "patient", "steps", "stages"});
        const auto steps = r.tables("steps", true);
        if (steps.size() == 1) r.error(steps[0].second, "the mechanism needs at least two steps");
        for (auto [st, line] : steps) {
            TomlReader sr = reader(*st, line);
            c.mechanism.push_back({sr.text("clinician", true), sr.text("patient", true)});
            patient(sr.lineOf("patient"), "mechanism step patient", c.mechanism.back().patient);
            sr.warnUnknownKeys({"clinician", "patient"});
            finish(sr);
        }
        for (auto [st, line] : r.tables("stages", false)) {
            TomlReader sr = reader(*st, line);
            c.stages.push_back({sr.text("name", true), sr.text("description", true)});
            sr.warnUnknownKeys({"name", "description"});
            finish(sr);
        }
        finish(r);
    }

    void presentation(TomlReader& top, Condition& c) {
        const toml::table* t = top.subtable("presentation", true);
        if (!t) return;
        TomlReader r = reader(*t, top.lineOf("presentation"));
        c.history = r.textList("history", true);
        c.signs = r.textList("signs", true);
        c.imaging = r.text("imaging", false);
        r.warnUnknownKeys({"history", "signs", "imaging", "tests"});
        for (auto [tt, line] : r.tables("tests", false)) {
            TomlReader tr = reader(*tt, line);
            DiagnosticTest test;
            test.name = tr.text("name", true);
            test.description = tr.text("description", true);
            if (auto v = tr.number("sensitivity", false, 0.0, 1.0)) test.sensitivity = static_cast<float>(*v);
            if (auto v = tr.number("specificity", false, 0.0, 1.0)) test.specificity = static_cast<float>(*v);
            test.note = tr.text("note", false);
            test.citations = tr.textList("citations", false);
            if ((tr.has("sensitivity") || tr.has("specificity")) && test.citations.empty())
                tr.error(line, "test '" + test.name +
                                   "' gives sensitivity or specificity without a citation");
            checkCitations(tr, test.citations, tr.lineOf("citations"), library);
            tr.warnUnknownKeys({"name", "description", "sensitivity", "specificity", "note", "citations"});
            finish(tr);
            c.tests.push_back(std::move(test));
        }
        finish(r);
    }

    void relief(TomlReader& top, Condition& c) {
        for (auto [t, line] : top.tables("relief", true)) {
            TomlReader r = reader(*t, line);
            ReliefOption o;
            o.name = r.text("name", true);
            o.patientName = r.text("patient_name", false);
            o.what.clinician = r.text("what", true);
            o.what.patient = r.text("patient", true);
            const std::string grade = r.text("evidence", true);
            if (auto g = parseEvidence(grade))
                o.evidence = *g;
            else if (!grade.empty())
                r.error(r.lineOf("evidence"), "evidence '" + grade +
                                                  "' is not one of high, moderate, low, very_low, "
                                                  "expert_opinion, not_reviewed");
            o.firstLine = flag(r, *t, "first_line");
            o.comparison = flag(r, *t, "comparison");
            if (o.firstLine && o.comparison)
                r.error(line, "relief option '" + o.name + "' cannot be both first_line and a comparison arm");
            o.source = r.text("source", false);
            o.evidenceNeeded = r.text("evidence_needed", false);
            o.effect = r.text("effect", false);
            o.followUp = r.text("follow_up", false);
            o.citations = r.textList("citations", false);
            const bool reviewed = o.evidence != EvidenceGrade::NotReviewed;
            // Every grade comes from a source (issue 16): the fact sheet section, and references
            // for anything above expert opinion that the sheet ties to a study.
            if (reviewed && o.source.empty())
                r.error(line, "relief option '" + o.name + "' is graded '" + grade +
                                  "' but has no 'source' (the fact sheet section it comes from); "
                                  "use evidence = \"not_reviewed\" if the sheet does not cover it");
            if (reviewed && o.citations.empty() && o.evidence != EvidenceGrade::ExpertOpinion &&
                o.evidence != EvidenceGrade::VeryLow)
                r.error(line, "relief option '" + o.name + "' is graded '" + grade +
                                  "' but has no citation");
            if (!reviewed && o.evidenceNeeded.empty())
                r.error(line, "relief option '" + o.name +
                                  "' is not yet reviewed: say in 'evidence_needed' what evidence would "
                                  "be needed to grade it");
            if (!reviewed && !o.citations.empty())
                r.error(r.lineOf("citations"), "relief option '" + o.name +
                                                   "' is not yet reviewed but cites references");
            if (reviewed) o.patientEvidence = r.text("patient_evidence", true);
            else if (r.has("patient_evidence"))
                r.error(r.lineOf("patient_evidence"),
                        "relief option '" + o.name + "' is not yet reviewed: patients read \"not yet "
                        "reviewed\", so leave out 'patient_evidence'");
            patient(r.lineOf("patient_name"), "relief '" + o.name + "' patient_name", o.patientName);
            patient(r.lineOf("patient"), "relief '" + o.name + "' patient", o.what.patient);
            patient(r.lineOf("patient_evidence"), "relief '" + o.name + "' patient_evidence",
                    o.patientEvidence);
            checkCitations(r, o.citations, r.lineOf("citations"), library);
            r.warnUnknownKeys({"name", "patient_name", "what", "patient", "evidence", "patient_evidence",
                               "evidence_needed", "source", "first_line", "comparison", "effect",
                               "follow_up", "citations"});
            finish(r);
            c.relief.push_back(std::move(o));
        }
        // First-line options first, then best evidence; the author's order breaks ties.
        std::stable_sort(c.relief.begin(), c.relief.end(), [](const auto& a, const auto& b) {
            if (a.firstLine != b.firstLine) return a.firstLine;
            return static_cast<int>(a.evidence) < static_cast<int>(b.evidence);
        });
    }

    void differential(TomlReader& top, Condition& c) {
        const toml::table* t = top.subtable("differential", true);
        if (!t) return;
        TomlReader r = reader(*t, top.lineOf("differential"));
        std::vector<std::string> keys;
        for (const auto& [key, label] : differentialQuestions()) {
            keys.push_back(key);
            c.differential.answers[key] = r.text(key.c_str(), true);
        }
        r.warnUnknownKeys(keys);
        finish(r);
        // The same answers in plain words, for the compare view in patient wording.
        const toml::table* pt = top.subtable("patient_differential", true);
        if (!pt) return;
        TomlReader pr = reader(*pt, top.lineOf("patient_differential"));
        for (const auto& [key, label] : differentialQuestions()) {
            c.patientDifferential.answers[key] = pr.text(key.c_str(), true);
            patient(pr.lineOf(key.c_str()), "patient_differential " + key,
                    c.patientDifferential.answers[key]);
        }
        pr.warnUnknownKeys(keys);
        finish(pr);
    }
};

std::optional<Condition> loadCondition(const std::string& path, const KnownNames& known,
                                       const ContentLibrary& library, DiagnosticSink& sink,
                                       std::vector<PatientText>& texts) {
    auto table = parseTomlFile(path, sink);
    if (!table) return std::nullopt;
    Condition c;
    c.file = path;
    ConditionReader cr{path, sink, known, library, false, {}};
    TomlReader top(*table, path, sink, 1);
    c.id = top.text("id", true);
    const std::string stem = fs::path(path).stem().string();
    // Only a warning: the id, not the file name, is what other content refers to.
    if (!c.id.empty() && c.id != stem)
        sink.warning(path, top.lineOf("id"),
                     "id '" + c.id + "' differs from the file name '" + stem + ".toml'");
    c.name = top.text("name", true);
    c.synonyms = top.textList("synonyms", false);
    // The other names a patient may know, without abbreviations (issue 16).
    c.patientSynonyms = top.textList("patient_synonyms", false);
    if (!c.synonyms.empty() && !top.has("patient_synonyms"))
        top.error(top.lineOf("synonyms"), "'synonyms' needs 'patient_synonyms': the other names in "
                                          "patient wording (use [] when none)");
    {
        const auto lines = itemLines(*table, "patient_synonyms", top.lineOf("patient_synonyms"));
        for (std::size_t i = 0; i < c.patientSynonyms.size(); ++i)
            cr.patient(i < lines.size() ? lines[i] : 1, "patient_synonyms", c.patientSynonyms[i]);
    }
    c.group = top.text("group", true);
    c.view = top.text("view", true);
    if (!c.view.empty() && !parseViewPreset(c.view))
        top.error(top.lineOf("view"), "view '" + c.view +
                                          "' is not one of anterior, posterior, lateral, medial, "
                                          "superior, inferior");
    c.summary.clinician = top.text("summary", true);
    c.summary.patient = top.text("patient_summary", true);
    cr.patient(top.lineOf("patient_summary"), "patient_summary", c.summary.patient);
    c.who = top.text("who", true);
    c.selfManagement = top.textList("self_management", true);
    {
        const auto lines = itemLines(*table, "self_management", top.lineOf("self_management"));
        for (std::size_t i = 0; i < c.selfManagement.size(); ++i)
            cr.patient(i < lines.size() ? lines[i] : 1, "self_management", c.selfManagement[i]);
    }
    // Advice a posture shows on the model (issue 7): the preset must exist.
    for (const auto& [table, line] : top.tables("posture", false)) {
        TomlReader pr(*table, path, sink, line);
        PostureAdvice advice;
        advice.line = line;
        advice.pose = pr.text("pose", true);
        advice.says.clinician = pr.text("clinician", true);
        advice.says.patient = pr.text("patient", true);
        if (!advice.pose.empty() && !findPosePreset(advice.pose)) {
            std::string names;
            for (const auto& preset : posePresets()) names += (names.empty() ? "" : ", ") + std::string(preset.name);
            pr.error(pr.lineOf("pose"), "pose '" + advice.pose + "' is not a preset posture (" + names + ")");
        }
        pr.warnUnknownKeys({"pose", "clinician", "patient"});
        if (pr.failed()) top.error(line, "posture advice left out");
        else {
            cr.patient(pr.lineOf("patient"), "posture '" + advice.pose + "' patient", advice.says.patient);
            c.postures.push_back(std::move(advice));
        }
    }
    c.redFlags = top.textList("red_flags", false);
    for (const auto& key : c.redFlags)
        if (!library.redFlags.empty() && !library.findRedFlag(key))
            top.error(top.lineOf("red_flags"), "red flag '" + key + "' is not in red_flags.toml");
    top.warnUnknownKeys({"id", "name", "synonyms", "group", "view", "summary", "patient_summary",
                         "who", "structures", "pain_zones", "pathophysiology", "presentation",
                         "relief", "self_management", "posture", "red_flags", "differential",
                         "patient_synonyms", "patient_differential"});
    cr.structures(top, c);
    cr.painZones(top, c);
    cr.pathophysiology(top, c);
    cr.presentation(top, c);
    cr.relief(top, c);
    cr.differential(top, c);
    if (top.failed() || cr.failed) {
        sink.warning(path, 0, "condition left out because of the errors above");
        return std::nullopt;
    }
    texts.insert(texts.end(), cr.texts.begin(), cr.texts.end());
    return c;
}

}  // namespace

ContentLibrary loadContent(const std::string& contentDir, const KnownNames& known,
                           DiagnosticSink& sink) {
    ContentLibrary library;
    std::error_code ec;
    if (!fs::is_directory(contentDir, ec)) {
        sink.error(contentDir, 0, "content folder not found");
        return library;
    }
    library.references = loadReferences(contentDir + "/references.toml", sink);
    library.redFlags = loadRedFlags(contentDir + "/red_flags.toml", sink, library.patientTexts);

    const fs::path conditionDir = fs::path(contentDir) / "conditions";
    std::vector<std::string> files;
    if (fs::is_directory(conditionDir, ec))
        for (const auto& entry : fs::directory_iterator(conditionDir, ec))
            if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());  // the same order on every machine
    if (files.empty()) sink.warning(conditionDir.string(), 0, "no condition files (*.toml)");

    for (const auto& file : files) {
        std::vector<PatientText> texts;
        auto condition = loadCondition(file, known, library, sink, texts);
        if (!condition) continue;
        if (const Condition* first = library.findCondition(condition->id)) {
            sink.error(file, 1, "duplicate condition id '" + condition->id + "' (also in " +
                                    first->file + "); this one is left out");
            continue;
        }
        library.conditions.push_back(std::move(*condition));
        library.patientTexts.insert(library.patientTexts.end(), texts.begin(), texts.end());
    }
    std::stable_sort(library.conditions.begin(), library.conditions.end(),
                     [](const Condition& a, const Condition& b) {
                         return a.group != b.group ? a.group < b.group : a.name < b.name;
                     });
    // The exercises (issue 15) may name the conditions just loaded and the known structures.
    ExerciseNames names;
    names.structures = known.structures;
    for (const auto& c : library.conditions) names.conditions.insert(c.id);
    library.exercises = std::make_shared<const std::vector<Exercise>>(
        loadExercises((fs::path(contentDir) / "exercises").string(), names, sink, library.patientTexts));
    return library;
}

}  // namespace medius
