#include "ui/condition_panels.hpp"

#include "core/exercise.hpp"
#include "ui/panels.hpp"
#include "ui/sidebar.hpp"

#include "core/hip_pose.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/condition_view.hpp"
#include "core/hip_pose.hpp"

namespace medius::ui {

namespace {

ImVec4 toImColour(const glm::vec3& linear) {
    const glm::vec3 s = glm::pow(glm::clamp(linear, glm::vec3(0.0f), glm::vec3(1.0f)),
                                 glm::vec3(1.0f / 2.2f));
    return ImVec4(s.r, s.g, s.b, 1.0f);
}

void swatch(const ImVec4& colour) {
    const float size = ImGui::GetTextLineHeight();
    ImGui::ColorButton("##swatch", colour,
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(size, size));
    ImGui::SameLine();
}

bool containsIgnoringCase(const std::string& text, const char* needle) {
    if (!*needle) return true;
    const std::size_t n = std::strlen(needle);
    for (std::size_t i = 0; i + n <= text.size(); ++i) {
        std::size_t k = 0;
        while (k < n && std::tolower(static_cast<unsigned char>(text[i + k])) ==
                            std::tolower(static_cast<unsigned char>(needle[k])))
            ++k;
        if (k == n) return true;
    }
    return false;
}

void wrapped(const std::string& text) { ImGui::TextWrapped("%s", text.c_str()); }


void bullets(const std::vector<std::string>& items) {
    for (const auto& item : items) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrapped(item);
    }
}

// Citation keys as small hover targets that show the full reference.
void citations(const ContentLibrary& content, const std::vector<std::string>& keys) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const Reference* ref = content.findReference(keys[i]);
        if (i) ImGui::SameLine();
        char label[96];
        if (ref)
            std::snprintf(label, sizeof label, "[%s %d]", ref->authors.substr(0, ref->authors.find(' ')).c_str(), ref->year);
        else
            std::snprintf(label, sizeof label, "[%s]", keys[i].c_str());
        ImGui::TextDisabled("%s", label);
        if (ref && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
            ImGui::TextUnformatted(ref->citation().c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}


ImVec4 evidenceColour(EvidenceGrade g) {
    switch (g) {
        case EvidenceGrade::High: return ImVec4(0.0f, 0.62f, 0.45f, 1.0f);
        case EvidenceGrade::Moderate: return ImVec4(0.34f, 0.71f, 0.91f, 1.0f);
        case EvidenceGrade::Low: return ImVec4(0.94f, 0.89f, 0.26f, 1.0f);
        case EvidenceGrade::VeryLow: return ImVec4(0.90f, 0.62f, 0.0f, 1.0f);
        case EvidenceGrade::ExpertOpinion: return ImVec4(0.7f, 0.7f, 0.7f, 1.0f);
        case EvidenceGrade::NotReviewed: return ImVec4(0.55f, 0.55f, 0.55f, 1.0f);
    }
    return ImVec4(1, 1, 1, 1);
}

void disclaimer() {
    ImGui::Separator();
    ImGui::TextDisabled("For education. Medius does not diagnose: see a clinician about your pain.");
}

// The two red-flag boxes (issue 16): what needs an emergency department now and what needs a
// doctor within days, each a tinted box with its signs in short sentences.
void urgencyBox(const char* title, const std::vector<std::string>& sentences, const ImVec4& colour) {
    if (sentences.empty()) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(0.0f, pad.y));
    ImGui::Indent(pad.x);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - pad.x);
    ImGui::TextColored(colour, "%s", title);
    for (const auto& sentence : sentences) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", sentence.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Unindent(pad.x);
    ImGui::Dummy(ImVec2(0.0f, pad.y * 0.5f));
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, end, ImGui::GetColorU32(ImVec4(colour.x, colour.y, colour.z, 0.14f)), 4.0f);
    draw->AddRect(start, end, ImGui::GetColorU32(colour), 4.0f);
    draw->ChannelsMerge();
    ImGui::Spacing();
}

const ImVec4 kEmergencyColour(1.0f, 0.45f, 0.38f, 1.0f), kDaysColour(1.0f, 0.78f, 0.35f, 1.0f);

void urgencyBoxes(const std::vector<std::string>& now, const std::vector<std::string>& days) {
    urgencyBox("Go to an emergency department now if:", now, kEmergencyColour);
    urgencyBox("See a doctor within days if:", days, kDaysColour);
}

void overviewTab(const Scene& scene, const ContentLibrary& content, const Condition& c,
                 Audience audience) {
    wrapped(readableCitations(content, c.summary.forAudience(audience)));
    ImGui::Spacing();
    if (audience == Audience::Clinician) {
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "Who gets it");
        wrapped(readableCitations(content, c.who));
        ImGui::Spacing();
    }
    ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f),
                       audience == Audience::Patient ? "The parts involved" : "Structures involved");
    for (const auto& s : c.structures) {
        ImGui::PushID(s.id.c_str());
        swatch(toImColour(roleColour(s.role)));
        const Structure* st = scene.find(s.id);
        const std::string name =
            audience == Audience::Patient && !s.patientName.empty() ? s.patientName : st ? st->name : s.id;
        const std::string role =
            std::string("(") + (audience == Audience::Patient ? rolePlainLabel(s.role) : roleLabel(s.role)) + ")";
        // The role beside the name when both fit the line, else under it: never cut.
        const float room = ImGui::GetContentRegionAvail().x;  // right of the swatch
        const bool oneLine = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetStyle().ItemSpacing.x +
                                 ImGui::CalcTextSize(role.c_str()).x <= room;
        ImGui::TextUnformatted(name.c_str());
        if (oneLine) ImGui::SameLine();
        else ImGui::Indent(ImGui::GetFrameHeight());
        ImGui::TextDisabled("%s", role.c_str());
        if (!oneLine) ImGui::Unindent(ImGui::GetFrameHeight());
        if (!s.note.empty() && audience == Audience::Clinician && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", s.note.c_str());
        ImGui::PopID();
    }
}

void mechanismTab(const ContentLibrary& content, const Condition& c, Audience audience) {
    wrapped(readableCitations(content, c.pathophysiology.forAudience(audience)));
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f),
                       audience == Audience::Patient ? "Step by step" : "Mechanism");
    for (std::size_t i = 0; i < c.mechanism.size(); ++i) {
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        wrapped(readableCitations(content, c.mechanism[i].forAudience(audience)));
    }
    if (!c.stages.empty() && audience == Audience::Clinician) {
        ImGui::Spacing();
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "Stages");
        for (const auto& st : c.stages) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s: %s", st.name.c_str(), st.description.c_str());
        }
    }
}

void presentationTab(const ContentLibrary& content, const Condition& c) {
    ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "History");
    bullets(c.history);
    ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "Signs");
    bullets(c.signs);
    if (!c.tests.empty()) {
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "Tests");
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("tests", 3, flags)) {
            ImGui::TableSetupColumn("Test", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn("Sensitivity", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Specificity", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableHeadersRow();
            for (const auto& t : c.tests) {
                ImGui::PushID(t.name.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", t.name.c_str());
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
                    ImGui::TextUnformatted(t.description.c_str());
                    if (!t.note.empty()) ImGui::TextDisabled("%s", t.note.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                citations(content, t.citations);
                ImGui::TableNextColumn();
                if (t.sensitivity) ImGui::Text("%.0f%%", *t.sensitivity * 100.0f);
                else ImGui::TextDisabled("n/a");
                ImGui::TableNextColumn();
                if (t.specificity) ImGui::Text("%.0f%%", *t.specificity * 100.0f);
                else ImGui::TextDisabled("n/a");
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    if (!c.imaging.empty()) {
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "Imaging");
        wrapped(readableCitations(content, c.imaging));
    }
}

void reliefOption(const ContentLibrary& content, const ReliefOption& r, Audience audience) {
    ImGui::PushID(r.name.c_str());
    ImGui::Separator();
    const bool patient = audience == Audience::Patient;
    if (r.firstLine) {
        ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.55f, 1.0f), "%s", patient ? "Start here:" : "First line:");
        ImGui::SameLine();
    }
    ImGui::TextWrapped("%s", r.shownName(audience).c_str());
    std::string grade = patient ? evidencePlainWords(r.evidence) : evidenceLabel(r.evidence);
    grade[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(grade[0])));
    if (patient) {
        // How sure, then what the research shows over time, in words.
        ImGui::TextColored(evidenceColour(r.evidence), "%s%s", grade.c_str(),
                           r.patientEvidence.empty() ? "" : ":");
        if (!r.patientEvidence.empty()) {
            ImGui::Indent();
            wrapped(r.patientEvidence);
            ImGui::Unindent();
        }
        wrapped(r.what.patient);
    } else {
        ImGui::TextColored(evidenceColour(r.evidence), "%s%s", grade.c_str(),
                           r.comparison ? " (comparison arm, not a treatment)" : "");
        wrapped(readableCitations(content, r.what.clinician));
        if (!r.effect.empty()) {
            ImGui::TextDisabled("Effect:");
            ImGui::SameLine();
            ImGui::TextWrapped("%s%s%s", readableCitations(content, r.effect).c_str(),
                               r.followUp.empty() ? "" : ", at ", r.followUp.c_str());
        }
        if (!r.evidenceNeeded.empty()) {
            ImGui::TextDisabled("Evidence needed:");
            ImGui::SameLine();
            wrapped(r.evidenceNeeded);
        }
        if (!r.source.empty()) ImGui::TextDisabled("Graded from %s", r.source.c_str());
        citations(content, r.citations);
    }
    ImGui::PopID();
}

void reliefTab(const ContentLibrary& content, const Condition& c, Audience audience, ActionQueue& actions) {
    const bool patient = audience == Audience::Patient;
    const auto offered = offeredRelief(c);
    const bool firstStep = !offered.empty() && offered.front()->firstLine;
    const bool noneGraded = std::all_of(offered.begin(), offered.end(), [](const ReliefOption* r) {
        return r->evidence == EvidenceGrade::NotReviewed;
    });
    ImGui::TextDisabled(patient ? (firstStep    ? "The first step first, then the best-supported."
                                   : noneGraded ? "Medius has not yet reviewed the research on these."
                                                : "The best-supported first.")
                                : "First line first, then by certainty of evidence (GRADE-style, "
                                  "Medius's own reading of the fact sheet).");
    for (const ReliefOption* r : offered) {
        reliefOption(content, *r, audience);
        // Where exercise is the first step, its programme is one click away (issue 15): the
        // first-stage exercise plays on the model and the programme opens beside it.
        if (r == offered.front() && r->firstLine && content.exercises) {
            const auto programme = programmeFor(*content.exercises, c.id);
            if (!programme.empty() &&
                ImGui::Button(patient ? "Show the exercises on the model" : "Show the exercise programme"))
                actions.push_back(PlayExerciseAction{programme.front()->id});
        }
    }
    const auto untreated = withoutTreatment(c);
    if (!untreated.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "%s",
                           patient ? "What happens without treatment" : "Comparison arms (natural history)");
        for (const ReliefOption* r : untreated) {
            if (patient) {
                wrapped(r->what.patient);
                if (!r->patientEvidence.empty()) wrapped(r->patientEvidence);
            } else {
                reliefOption(content, *r, audience);
            }
        }
    }
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "What you can do yourself");
    bullets(c.selfManagement);
    if (!c.postures.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "%s",
                           audience == Audience::Patient ? "See why on the model" : "Postures on the model");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Show puts the hip in the posture and colours the squeeze on the tendons.");
        ImGui::PopStyleColor();
        for (std::size_t i = 0; i < c.postures.size(); ++i) {
            const PostureAdvice& p = c.postures[i];
            ImGui::PushID(static_cast<int>(i));
            std::string label = p.pose;
            for (const auto& preset : posePresets())
                if (p.pose == preset.name) label = preset.label;
            if (ImGui::SmallButton("Show")) actions.push_back(SetViewOptionAction{"pose", p.pose});
            ImGui::SameLine();
            ImGui::TextUnformatted(label.c_str());
            wrapped(readableCitations(content, p.says.forAudience(audience)));
            ImGui::PopID();
        }
        if (ImGui::SmallButton("Back to standing")) actions.push_back(SetViewOptionAction{"pose", "standing"});
    }
}

void redFlagsTab(const ContentLibrary& content, const Condition& c, Audience audience) {
    urgencyBoxes(redFlagSentences(content, c, Urgency::EmergencyNow),
                 redFlagSentences(content, c, Urgency::WithinDays));
    if (audience == Audience::Patient) return;
    ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f),
                       "If any of these apply, arrange medical assessment rather than following the "
                       "exercise advice.");
    for (const auto& key : c.redFlags) {
        const RedFlag* flag = content.findRedFlag(key);
        if (!flag) continue;
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s: %s", flag->name.c_str(), flag->text.clinician.c_str());
    }
}

// A selectable row whose text wraps in a narrow sidebar instead of being cut.
bool wrappedSelectable(const std::string& text, bool selected) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width);
    ImGui::PushID(text.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable("##row", selected, 0, ImVec2(0.0f, size.y));
    ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr,
                                        width);
    ImGui::PopID();
    return clicked;
}
}  // namespace

void drawConditionList(const ContentLibrary& content, const std::string& selectedId,
                       ConditionListInput& input, ActionQueue& actions) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search (name or synonym)", input.search,
                             sizeof input.search);
    if (wrappedSelectable("Anatomy only", selectedId.empty())) actions.push_back(SelectConditionAction{""});
    std::string group;
    std::vector<const Condition*> shown;  // in list order, for the arrow keys
    for (const auto& c : content.conditions) {
        bool match = containsIgnoringCase(c.name, input.search);
        for (const auto& s : c.synonyms) match = match || containsIgnoringCase(s, input.search);
        if (!match) continue;
        shown.push_back(&c);
        if (c.group != group) {
            group = c.group;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", group.c_str());
        }
        if (wrappedSelectable(c.name, c.id == selectedId)) actions.push_back(SelectConditionAction{c.id});
        if (c.id == selectedId && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
        if (ImGui::IsItemHovered() && !c.synonyms.empty()) {
            std::string text;
            for (const auto& s : c.synonyms) text += (text.empty() ? "" : "\n") + s;
            ImGui::SetTooltip("%s", text.c_str());
        }
    }
    // Up and down step through the (filtered) list while this window has focus.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !shown.empty()) {
        int current = -1;
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (shown[i]->id == selectedId) current = static_cast<int>(i);
        int next = current;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            next = std::min(current + 1, static_cast<int>(shown.size()) - 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) next = std::max(current - 1, 0);
        if (next != current && next >= 0) actions.push_back(SelectConditionAction{shown[next]->id});
    }
    if (content.conditions.empty()) ImGui::TextDisabled("No condition content loaded.");
}

void drawConditionInfo(const Scene& scene, const ContentLibrary& content, const Condition& c,
                       Audience audience, ActionQueue& actions) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.6f, 1.0f), "%s", c.name.c_str());
    const auto& synonyms = audience == Audience::Patient ? c.patientSynonyms : c.synonyms;
    if (!synonyms.empty()) {
        std::string text;
        for (const auto& s : synonyms) text += (text.empty() ? "" : "; ") + s;
        ImGui::TextDisabled("%s", text.c_str());
    }
    ImGui::PopTextWrapPos();
    int who = audience == Audience::Patient ? 1 : 0;
    ImGui::TextUnformatted("Wording:");
    ImGui::SameLine();
    if (ImGui::RadioButton("Clinician / student", &who, 0))
        actions.push_back(SetAudienceAction{Audience::Clinician});
    ImGui::SameLine();
    if (ImGui::RadioButton("Patient", &who, 1))
        actions.push_back(SetAudienceAction{Audience::Patient});
    // Emergencies first: in patient wording the warning signs sit above everything else.
    if (audience == Audience::Patient && !c.redFlags.empty())
        urgencyBoxes(redFlagSentences(content, c, Urgency::EmergencyNow),
                     redFlagSentences(content, c, Urgency::WithinDays));

    // The tabs as a row of buttons that wraps in a narrow sidebar (an ImGui tab bar would cut
    // or scroll their names). Which one is open is ImGui's own per-window state, as a tab
    // bar's would be.
    enum Tab { Overview, Mechanism, Tests, Relief, Flags };
    struct TabButton {
        Tab tab;
        const char* label;
    };
    const bool patient = audience == Audience::Patient;
    std::vector<TabButton> tabs = {{Overview, "Overview"}, {Mechanism, patient ? "Why it hurts" : "Mechanism"}};
    if (!patient) tabs.push_back({Tests, "Exam & tests"});
    tabs.push_back({Relief, patient ? "What helps" : "Relief"});
    tabs.push_back({Flags, "Red flags"});
    int* open = ImGui::GetStateStorage()->GetIntRef(ImGui::GetID("condition tab"), Overview);
    if (patient && *open == Tests) *open = Overview;
    for (std::size_t i = 0; i < tabs.size(); ++i) {
        if (i > 0) sameLineIfFits(tabs[i].label);
        const bool current = *open == tabs[i].tab;
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(current ? ImGuiCol_TabActive : ImGuiCol_Tab));
        if (ImGui::Button(tabs[i].label)) *open = tabs[i].tab;
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    switch (*open) {
        case Mechanism: mechanismTab(content, c, audience); break;
        case Tests: presentationTab(content, c); break;
        case Relief: reliefTab(content, c, audience, actions); break;
        case Flags: redFlagsTab(content, c, audience); break;
        default: overviewTab(scene, content, c, audience); break;
    }
    disclaimer();
}

void drawLegend(const Condition& c, Audience audience) {
    {
        ImGui::TextUnformatted(c.name.c_str());
        for (Role role : kAllRoles) {
            bool present = false;
            for (const auto& s : c.structures) present = present || s.role == role;
            if (!present) continue;
            ImGui::PushID(static_cast<int>(role));
            swatch(toImColour(roleColour(role)));
            ImGui::TextUnformatted(audience == Audience::Patient ? rolePlainLabel(role) : roleLabel(role));
            ImGui::PopID();
        }
        bool local = false, referred = false;
        for (const auto& z : c.painZones) (z.kind == ZoneKind::Local ? local : referred) = true;
        if (local) {
            ImGui::PushID("local");
            swatch(toImColour(localPainColour()));
            ImGui::TextUnformatted("Pain felt here");
            ImGui::PopID();
        }
        if (referred) {
            ImGui::PushID("referred");
            swatch(toImColour(referredPainColour()));
            ImGui::TextUnformatted("Referred pain (hatched)");
            ImGui::PopID();
        }
    }
}

void drawRedFlags(const ContentLibrary& content, Audience audience, bool* open) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 30),
                             ImGuiCond_FirstUseEver);
    if (!beginModalWindow("Red flags: do not miss", open)) return;
    std::vector<std::string> now, days;
    for (const auto& flag : content.redFlags) {
        for (const auto& s : flag.patientNow) now.push_back(s);
        for (const auto& s : flag.patientDays) days.push_back(s);
    }
    urgencyBoxes(now, days);
    if (audience == Audience::Clinician) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f),
                       "These need a doctor promptly, not exercises.");
    for (const auto& flag : content.redFlags) {
        if (audience == Audience::Patient) break;
        if (ImGui::CollapsingHeader(flag.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            wrapped(flag.text.forAudience(audience));
            bullets(flag.signs);
        }
    }
    if (content.redFlags.empty()) ImGui::TextDisabled("No red flag content loaded.");
    ImGui::End();
}

void drawComparison(const ContentLibrary& content, const Condition& left, const Condition* right,
                    Audience audience, ActionQueue& actions) {
    ImGui::TextWrapped("The view splits in two: %s on the left, the other condition on the right, "
                       "turning together.", left.name.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##other", right ? right->name.c_str() : "choose a condition to compare")) {
        for (const auto& c : content.conditions)
            if (c.id != left.id && ImGui::Selectable(c.name.c_str(), right && right->id == c.id))
                actions.push_back(CompareConditionAction{c.id});
        ImGui::EndCombo();
    }
    if (right && ImGui::SmallButton("Stop comparing")) actions.push_back(CompareConditionAction{""});
    // One question after the other, both answers under it: a sidebar is too narrow for columns.
    const auto answer = [&](const Condition& c, const std::string& text) {
        if (text.empty()) return;
        ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.6f, 1.0f), "%s", c.name.c_str());
        ImGui::Indent();
        wrapped(text);
        ImGui::Unindent();
    };
    const auto answerOf = [audience](const Condition& c, const std::string& key) {
        const auto& answers =
            (audience == Audience::Patient ? c.patientDifferential : c.differential).answers;
        const auto it = answers.find(key);
        return it == answers.end() ? std::string() : it->second;
    };
    for (const auto& [key, label] : differentialQuestions()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", label.c_str());
        answer(left, answerOf(left, key));
        if (right) answer(*right, answerOf(*right, key));
    }
    ImGui::Spacing();
    ImGui::TextDisabled("In short");
    answer(left, left.summary.forAudience(audience));
    if (right) answer(*right, right->summary.forAudience(audience));
}

}  // namespace medius::ui
