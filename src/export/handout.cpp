#include "export/handout.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <ctime>
#include <regex>
#include <sstream>
#include <vector>

namespace medius {

namespace {
constexpr double kPageWidth = 595.276, kPageHeight = 841.890;  // A4 in points
constexpr double kMargin = 42.0;
constexpr int kMaxPages = 2;
// Body type starts comfortable and shrinks in steps until the handout fits two pages; 9 pt
// is the smallest that stays readable for older eyes on paper.
constexpr double kLargestBody = 11.0, kSmallestBody = 9.0, kBodyStep = 0.5;
constexpr double kFooterSize = 9.0;
// A second page filled less than this is worth saving with type down to kOnePageBody.
constexpr double kNearlyEmpty = 0.3, kOnePageBody = 9.5;
constexpr double kPictureWidth = 200.0, kGutter = 18.0;
constexpr double kLineSpacing = 1.32;  // line height over type size
constexpr double kIndent = 12.0;       // of list items under their name or bullet

struct Colour {
    double r, g, b;
};
constexpr Colour kInk{0.10, 0.10, 0.10}, kGrey{0.38, 0.38, 0.38}, kAccent{0.0, 0.30, 0.50},
    kWarning{0.55, 0.10, 0.05}, kEvidence{0.0, 0.40, 0.30};
// The pain colours as the renderer shows them on the skin (sRGB of core's linear colours).
constexpr Colour kLocalPain{0.86, 0.15, 0.18}, kReferredPain{0.94, 0.89, 0.26};

struct TextStyle {
    double size;
    bool bold;
    Colour colour;
};

// A stretch of a paragraph in one style. Runs meet at word boundaries.
struct Run {
    std::string text;
    TextStyle style;
    bool unbroken = false;  // kept on one line, like "(good evidence)"
};

// What ends up on the pages, placed: text (at its baseline) and coloured boxes.
struct TextOp {
    int page;
    double x, y;
    std::string text;
    TextStyle style;
};
struct BoxOp {
    int page;
    double x, y, width, height;
    Colour colour;
    bool striped;
};
struct PictureOp {
    int page;
    double x, y, width, height;
    const Image* image;
};
struct Layout {
    std::vector<TextOp> texts;
    std::vector<BoxOp> boxes;
    std::vector<PictureOp> pictures;  // beyond the condition's own (the exercise pictures)
    int pages = 1;
    double bodySize = 0.0;
    double pictureX = 0.0, pictureY = 0.0, pictureWidth = 0.0, pictureHeight = 0.0;  // page 1
    double smallestSize() const {
        double s = 1e9;
        for (const auto& t : texts) s = std::min(s, t.style.size);
        return s;
    }
};

// A region the text flows through, in order: the column beside the picture, the rest of
// page 1, then whole pages.
struct Frame {
    int page;
    double x, top, width, bottom;
};

void selectFont(cairo_t* cr, const TextStyle& style) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, style.size);
}

double advance(cairo_t* cr, const std::string& text, const TextStyle& style) {
    selectFont(cr, style);
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return e.x_advance;
}

struct Word {
    std::string text;
    TextStyle style;
    double width;
};

std::vector<Word> wordsOf(cairo_t* cr, const std::vector<Run>& runs) {
    std::vector<Word> words;
    for (const auto& run : runs) {
        if (run.unbroken) {
            words.push_back({run.text, run.style, advance(cr, run.text, run.style)});
            continue;
        }
        std::istringstream in(run.text);
        std::string w;
        while (in >> w) words.push_back({w, run.style, advance(cr, w, run.style)});
    }
    return words;
}

// Where text stops on every page: above the footer line.
double flowBottom() {
    return kPageHeight - kMargin - kFooterSize * kLineSpacing - 10.0;
}

// Lays paragraphs line by line through the frames. A line that does not fit where it is
// goes to the next frame, and the rest of the paragraph wraps to that frame's width: text
// is never cut, it moves on.
class Flow {
  public:
    Flow(cairo_t* cr, Layout& out, std::vector<Frame> frames, std::string continuedTitle)
        : cr_(cr),
          out_(out),
          frames_(std::move(frames)),
          continuedTitle_(std::move(continuedTitle)) {
        y_ = frames_.front().top;
    }

    // Vertical space, except at the top of a frame, where it would only push text down.
    void space(double points) {
        if (!atFrameTop_) y_ += points;
    }
    // Starts a new frame unless `height` still fits in this one: a heading keeps its first
    // lines with it.
    void keepTogether(double height) {
        if (y_ + height > frame().bottom && !atFrameTop_) nextFrame();
    }
    // Wrapped text, optionally indented and with a bullet hanging in the indent.
    void paragraph(const std::vector<Run>& runs, double indent = 0.0,
                   const char* bullet = nullptr) {
        const std::vector<Word> words = wordsOf(cr_, runs);
        const double lineHeight = lineHeightOf(runs);
        int budget = linesBeforeBreak(words, indent, lineHeight);
        std::size_t next = 0;
        bool first = true;
        while (next < words.size()) {
            if (budget == 0 || y_ + lineHeight > frame().bottom) {
                nextFrame();
                budget = -1;
            }
            y_ += lineHeight;
            atFrameTop_ = false;
            if (first && bullet)
                out_.texts.push_back(
                    {frame().page, frame().x + indent - 11.0, y_, bullet, runs.front().style});
            const std::size_t end = lineEnd(words, next, frame().width - indent);
            placeLine(words, next, end, frame().x + indent);
            next = end;
            first = false;
            if (budget > 0) --budget;
        }
    }
    // The height `runs` take at the width of the current frame.
    double heightOf(const std::vector<Run>& runs, double indent = 0.0) {
        return countLines(wordsOf(cr_, runs), frame().width - indent) * lineHeightOf(runs);
    }
    void paragraph(const std::string& text, const TextStyle& style, double indent = 0.0) {
        paragraph(std::vector<Run>{{text, style}}, indent);
    }
    // The baseline of the last line placed.
    double y() const { return y_; }

  private:
    Frame& frame() { return frames_[index_]; }

    static double lineHeightOf(const std::vector<Run>& runs) {
        double size = 0.0;
        for (const auto& r : runs) size = std::max(size, r.style.size);
        return size * kLineSpacing;
    }
    // As many words from `first` as fit in `width`; at least one, so a word wider than the
    // column still appears. Returns the first word that does not fit.
    std::size_t lineEnd(const std::vector<Word>& words, std::size_t first, double width) {
        std::size_t end = first;
        double used = 0.0;
        while (end < words.size()) {
            const double gap = end == first ? 0.0 : advance(cr_, " ", words[end].style);
            if (end > first && used + gap + words[end].width > width) break;
            used += gap + words[end].width;
            ++end;
        }
        return end;
    }
    int countLines(const std::vector<Word>& words, double width) {
        int lines = 0;
        for (std::size_t next = 0; next < words.size(); ++lines) next = lineEnd(words, next, width);
        return lines;
    }
    // How many lines of a paragraph go in this frame before it moves on (-1: as many as fit).
    // No line is left alone at the foot of a frame or at the top of the next one.
    int linesBeforeBreak(const std::vector<Word>& words, double indent, double lineHeight) {
        if (atFrameTop_) return -1;
        const int fit = static_cast<int>((frame().bottom - y_) / lineHeight);
        const int total = countLines(words, frame().width - indent);
        if (total <= fit) return -1;
        if (fit <= 1) return 0;
        return total - fit == 1 ? fit - 1 : -1;
    }
    // The words [first, end) on the line at y_, one text operation per stretch of one
    // style, so the PDF's text reads as sentences.
    void placeLine(const std::vector<Word>& words, std::size_t first, std::size_t end, double x) {
        for (std::size_t i = first; i < end;) {
            std::string stretch = words[i].text;
            std::size_t j = i + 1;
            while (j < end && sameStyle(words[j].style, words[i].style))
                stretch += " " + words[j++].text;
            out_.texts.push_back({frame().page, x, y_, stretch, words[i].style});
            x += advance(cr_, stretch, words[i].style);
            if (j < end) x += advance(cr_, " ", words[j].style);
            i = j;
        }
    }
    static bool sameStyle(const TextStyle& a, const TextStyle& b) {
        return a.size == b.size && a.bold == b.bold && a.colour.r == b.colour.r &&
               a.colour.g == b.colour.g && a.colour.b == b.colour.b;
    }
    // The next frame; past the last one, a new page under a "continued" line.
    void nextFrame() {
        if (index_ + 1 == frames_.size()) {
            const int page = frames_.back().page + 1;
            const TextStyle style{kFooterSize + 1.0, true, kAccent};
            const double baseline = kMargin + style.size;
            out_.texts.push_back({page, kMargin, baseline, continuedTitle_, style});
            frames_.push_back(
                {page, kMargin, baseline + 10.0, kPageWidth - 2 * kMargin, flowBottom()});
            out_.pages = page + 1;
        }
        ++index_;
        y_ = frame().top;
        atFrameTop_ = true;
    }

    cairo_t* cr_;
    Layout& out_;
    std::vector<Frame> frames_;
    std::string continuedTitle_;
    std::size_t index_ = 0;
    double y_ = 0.0;
    bool atFrameTop_ = true;
};

// The type sizes of one layout, all from the body size.
struct Sizes {
    double body;
    TextStyle text() const { return {body, false, kInk}; }
    TextStyle strong() const { return {body, true, kInk}; }
    TextStyle heading() const { return {body * 1.25, true, kAccent}; }
    TextStyle title() const { return {body * 2.0, true, kInk}; }
    TextStyle small() const { return {std::max(kSmallestBody, body * 0.9), false, kGrey}; }
    TextStyle footer() const { return {kFooterSize, false, kGrey}; }
};

// A section heading, kept in one frame with the first `keepWith` points of what it introduces.
void heading(Flow& flow, const Sizes& s, const std::string& text, double keepWith) {
    flow.space(s.body * 0.9);
    flow.keepTogether(s.heading().size * kLineSpacing + s.body * 0.2 + keepWith);
    flow.paragraph(text, s.heading());
    flow.space(s.body * 0.2);
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

// "What helps": the first step first, each option by name with how sure the research is and
// what it shows over time, in words, then in plain words what it is. The clinician's effect
// sizes and trial figures stay in the app. Comparison arms (wait and see) are not offered as
// a treatment: they are "what happens without treatment".
void reliefOptions(Flow& flow, const Sizes& s, const Condition& c) {
    const auto offered = offeredRelief(c);
    if (offered.empty()) return;
    // A short option stays in one piece; a long one keeps its name with its first lines.
    const auto keptHeight = [&](const std::vector<Run>& name, const std::vector<Run>& text) {
        const double textHeight = text.front().text.empty() ? 0.0 : flow.heightOf(text, kIndent);
        return flow.heightOf(name) + std::min(textHeight, 4 * s.body * kLineSpacing);
    };
    const auto nameOf = [&](const ReliefOption& r) {
        std::vector<Run> runs;
        if (r.firstLine) runs.push_back({"Start here:", {s.body, true, kEvidence}, true});
        runs.push_back({r.shownName(Audience::Patient), s.strong()});
        return runs;
    };
    const auto textOf = [&](const ReliefOption& r) {
        std::string grade = evidencePlainWords(r.evidence);
        grade[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(grade[0])));
        std::vector<Run> runs{
            {grade + (r.patientEvidence.empty() ? "." : ":"), {s.body, true, kEvidence}, true}};
        if (!r.patientEvidence.empty())
            runs.push_back({withoutCitations(r.patientEvidence), {s.body, false, kEvidence}});
        runs.push_back({withoutCitations(r.what.patient), s.text()});
        return runs;
    };
    heading(flow, s,
            offered.front()->firstLine ? "What helps (the first step first)" : "What may help",
            s.body * 0.35 + keptHeight(nameOf(*offered.front()), textOf(*offered.front())));
    for (const ReliefOption* r : offered) {
        const std::vector<Run> name = nameOf(*r), text = textOf(*r);
        flow.space(s.body * 0.35);
        flow.keepTogether(keptHeight(name, text));
        flow.paragraph(name);
        flow.paragraph(text, kIndent);
    }
    const auto untreated = withoutTreatment(c);
    if (untreated.empty()) return;
    const auto untreatedText = [&](const ReliefOption& r) {
        std::string text = withoutCitations(r.what.patient);
        if (!r.patientEvidence.empty()) text += " " + withoutCitations(r.patientEvidence);
        return std::vector<Run>{{text, s.text()}};
    };
    heading(flow, s, "What happens without treatment",
            flow.heightOf(untreatedText(*untreated.front())));
    for (const ReliefOption* r : untreated) flow.paragraph(untreatedText(*r));
}

void selfManagement(Flow& flow, const Sizes& s, const Condition& c) {
    if (c.selfManagement.empty()) return;
    heading(flow, s, "What you can do yourself",
            s.body * 0.2 + flow.heightOf({{c.selfManagement.front(), s.text()}}, kIndent));
    for (const auto& advice : c.selfManagement) {
        flow.space(s.body * 0.2);
        flow.paragraph({{withoutCitations(advice), s.text()}}, kIndent,
                       "\xE2\x80\xA2");  // a bullet
    }
}

// The two red-flag boxes, at the top: what needs an emergency department now and what needs
// a doctor within days, each sign in a short sentence (issue 16).
void redFlags(Flow& flow, const Sizes& s, const Condition& c, const ContentLibrary& content) {
    const auto box = [&](const char* title, const std::vector<std::string>& sentences) {
        if (sentences.empty()) return;
        const TextStyle title_{s.heading().size, true, kWarning};
        double height = s.heading().size * kLineSpacing + s.body * 0.2;
        for (const auto& sentence : sentences)
            height += flow.heightOf({{sentence, s.text()}}, kIndent);
        flow.space(s.body * 0.6);
        flow.keepTogether(height);
        flow.paragraph(title, title_);
        flow.space(s.body * 0.2);
        for (const auto& sentence : sentences)
            flow.paragraph({{sentence, s.text()}}, kIndent, "\xE2\x80\xA2");  // a bullet
    };
    box("Go to an emergency department now if",
        redFlagSentences(content, c, Urgency::EmergencyNow));
    box("See a doctor within days if", redFlagSentences(content, c, Urgency::WithinDays));
}

// The authors and years of the relief options' references, for the closing line.
std::string sourcesOf(const Condition& c, const ContentLibrary& content) {
    std::vector<std::string> sources;
    for (const auto& r : c.relief)
        for (const auto& key : r.citations)
            if (const Reference* ref = content.findReference(key)) {
                const std::string shortRef =
                    ref->authors.substr(0, ref->authors.find_first_of(" ,")) + " " +
                    std::to_string(ref->year);
                if (std::find(sources.begin(), sources.end(), shortRef) == sources.end())
                    sources.push_back(shortRef);
            }
    return sources.empty() ? "see the app" : joined(sources, ", ");
}

std::string today() {
    char date[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&now));
    return date;
}

// The picture at the left of page 1 and its legend under it; returns the legend's foot.
double placePicture(Layout& out, const Sizes& s, const Condition& c, const Image& view,
                    double top) {
    if (view.width <= 0 || view.height <= 0) return top;
    out.pictureX = kMargin;
    out.pictureY = top;
    out.pictureWidth = kPictureWidth;
    out.pictureHeight = kPictureWidth * view.height / view.width;
    double y = top + out.pictureHeight + 6.0;
    const TextStyle legend{std::max(kSmallestBody, s.body * 0.9), false, kInk};
    const auto swatch = [&](Colour colour, bool striped, const char* label) {
        out.boxes.push_back({0, kMargin, y + 1.0, legend.size, legend.size, colour, striped});
        // The label's lower-case letters centred on the swatch.
        out.texts.push_back(
            {0, kMargin + legend.size + 6.0, y + 1.0 + legend.size * 0.86, label, legend});
        y += legend.size * kLineSpacing;
    };
    const bool referred =
        std::any_of(c.painZones.begin(), c.painZones.end(),
                    [](const PainZone& z) { return z.kind == ZoneKind::Referred; });
    swatch(kLocalPain, false, "Where the pain is felt");
    if (referred) swatch(kReferredPain, true, "Where it can spread (striped)");
    return y;
}

// The title on one line where a little smaller type allows it; a long name wraps.
TextStyle titleStyle(cairo_t* cr, const Sizes& s, const std::string& name, double width) {
    TextStyle style = s.title();
    while (style.size > s.body * 1.5 && advance(cr, name, style) > width) style.size -= 0.5;
    return advance(cr, name, style) > width ? s.title() : style;
}

// The whole handout at one body size.
Layout layoutHandout(cairo_t* cr, const Condition& c, const ContentLibrary& content,
                     const Image& view, double body) {
    Layout out;
    out.bodySize = body;
    const Sizes s{body};
    const double width = kPageWidth - 2 * kMargin;
    // Title, other names and the notice: full width at the top of page 1.
    Flow header(cr, out, {{0, kMargin, kMargin - 4.0, width, flowBottom()}}, "");
    header.paragraph(c.name, titleStyle(cr, s, c.name, width));
    if (!c.patientSynonyms.empty())
        header.paragraph("Also called: " + joined(c.patientSynonyms, "; "), s.small());
    header.space(3.0);
    header.paragraph(
        "This sheet explains a condition for education. It is not a diagnosis: your clinician's "
        "assessment is what counts.",
        {s.small().size, true, kWarning});

    const double top = header.y() + 14.0;
    const double pictureFoot = placePicture(out, s, c, view, top);
    const double besideX = kMargin + (pictureFoot > top ? kPictureWidth + kGutter : 0.0);
    std::vector<Frame> frames;
    if (pictureFoot > top)
        frames.push_back({0, besideX, top - body, kPageWidth - kMargin - besideX, pictureFoot});
    frames.push_back({0, kMargin, pictureFoot + 6.0, width, flowBottom()});
    Flow flow(cr, out, frames, c.name + " (continued)");

    redFlags(flow, s, c, content);  // emergencies first
    heading(flow, s, "What is going on", 2 * s.body * kLineSpacing);
    flow.paragraph(withoutCitations(c.summary.forAudience(Audience::Patient)), s.text());
    if (!c.pathophysiology.patient.empty()) {
        heading(flow, s, "Why it hurts", 2 * s.body * kLineSpacing);
        flow.paragraph(withoutCitations(c.pathophysiology.patient), s.text());
    }
    reliefOptions(flow, s, c);
    selfManagement(flow, s, c);
    flow.space(body);
    flow.paragraph("Made with Medius on " + today() + ". Sources: " + sourcesOf(c, content) + ".",
                   s.footer());
    return out;
}

// How much of the last page the text takes, 0 to 1.
double lastPageFill(const Layout& layout) {
    double foot = kMargin;
    for (const auto& t : layout.texts)
        if (t.page == layout.pages - 1) foot = std::max(foot, t.y);
    return (foot - kMargin) / (flowBottom() - kMargin);
}

// The largest type that fits two pages, unless that leaves a nearly empty second sheet and
// slightly smaller type fits one. At the smallest size the text flows on regardless: a cut
// sentence would be worse than a third page.
Layout bestLayout(cairo_t* cr, const Condition& c, const ContentLibrary& content,
                  const Image& view) {
    std::vector<Layout> tried;
    for (double body = kLargestBody; body >= kSmallestBody - 1e-9; body -= kBodyStep) {
        tried.push_back(layoutHandout(cr, c, content, view, body));
        if (tried.back().pages == 1) break;
    }
    const auto fits = std::find_if(tried.begin(), tried.end(),
                                   [](const Layout& l) { return l.pages <= kMaxPages; });
    if (fits == tried.end()) return tried.back();
    if (fits->pages == 2 && lastPageFill(*fits) < kNearlyEmpty && tried.back().pages == 1 &&
        tried.back().bodySize >= kOnePageBody)
        return tried.back();
    return *fits;
}

// The exercise page(s), after the condition's pages: a heading, then each exercise as a block
// (its name and dosage over the start and end pictures, the instructions and cautions beside
// them). A block that does not fit what is left of a page starts the next one whole.
constexpr double kExerciseBody = 10.0, kExercisePicture = 135.0, kExerciseGap = 8.0;

void layoutExercises(cairo_t* cr, Layout& out, const std::vector<HandoutExercise>& exercises,
                     const std::string& title) {
    if (exercises.empty()) return;
    const Sizes s{kExerciseBody};
    const double width = kPageWidth - 2 * kMargin;
    const double pictureHeight = kExercisePicture * 0.75;
    const double textX = kMargin + 2 * kExercisePicture + kExerciseGap + kGutter;
    const double textWidth = kPageWidth - kMargin - textX;
    int page = out.pages;
    out.pages = page + 1;
    double y = kMargin - 4.0;
    {
        Flow head(cr, out, {{page, kMargin, y, width, flowBottom()}}, title);
        head.paragraph("Your exercises", s.title());
        head.paragraph(
            "Do them as your physiotherapist showed you. The coloured muscles are the ones that "
            "work. "
            "Start: where you begin. End: where the move takes you.",
            s.small());
        y = head.y() + s.body;
    }
    const auto textRuns = [&](const HandoutExercise& e) {
        std::vector<std::vector<Run>> paragraphs;
        paragraphs.push_back({{withoutCitations(e.instructions), s.text()}});
        for (const auto& c : e.cautions) paragraphs.push_back({{c, s.text()}});
        return paragraphs;
    };
    for (const auto& e : exercises) {
        // Measure the block at its widths first.
        Layout scratch;
        Flow probe(cr, scratch, {{0, textX, 0, textWidth, 1e9}}, "");
        const std::vector<Run> name = {{e.name, s.heading()},
                                       {"  " + e.dosage, {s.body * 1.1, true, kEvidence}, true}};
        double textHeight = 0.0;
        for (const auto& p : textRuns(e)) textHeight += probe.heightOf(p, kIndent) + s.body * 0.3;
        Flow nameProbe(cr, scratch, {{0, kMargin, 0, width, 1e9}}, "");
        const double nameHeight = nameProbe.heightOf(name) + s.body * 0.4;
        const double captionHeight = s.small().size * kLineSpacing + 4.0;
        const double block =
            nameHeight + std::max(pictureHeight + captionHeight, textHeight) + s.body * 1.2;
        if (y + block > flowBottom() && y > kMargin + 60.0) {
            page = out.pages;
            out.pages = page + 1;
            y = kMargin;
        }
        Flow nameFlow(cr, out, {{page, kMargin, y, width, flowBottom()}}, title);
        nameFlow.paragraph(name);
        const double top = nameFlow.y() + s.body * 0.5;
        out.pictures.push_back({page, kMargin, top, kExercisePicture, pictureHeight, &e.start});
        out.pictures.push_back({page, kMargin + kExercisePicture + kExerciseGap, top,
                                kExercisePicture, pictureHeight, &e.end});
        const double captionY = top + pictureHeight + s.small().size + 2.0;
        out.texts.push_back({page, kMargin, captionY, "Start", s.small()});
        out.texts.push_back(
            {page, kMargin + kExercisePicture + kExerciseGap, captionY, "End", s.small()});
        // The text beside the pictures; a very long text flows on (to a page under the title).
        Flow text(cr, out, {{page, textX, top - 2.0, textWidth, flowBottom()}}, title);
        bool first = true;
        for (const auto& p : textRuns(e)) {
            text.paragraph(p, first ? 0.0 : kIndent, first ? nullptr : "\xE2\x80\xA2");
            text.space(s.body * 0.3);
            first = false;
        }
        const int lastPage = out.pages - 1;
        if (lastPage != page) {  // flowed on: carry on below it there
            page = lastPage;
            y = text.y() + s.body * 1.2;
        } else {
            y = std::max(captionY, text.y()) + s.body * 1.2;
        }
    }
}

void setColour(cairo_t* cr, const Colour& c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

// The picture scaled into the rectangle at (x, y).
void paintImage(cairo_t* cr, const Image& view, double x, double y, double width, double height) {
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, view.width, view.height);
    cairo_surface_flush(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    for (int yy = 0; yy < view.height; ++yy)
        for (int xx = 0; xx < view.width; ++xx) {
            const auto* p = view.pixel(xx, yy);
            auto* px = reinterpret_cast<std::uint32_t*>(data + yy * stride) + xx;
            *px = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
        }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, width / view.width, height / view.height);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
}

void drawImage(cairo_t* cr, const Image& view, double x, double y, double width, double height) {
    if (view.width <= 0 || view.height <= 0) return;
    paintImage(cr, view, x, y, width, height);
    // A thin frame: the white picture on white paper still reads as a picture.
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, x, y, width, height);
    cairo_stroke(cr);
}

void drawPicture(cairo_t* cr, const Layout& layout, const Image& view) {
    if (layout.pictureWidth <= 0.0) return;
    paintImage(cr, view, layout.pictureX, layout.pictureY, layout.pictureWidth,
               layout.pictureHeight);
}

void drawBox(cairo_t* cr, const BoxOp& b) {
    setColour(cr, b.colour);
    cairo_rectangle(cr, b.x, b.y, b.width, b.height);
    cairo_fill(cr);
    if (b.striped) {
        // Darker diagonal bands, like the hatching on the skin.
        cairo_save(cr);
        cairo_rectangle(cr, b.x, b.y, b.width, b.height);
        cairo_clip(cr);
        cairo_set_source_rgb(cr, b.colour.r * 0.75, b.colour.g * 0.75, b.colour.b * 0.75);
        cairo_set_line_width(cr, 1.5);
        for (double d = -b.height; d < b.width; d += 4.0) {
            cairo_move_to(cr, b.x + d, b.y + b.height);
            cairo_line_to(cr, b.x + d + b.height, b.y);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
    }
}

// The foot of every page: what the sheet is and where the reader is in it.
void drawFooter(cairo_t* cr, const Condition& c, int page, int pages) {
    const TextStyle style{kFooterSize, false, kGrey};
    const double baseline = kPageHeight - kMargin;
    cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMargin, baseline - kFooterSize * kLineSpacing);
    cairo_line_to(cr, kPageWidth - kMargin, baseline - kFooterSize * kLineSpacing);
    cairo_stroke(cr);
    setColour(cr, style.colour);
    selectFont(cr, style);
    cairo_move_to(cr, kMargin, baseline);
    cairo_show_text(cr, (c.name + ": patient information").c_str());
    const std::string number = "Page " + std::to_string(page + 1) + " of " + std::to_string(pages);
    cairo_move_to(cr, kPageWidth - kMargin - advance(cr, number, style), baseline);
    cairo_show_text(cr, number.c_str());
}

void drawPages(cairo_t* cr, const Layout& layout, const Condition& c, const Image& view) {
    for (int page = 0; page < layout.pages; ++page) {
        if (page == 0) drawPicture(cr, layout, view);
        for (const auto& p : layout.pictures)
            if (p.page == page) drawImage(cr, *p.image, p.x, p.y, p.width, p.height);
        for (const auto& b : layout.boxes)
            if (b.page == page) drawBox(cr, b);
        for (const auto& t : layout.texts) {
            if (t.page != page) continue;
            setColour(cr, t.style.colour);
            selectFont(cr, t.style);
            cairo_move_to(cr, t.x, t.y);
            cairo_show_text(cr, t.text.c_str());
        }
        drawFooter(cr, c, page, layout.pages);
        cairo_show_page(cr);
    }
}

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}
}  // namespace

std::string withoutCitations(const std::string& text) {
    // One or more keys in brackets, as the content writes them: "[cook2009]", "[a2001; b2002]".
    static const std::regex citation(
        R"(\s*\[[a-z]+[0-9]{4}[a-z]?(?:[;,]\s*[a-z]+[0-9]{4}[a-z]?)*\])");
    return std::regex_replace(text, citation, "");
}

std::string writeHandoutPdf(const std::string& path, const Condition& c,
                            const ContentLibrary& content, const Image& view,
                            HandoutMeasure* measure,
                            const std::vector<HandoutExercise>& exercises) {
    std::string bytes;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(appendBytes, &bytes, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   (c.name + ": patient information").c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Medius");
    cairo_t* cr = cairo_create(surface);
    Layout layout = bestLayout(cr, c, content, view);
    const int conditionPages = layout.pages;
    layoutExercises(cr, layout, exercises, "Your exercises (continued)");
    drawPages(cr, layout, c, view);
    if (measure) {
        *measure = {layout.pages,
                    layout.pages - conditionPages,
                    layout.bodySize,
                    std::min(layout.smallestSize(), kFooterSize),
                    {}};
        for (const auto& t : layout.texts) measure->text += t.text + "\n";
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return std::string("PDF drawing failed: ") + cairo_status_to_string(status);
    return writeFileAtomically(path, bytes);
}

}  // namespace medius
