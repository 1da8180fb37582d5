#include "export/handout.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <vector>

namespace medius {

namespace {
constexpr double kPageWidth = 595.276, kPageHeight = 841.890;  // A4 in points
constexpr double kMargin = 40.0;

// Words onto lines no wider than `width` at the current font.
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width) {
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string word, line;
    while (words >> word) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        cairo_text_extents_t e;
        cairo_text_extents(cr, candidate.c_str(), &e);
        if (e.x_advance > width && !line.empty()) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

struct Writer {
    cairo_t* cr;
    double x, y, width;

    void font(double size, bool bold) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, size);
    }
    void colour(double r, double g, double b) { cairo_set_source_rgb(cr, r, g, b); }
    // Wrapped text; at most `maxLines` lines (the last ends in an ellipsis when cut).
    void paragraph(const std::string& text, double size, bool bold = false, int maxLines = 100,
                   double indent = 0.0) {
        font(size, bold);
        auto lines = wrap(cr, text, width - indent);
        if (static_cast<int>(lines.size()) > maxLines) {
            lines.resize(maxLines);
            lines.back() += " ...";
        }
        for (const auto& l : lines) {
            y += size * 1.3;
            cairo_move_to(cr, x + indent, y);
            cairo_show_text(cr, l.c_str());
        }
    }
    void heading(const std::string& text) {
        y += 8;
        colour(0.0, 0.30, 0.50);
        paragraph(text, 12.5, true);
        colour(0.1, 0.1, 0.1);
        y += 2;
    }
    void bullet(const std::string& text, double size = 9.5, int maxLines = 3) {
        font(size, false);
        cairo_move_to(cr, x + 2, y + size * 1.3);
        cairo_show_text(cr, "\xE2\x80\xA2");  // a bullet
        paragraph(text, size, false, maxLines, 12);
    }
};


cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}
}  // namespace

std::string writeHandoutPdf(const std::string& path, const Condition& c, const ContentLibrary& content,
                            const Image& view) {
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (c.name + ": patient information").c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Medius");
    cairo_t* cr = cairo_create(surface);
    Writer w{cr, kMargin, kMargin, kPageWidth - 2 * kMargin};

    w.colour(0.1, 0.1, 0.1);
    w.paragraph(c.name, 22, true);
    if (!c.synonyms.empty()) {
        std::string syn;
        for (const auto& s : c.synonyms) syn += (syn.empty() ? "" : "; ") + s;
        w.colour(0.4, 0.4, 0.4);
        w.paragraph("Also called: " + syn, 9, false, 2);
    }
    w.colour(0.55, 0.1, 0.05);
    w.paragraph("This sheet explains a condition for education. It is not a diagnosis: "
                "your clinician's assessment is what counts.", 9, true, 2);
    w.colour(0.1, 0.1, 0.1);

    // The picture on the left, the explanation beside it.
    const double top = w.y + 10;
    double pictureHeight = 0;
    if (view.width > 0 && view.height > 0) {
        cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, view.width, view.height);
        cairo_surface_flush(img);
        unsigned char* data = cairo_image_surface_get_data(img);
        const int stride = cairo_image_surface_get_stride(img);
        for (int yy = 0; yy < view.height; ++yy)
            for (int xx = 0; xx < view.width; ++xx) {
                const auto* p = view.pixel(xx, yy);
                std::uint32_t* out = reinterpret_cast<std::uint32_t*>(data + yy * stride) + xx;
                *out = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
            }
        cairo_surface_mark_dirty(img);
        const double pictureWidth = 220.0;
        pictureHeight = pictureWidth * view.height / view.width;
        cairo_save(cr);
        cairo_translate(cr, kMargin, top);
        cairo_scale(cr, pictureWidth / view.width, pictureHeight / view.height);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(img);
        // Legend under the picture.
        double ly = top + pictureHeight + 14;
        const auto swatch = [&](double r, double g, double b, const char* label) {
            cairo_set_source_rgb(cr, r, g, b);
            cairo_rectangle(cr, kMargin, ly - 8, 10, 10);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            w.font(9, false);
            cairo_move_to(cr, kMargin + 15, ly);
            cairo_show_text(cr, label);
            ly += 13;
        };
        swatch(0.86, 0.15, 0.18, "Where the pain is felt");
        swatch(0.94, 0.89, 0.26, "Where it can spread (striped)");
        pictureHeight += 2 * 13 + 10;
    }
    Writer side{cr, kMargin + 235, top - 12, kPageWidth - 2 * kMargin - 235};
    side.heading("What is going on");
    side.paragraph(readableCitations(content, c.summary.forAudience(Audience::Patient)), 9.5, false, 12);
    side.heading("Why it hurts");
    side.paragraph(c.pathophysiology.forAudience(Audience::Patient), 9.5, false, 8);
    w.y = std::max(top + pictureHeight, side.y) + 6;

    w.heading("What helps (best supported first)");
    int shown = 0;
    for (const auto& r : c.relief) {
        if (shown++ == 6) break;
        std::string line = r.name + " (" + evidencePlainWords(r.evidence) + ")";
        if (!r.effect.empty())
            line += ": " + readableCitations(content, r.effect) + (r.followUp.empty() ? "" : ", at " + r.followUp);
        w.bullet(line, 9.0, 1);  // the key evidence in one line each
    }
    w.heading("What you can do yourself");
    shown = 0;
    for (const auto& s : c.selfManagement) {
        if (shown++ == 6) break;
        w.bullet(s, 9.0, 2);
    }
    w.heading("See a doctor promptly if");
    std::string flags;
    for (const auto& key : c.redFlags)
        if (const RedFlag* f = content.findRedFlag(key)) flags += (flags.empty() ? "" : "; ") + f->name;
    w.paragraph(flags.empty() ? "you have fever, a fall with pain on weight bearing, numbness in the saddle area, "
                                "or pain that is getting steadily worse."
                              : "you have signs of: " + flags + ".",
                9.5, false, 3);

    // Footer: the sources of the numbers above, and the date.
    std::string sources;
    for (const auto& r : c.relief)
        for (const auto& key : r.citations)
            if (const Reference* ref = content.findReference(key)) {
                const std::string shortRef = ref->authors.substr(0, ref->authors.find_first_of(" ,")) + " " +
                                             std::to_string(ref->year);
                if (sources.find(shortRef) == std::string::npos) sources += (sources.empty() ? "" : ", ") + shortRef;
            }
    char date[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&now));
    // Below the content, or at the foot of the page when there is room.
    Writer footer{cr, kMargin, std::max(w.y + 6.0, kPageHeight - kMargin - 30), kPageWidth - 2 * kMargin};
    footer.colour(0.4, 0.4, 0.4);
    footer.paragraph(std::string("Made with Medius on ") + date + ". Sources: " + (sources.empty() ? "see the app" : sources) + ".",
                     7.5, false, 3);

    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) return std::string("PDF drawing failed: ") + cairo_status_to_string(status);
    return writeFileAtomically(path, bytes);
}

}  // namespace medius
