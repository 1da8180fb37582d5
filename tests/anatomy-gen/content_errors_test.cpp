// Broken content never crashes the generator: it reports file and line and builds the rest.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "anatomy-gen/hip_model.hpp"

using namespace medius;
using medius::anatomy::buildHipModel;
using medius::anatomy::Sex;
namespace fs = std::filesystem;

namespace {

const fs::path kContent = fs::path(MEDIUS_SOURCE_DIR) / "content" / "anatomy";

// A private copy of content/anatomy in which one file can be edited.
class ContentCopy {
  public:
    explicit ContentCopy(const std::string& name)
        : dir_(fs::temp_directory_path() /
               ("medius_anatomy_" + name + "_" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()))) {
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        for (const auto& e : fs::directory_iterator(kContent))
            fs::copy(e.path(), dir_ / e.path().filename());
    }
    ~ContentCopy() { fs::remove_all(dir_); }

    // Replaces the first line containing `needle` (after the first line containing `after`, if
    // given) with `replacement`; returns its 1-based line, or 0 when not found.
    int replaceLine(const std::string& file, const std::string& needle,
                    const std::string& replacement, const std::string& after = {}) {
        std::ifstream in(dir_ / file);
        std::stringstream out;
        std::string line;
        int n = 0, found = 0;
        bool armed = after.empty();
        while (std::getline(in, line)) {
            ++n;
            if (!armed && line.find(after) != std::string::npos) armed = true;
            if (armed && !found && line.find(needle) != std::string::npos) {
                found = n;
                out << replacement << '\n';
            } else {
                out << line << '\n';
            }
        }
        in.close();
        std::ofstream(dir_ / file) << out.str();
        return found;
    }
    std::string dir() const { return dir_.string(); }
    std::string path(const std::string& file) const { return (dir_ / file).string(); }

  private:
    fs::path dir_;
};

bool hasError(const DiagnosticSink& sink, const std::string& file, int line,
              const std::string& text) {
    for (const auto& d : sink.all())
        if (d.level == Level::Error && d.file == file && (line < 0 || d.line == line) &&
            d.message.find(text) != std::string::npos)
            return true;
    return false;
}

std::string dump(const DiagnosticSink& sink) {
    std::string s;
    for (const auto& d : sink.all()) s += d.format() + "\n";
    return s;
}

}  // namespace

TEST(AnatomyContentErrors, ShippedContentHasNoDiagnostics) {
    DiagnosticSink sink;
    const Scene scene = buildHipModel(kContent.string(), Sex::Female, sink);
    EXPECT_TRUE(sink.all().empty()) << dump(sink);
    EXPECT_FALSE(scene.empty());
}

TEST(AnatomyContentErrors, MissingDirectoryReportsEachFileAndBuildsNothing) {
    DiagnosticSink sink;
    const Scene scene = buildHipModel("/nonexistent/medius/anatomy", Sex::Female, sink);
    EXPECT_TRUE(scene.empty());
    EXPECT_TRUE(hasError(sink, "/nonexistent/medius/anatomy/skeleton.toml", 0, "cannot open"))
        << dump(sink);
    EXPECT_TRUE(hasError(sink, "/nonexistent/medius/anatomy/muscles.toml", 0, "cannot open"))
        << dump(sink);
}

TEST(AnatomyContentErrors, SyntaxErrorGivesFileAndLineAndTheOtherFilesStillBuild) {
    ContentCopy copy("syntax");
    const int line = copy.replaceLine("skeleton.toml", "aiis = ", "aiis = [-10.0, -30.0");
    ASSERT_GT(line, 0);
    DiagnosticSink sink;
    const Scene scene = buildHipModel(copy.dir(), Sex::Female, sink);
    bool found = false;
    for (const auto& d : sink.all())
        if (d.file == copy.path("skeleton.toml") && d.line >= line && d.line <= line + 1)
            found = true;
    EXPECT_TRUE(found) << dump(sink);
    EXPECT_EQ(scene.find("femur_r"), nullptr);
    EXPECT_NE(scene.find("gluteus_medius_middle_r"), nullptr);  // muscles.toml is intact
}

TEST(AnatomyContentErrors, MissingKeyNamesTheKeyAndTheTableLine) {
    ContentCopy copy("missing");
    ASSERT_GT(copy.replaceLine("skeleton.toml", "head_radius =", "# head_radius removed"), 0);
    DiagnosticSink sink;
    const Scene scene = buildHipModel(copy.dir(), Sex::Female, sink);
    bool found = false;
    for (const auto& d : sink.all())
        if (d.file == copy.path("skeleton.toml") && d.line > 0 &&
            d.message.find("head_radius") != std::string::npos)
            found = true;
    EXPECT_TRUE(found) << dump(sink);
    EXPECT_EQ(scene.find("femur_r"), nullptr);
    EXPECT_NE(scene.find("hip_bone_r"), nullptr);  // the rest of skeleton.toml still builds
}

TEST(AnatomyContentErrors, WrongTypeIsReportedAtItsOwnLine) {
    ContentCopy copy("type");
    const int line = copy.replaceLine("muscles.toml", "half_widths =", "half_widths = \"wide\"",
                                      "[gluteus_medius_middle]");
    ASSERT_GT(line, 0);
    DiagnosticSink sink;
    const Scene scene = buildHipModel(copy.dir(), Sex::Female, sink);
    EXPECT_TRUE(hasError(sink, copy.path("muscles.toml"), line, "half_widths")) << dump(sink);
    // The medius' parts are one fan (muscles.toml): a broken part takes the whole fan with it,
    // the other muscles still build.
    EXPECT_EQ(scene.find("gluteus_medius_middle_r"), nullptr);
    EXPECT_EQ(scene.find("gluteus_medius_anterior_r"), nullptr);
    EXPECT_NE(scene.find("gluteus_minimus_r"), nullptr);
}

TEST(AnatomyContentErrors, MissingSexVariantIsReported) {
    ContentCopy copy("variant");
    const int line =
        copy.replaceLine("skeleton.toml", "neck_length =", "neck_length = { female = 48.0 }");
    ASSERT_GT(line, 0);
    DiagnosticSink sink;
    buildHipModel(copy.dir(), Sex::Male, sink);
    EXPECT_TRUE(hasError(sink, copy.path("skeleton.toml"), line, "male")) << dump(sink);
}
