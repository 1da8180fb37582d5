// Runs the built medius binary the way a user or a script would.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/content_loader.hpp"
#include "core/image.hpp"

namespace fs = std::filesystem;

namespace {

struct ProcessResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// The user's cache, settings and bookmarks stay untouched: each test process has its own.
struct PrivateHome {
    std::string path;
    PrivateHome() {
        const auto dir =
            fs::temp_directory_path() / ("medius_cli_home_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        path = dir.string();
    }
    ~PrivateHome() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};
std::string privateXdgHome() {
    static const PrivateHome home;
    return home.path;
}

// No display: DISPLAY and WAYLAND_DISPLAY are removed from the environment.
ProcessResult runMedius(const std::string& args, const std::string& env = "") {
    const std::string home = privateXdgHome();
    const std::string command = "env -u DISPLAY -u WAYLAND_DISPLAY XDG_CACHE_HOME='" + home +
                                "/cache' XDG_CONFIG_HOME='" + home + "/config' XDG_DATA_HOME='" +
                                home + "/data' " + env + " '" + std::string(MEDIUS_BINARY) + "' " +
                                args + " 2>&1";
    ProcessResult run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// Each test runs in its own process: the pid keeps parallel runs (two build folders, two
// engineers) from sharing, or breaking, each other's files.
std::string tempPath(const std::string& name) {
    return (fs::temp_directory_path() / ("medius_cli_" + std::to_string(::getpid()) + "_" + name))
        .string();
}

int maxChannelDifference(const std::uint8_t* a, const std::uint8_t* b) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a[c] - b[c]));
    return d;
}

}  // namespace

TEST(MediusBinary, ScreenshotWithoutDisplayWritesTheModel) {
    const auto png = tempPath("shot.png");
    fs::remove(png);
    const ProcessResult r = runMedius("--screenshot '" + png + "' --size 320x200");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    medius::Image img;
    ASSERT_EQ(medius::readPng(png, img), "");
    EXPECT_EQ(img.width, 320);
    EXPECT_EQ(img.height, 200);
    // Background gradient at the top-left corner; the hip model at the centre, which differs.
    const auto* corner = img.pixel(2, 2);
    const auto* centre = img.pixel(160, 100);
    EXPECT_GT(maxChannelDifference(corner, centre), 25) << "model expected at the image centre";
    fs::remove(png);
}

TEST(MediusBinary, WindowWithoutDisplaySaysHowToCapture) {
    const ProcessResult r = runMedius("");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("no display"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("--screenshot"), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << "one line: " << r.output;
}

TEST(MediusBinary, BadCommandLineIsOneLineAndNonZero) {
    const ProcessResult r = runMedius("--msaa lots");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("--msaa"), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}

TEST(MediusBinary, UnwritableScreenshotPathFailsClearly) {
    const ProcessResult r = runMedius("--screenshot /nonexistent-folder/x.png --size 64x64");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("/nonexistent-folder/x.png"), std::string::npos) << r.output;
}

TEST(MediusBinary, BrokenModelIsReportedAndTheRestStillRenders) {
    const auto bad = tempPath("broken.stl");
    std::ofstream(bad) << "solid nothing useful\nfacet normal\n";
    const auto png = tempPath("with_bad_model.png");
    const ProcessResult r = runMedius(
        "--model '" + bad + "' --model /no/such/file.glb --screenshot '" + png + "' --size 64x64");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find(bad), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("/no/such/file.glb: error: model file not found"), std::string::npos)
        << r.output;
    EXPECT_TRUE(fs::exists(png));
    fs::remove(bad);
    fs::remove(png);
}

TEST(MediusBinary, UserModelAloneIsFramedAndDrawn) {
    const auto obj = tempPath("pyramid.obj");
    std::ofstream(obj)
        << "v 0 0 0\nv 0.1 0 0\nv 0 0.1 0\nv 0 0 0.1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n";
    const auto png = tempPath("pyramid.png");
    const ProcessResult r = runMedius("--no-anatomy --model '" + obj +
                                      "' --units m --screenshot '" + png + "' --size 128x128");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    medius::Image img;
    ASSERT_EQ(medius::readPng(png, img), "");
    EXPECT_GT(maxChannelDifference(img.pixel(2, 2), img.pixel(64, 64)), 25) << "pyramid at centre";
    fs::remove(obj);
    fs::remove(png);
}

TEST(MediusBinary, ProjectorThemeAt4KIsHighContrast) {
    const auto projector = tempPath("projector.png"), dark = tempPath("dark.png");
    const std::string common =
        " --condition gluteal_tendinopathy --with-ui --size 3840x2160 --screenshot ";
    ProcessResult r = runMedius("--theme projector" + common + "'" + projector + "'");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = runMedius("--theme dark" + common + "'" + dark + "'");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    medius::Image p, d;
    ASSERT_EQ(medius::readPng(projector, p), "");
    ASSERT_EQ(medius::readPng(dark, d), "");
    ASSERT_EQ(p.width, 3840);
    ASSERT_EQ(p.height, 2160);
    // Inside the condition list panel (left, below its title): the projector theme's panel is
    // black, the dark theme's is a dark grey; and it holds white text.
    int black = 0, white = 0, darkGrey = 0;
    for (int y = 200; y < 1000; y += 2)
        for (int x = 40; x < 700; x += 2) {
            const auto* px = p.pixel(x, y);
            if (px[0] < 8 && px[1] < 8 && px[2] < 8) ++black;
            if (px[0] > 245 && px[1] > 245 && px[2] > 245) ++white;
            const auto* dx = d.pixel(x, y);
            if (dx[0] < 8 && dx[1] < 8 && dx[2] < 8) ++darkGrey;
        }
    EXPECT_GT(black, 20000) << "black panel background";
    EXPECT_GT(white, 500) << "white text";
    EXPECT_LT(darkGrey, black / 4) << "the dark theme is not this black";
    // The scene background (bottom middle, between the panels) is darker in the projector theme.
    const auto* pb = p.pixel(1900, 2100);
    const auto* db = d.pixel(1900, 2100);
    EXPECT_LT(pb[0] + pb[1] + pb[2], db[0] + db[1] + db[2]);
    std::filesystem::remove(projector);
    std::filesystem::remove(dark);
}

namespace {
std::string commandOutput(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    pclose(pipe);
    return out;
}
}  // namespace

namespace {
// Runs of whitespace (the layout's line breaks included) as one space.
std::string normalisedText(const std::string& text) {
    std::istringstream in(text);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

// The handout's text with its lines joined, less the footer, the "continued" line and the
// picture's legend: pdftotext puts those wherever they fall among the paragraphs.
std::string handoutText(const std::string& pdf, const std::string& name) {
    std::string text = normalisedText(commandOutput("pdftotext '" + pdf + "' -"));
    for (const std::string& f :
         {name + ": patient information", name + " (continued)",
          std::string("Where the pain is felt"), std::string("Where it can spread (striped)")})
        for (std::size_t at; (at = text.find(f + " ")) != std::string::npos;)
            text.erase(at, f.size() + 1);
    return std::regex_replace(text, std::regex(R"(Page \d of \d )"), "");
}
}  // namespace

TEST(MediusBinary, EveryConditionsPatientHandoutIsWholeOnOneOrTwoA4Pages) {
    if (std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") !=
        0)
        GTEST_SKIP()
            << "needs pdftotext and pdfinfo (Debian poppler-utils, installed by scripts/setup.sh)";
    medius::DiagnosticSink sink;
    const medius::ContentLibrary content =
        medius::loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", {}, sink);
    ASSERT_EQ(content.conditions.size(), 14u) << "the shipped conditions";
    // What belongs to clinicians: p-values, trial statistics, outcome scores, citation keys.
    const std::pair<const char*, std::regex> banned[] = {
        {"p-value", std::regex(R"(p *[<=>] *0\.)")},
        {"NNT", std::regex("NNT")},
        {"PEDro", std::regex("PEDro")},
        {"Harris Hip", std::regex("Harris Hip")},
        {"VISA", std::regex("VISA")},
        {"citation key", std::regex(R"(\[[a-z]+[0-9]{4})")},
        {"95% CI", std::regex("95% CI")},
    };
    const auto pdf = tempPath("handout.pdf");
    for (const auto& c : content.conditions) {
        SCOPED_TRACE(c.id);
        fs::remove(pdf);
        const ProcessResult r = runMedius("--handout '" + pdf + "' --condition " + c.id);
        ASSERT_EQ(r.exitCode, 0) << r.output;
        const std::string info = commandOutput("pdfinfo -f 1 -l 9 '" + pdf + "'");
        std::smatch pages;
        ASSERT_TRUE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))"))) << info;
        const int n = std::stoi(pages[1]);
        EXPECT_TRUE(n == 1 || n == 2) << n << " pages";
        for (int page = 1; page <= n; ++page) {
            const std::regex a4("Page +" + std::to_string(page) +
                                R"( size: +595\.276 x 841\.89 pts \(A4\))");
            EXPECT_TRUE(std::regex_search(info, a4)) << "page " << page << " is A4:\n" << info;
        }
        const std::string text = handoutText(pdf, c.name);
        const std::string summary =
            normalisedText(std::regex_replace(c.summary.forAudience(medius::Audience::Patient),
                                              std::regex(R"(\s*\[[a-z]+[0-9]{4}[a-z]?\])"), ""));
        EXPECT_NE(text.find(summary), std::string::npos) << "the patient summary, word for word:\n"
                                                         << summary << "\nin:\n"
                                                         << text;
        EXPECT_EQ(text.find("..."), std::string::npos) << "nothing is cut";
        EXPECT_EQ(text.find("\xE2\x80\xA6"), std::string::npos) << "nothing is cut (an ellipsis)";
        for (const auto& [what, pattern] : banned)
            EXPECT_FALSE(std::regex_search(text, pattern)) << what << " on a patient handout";
        if (c.id != "gluteal_tendinopathy") continue;
        for (const char* expected :
             {"It is not a diagnosis", "What helps",
              "Start here:", "Fairly well tested:", "no better than those who did not have one",
              "What happens without treatment", "What you can do yourself", "Don't cross your legs",
              "Go to an emergency department now if", "See a doctor within days if"})
            EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
    fs::remove(pdf);
    const ProcessResult none = runMedius("--handout '" + pdf + "'");
    EXPECT_EQ(none.exitCode, 2) << "a handout needs a condition";
    EXPECT_NE(none.output.find("--condition"), std::string::npos);
}

TEST(MediusBinary, ExportWritesAGlbAndOnePlyPerListedStructure) {
    const auto dir = tempPath("export");
    fs::remove_all(dir);
    const ProcessResult list = runMedius("--list-structures");
    ASSERT_EQ(list.exitCode, 0) << list.output;
    const auto structures = std::count(list.output.begin(), list.output.end(), '\n');
    ASSERT_GT(structures, 50);

    const ProcessResult r = runMedius("--export '" + dir + "'");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(fs::exists(fs::path(dir) / "scene.glb"));
    long plys = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        plys += entry.path().extension() == ".ply";
    EXPECT_EQ(plys, structures);
    for (const char* id :
         {"gluteus_medius_anterior_r", "subgluteus_maximus_bursa_l", "skin", "sacrum"})
        EXPECT_TRUE(fs::exists(fs::path(dir) / (std::string(id) + ".ply"))) << id;
    // The exported scene opens as a model again, at the same size (mm in, mm out).
    const ProcessResult again = runMedius("--no-anatomy --units mm --model '" + dir +
                                          "/scene.glb' --export '" + dir + "/again'");
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_EQ(fs::file_size(fs::path(dir) / "again/user_model_1.ply") > 1000000, true);
    fs::remove_all(dir);
}

TEST(MediusBinary, ExportIntoAFileIsAClearError) {
    const auto file = tempPath("export_is_a_file");
    std::ofstream(file) << "x";
    const ProcessResult r = runMedius("--export '" + file + "'");
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.output.find(file), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("cannot create the export folder"), std::string::npos) << r.output;
    fs::remove(file);
}

TEST(MediusBinary, MeshManifestReplacesBuiltInBonesWithRealSpecimens) {
    const fs::path myosim = fs::path(MEDIUS_SHARED_DIR) / "reference-meshes/myosim/stl-metres";
    if (!fs::exists(myosim / "r_pelvis.stl"))
        GTEST_SKIP() << "needs ../shared/reference-meshes/myosim (absent here): " << myosim;
    const auto manifest = tempPath("manifest.toml");
    std::ofstream(manifest)
        << "[[mesh]]\nstructure = \"hip_bone_r\"\nfile = \"" << (myosim / "r_pelvis.stl").string()
        << "\"\nunits = \"m\"\n[[mesh]]\nstructure = \"no_such_bone\"\nfile = \"x.stl\"\n";
    const auto dir = tempPath("export_manifest");
    fs::remove_all(dir);
    const ProcessResult r = runMedius("--meshes '" + manifest + "' --export '" + dir + "'");
    // The unknown id is an error naming the manifest's line; the good entry still applies.
    EXPECT_NE(r.output.find(manifest + ":5: error: no structure 'no_such_bone'"), std::string::npos)
        << r.output;
    // The specimen has 122 vertices in the assembled set; its STL repeats them per facet
    // and the importer joins them again: far fewer triangles than the built-in bone.
    const auto hip = fs::file_size(fs::path(dir) / "hip_bone_r.ply");
    const auto other = fs::file_size(fs::path(dir) / "hip_bone_l.ply");
    EXPECT_LT(hip * 20, other) << "hip_bone_r should be the coarse specimen";
    fs::remove_all(dir);
    fs::remove(manifest);
}

TEST(MediusBinary, SecondStartReadsTheAnatomySnapshotAndDrawsTheSame) {
    const std::string cache = privateXdgHome() + "/cache/medius/anatomy-female.bin";
    fs::remove(cache);
    const auto first = tempPath("cache_first.png"), second = tempPath("cache_second.png");
    const ProcessResult a =
        runMedius("--screenshot '" + first + "' --size 200x120", "MEDIUS_STARTUP_TRACE=1");
    ASSERT_EQ(a.exitCode, 0) << a.output;
    EXPECT_EQ(a.output.find("read from the cache"), std::string::npos) << a.output;
    ASSERT_TRUE(fs::exists(cache));
    const ProcessResult b =
        runMedius("--screenshot '" + second + "' --size 200x120", "MEDIUS_STARTUP_TRACE=1");
    ASSERT_EQ(b.exitCode, 0) << b.output;
    EXPECT_NE(b.output.find("anatomy read from the cache"), std::string::npos) << b.output;
    medius::Image x, y;
    ASSERT_EQ(medius::readPng(first, x), "");
    ASSERT_EQ(medius::readPng(second, y), "");
    EXPECT_EQ(x.rgba, y.rgba) << "the snapshot must give the very same picture";

    // A damaged snapshot is regenerated, silently and correctly.
    {
        std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(cache) / 2));
        f.write("damage", 6);
    }
    const ProcessResult c =
        runMedius("--screenshot '" + second + "' --size 200x120", "MEDIUS_STARTUP_TRACE=1");
    ASSERT_EQ(c.exitCode, 0) << c.output;
    EXPECT_EQ(c.output.find("read from the cache"), std::string::npos) << c.output;
    ASSERT_EQ(medius::readPng(second, y), "");
    EXPECT_EQ(x.rgba, y.rgba);
    fs::remove(first);
    fs::remove(second);
}

TEST(MediusBinary, EditedAnatomyContentIsNotServedFromTheSnapshot) {
    const fs::path content = tempPath("content_copy");
    fs::remove_all(content);
    fs::copy(fs::path(MEDIUS_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
    ASSERT_EQ(runMedius("--content '" + content.string() + "' --list-structures").exitCode, 0);
    const ProcessResult same = runMedius("--content '" + content.string() + "' --list-structures",
                                         "MEDIUS_STARTUP_TRACE=1");
    EXPECT_NE(same.output.find("read from the cache"), std::string::npos) << same.output;
    std::ofstream(content / "anatomy" / "muscles.toml", std::ios::app) << "\n# an edit\n";
    const ProcessResult edited = runMedius("--content '" + content.string() + "' --list-structures",
                                           "MEDIUS_STARTUP_TRACE=1");
    EXPECT_EQ(edited.output.find("read from the cache"), std::string::npos) << edited.output;
    fs::remove_all(content);
}

// The bad-input suite at the level of the whole program (model files are covered in
// tests/model-io): each case gives a clear message and a non-zero exit or a graceful fallback.
TEST(BadInput, MissingContentFolderIsOneLineAndExitTwo) {
    const ProcessResult r =
        runMedius("--content /nonexistent/medius-content --screenshot " + tempPath("x.png"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("/nonexistent/medius-content: content folder not found"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}

TEST(BadInput, BrokenModelsStillLeaveTheAnatomyOnScreen) {
    const auto nan = tempPath("nan.obj");
    std::ofstream(nan) << "v nan 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
    const auto png = tempPath("bad_model.png");
    const ProcessResult r = runMedius(
        "--model '" + nan + "' --model /nonexistent.stl --screenshot '" + png + "' --size 160x100");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find(nan + ": error: cannot read model: no usable triangles"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("/nonexistent.stl: error: model file not found"), std::string::npos)
        << r.output;
    medius::Image img;
    ASSERT_EQ(medius::readPng(png, img), "");
    EXPECT_GT(maxChannelDifference(img.pixel(2, 2), img.pixel(80, 50)), 25)
        << "the anatomy is still drawn";
    fs::remove(nan);
    fs::remove(png);
}

TEST(BadInput, NoOpenGl33IsAClearErrorNotACrash) {
    // Mesa can pretend to offer only OpenGL 3.0: Medius needs 3.3 core and says so.
    const ProcessResult r = runMedius("--screenshot " + tempPath("nogl.png") + " --size 64x64",
                                      "MESA_GL_VERSION_OVERRIDE=3.0");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("OpenGL 3.3"), std::string::npos) << r.output;
}

TEST(BadInput, ConfigAndDataFoldersThatAreFilesDoNotStopHeadlessWork) {
    const auto blocker = tempPath("not_a_folder");
    std::ofstream(blocker) << "a file where the folders should be";
    const auto png = tempPath("blocked.png");
    const ProcessResult r = runMedius("--screenshot '" + png + "' --size 64x64",
                                      "XDG_CONFIG_HOME='" + blocker + "' XDG_DATA_HOME='" +
                                          blocker + "' XDG_CACHE_HOME='" + blocker + "'");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(fs::exists(png));
    std::ifstream in(blocker);
    std::string kept;
    std::getline(in, kept);
    EXPECT_EQ(kept, "a file where the folders should be") << "nothing of the user's is overwritten";
    fs::remove(blocker);
    fs::remove(png);
}
