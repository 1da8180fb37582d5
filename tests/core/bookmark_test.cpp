#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/bookmark.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {
Bookmark sample() {
    Bookmark b;
    b.name = "Lateral: tendinopathy";
    b.view.camera = {glm::vec3(-40.5f, -80.25f, 120.0f), 420.0f, 1.5707f, 0.2f};
    b.view.condition = "gluteal_tendinopathy";
    b.view.choices.selected = "gluteus_medius_insertion_lateral_r";
    b.view.choices.visible = {{"skin", false}, {"gluteus_maximus_r", true}};
    b.view.choices.opacity = {{"iliotibial_band_r", 0.25f}};
    b.view.xray = true;
    b.view.choices.pinnedLabels = {"sciatic_nerve_r", "femur_r"};
    b.view.annotations.strokes = {{{0.1f, 0.2f}, {0.15f, 0.25f}, {0.3f, 0.2f}}};
    b.view.annotations.notes = {{glm::vec3(-60.0f, -70.0f, 140.0f), "tender here"}};
    return b;
}
}  // namespace

TEST(Bookmark, RoundTripsThroughItsTextForm) {
    const Bookmark b = sample();
    const std::string text = serializeBookmark(b);
    EXPECT_NE(text.find("gluteal_tendinopathy"), std::string::npos) << "human-readable";
    DiagnosticSink sink;
    const auto back = parseBookmark(text, "x.toml", sink);
    ASSERT_TRUE(back) << (sink.all().empty() ? "" : sink.all()[0].format());
    EXPECT_EQ(back->name, b.name);
    EXPECT_TRUE(back->view == b.view);
    EXPECT_FALSE(sink.hasErrors());
}

TEST(Bookmark, CorruptOrTruncatedTextIsReportedWithFileAndLine) {
    const std::string text = serializeBookmark(sample());
    DiagnosticSink sink;
    EXPECT_FALSE(parseBookmark(text.substr(0, text.size() / 2) + "\n[camera\n", "cut.toml", sink));
    ASSERT_TRUE(sink.hasErrors());
    EXPECT_EQ(sink.all().back().file, "cut.toml");
    EXPECT_GT(sink.all().back().line, 0);
    sink.clear();
    EXPECT_FALSE(parseBookmark("name = \"x\"\n[camera]\ntarget = [1, 2]\ndistance = 5\nyaw = 0\npitch = 0\n",
                               "bad.toml", sink));
    EXPECT_NE(sink.all().back().format().find("bad.toml:3"), std::string::npos) << sink.all().back().format();
    sink.clear();
    EXPECT_FALSE(parseBookmark("", "empty.toml", sink));
    EXPECT_TRUE(sink.hasErrors());
}

TEST(BookmarkStore, SavesLoadsDeletesAndSurvivesACorruptNeighbour) {
    const fs::path dir = fs::temp_directory_path() / "medius_bookmark_store_test";
    fs::remove_all(dir);
    BookmarkStore store(dir.string());
    DiagnosticSink sink;
    EXPECT_TRUE(store.loadAll(sink).empty()) << "no folder yet is no bookmarks, not an error";
    EXPECT_FALSE(sink.hasErrors());
    Bookmark a = sample();
    Bookmark b = sample();
    b.name = "Posterior";
    ASSERT_EQ(store.save(a), "");
    ASSERT_EQ(store.save(b), "");
    std::ofstream(dir / "broken.toml") << "name = \"half";
    const auto all = store.loadAll(sink);
    EXPECT_EQ(all.size(), 2u) << "the good bookmarks still load";
    EXPECT_TRUE(sink.hasErrors()) << "the broken one is reported";
    EXPECT_TRUE(fs::exists(dir / "broken.toml")) << "a broken file is never deleted";
    ASSERT_EQ(store.remove("Posterior"), "");
    sink.clear();
    EXPECT_EQ(store.loadAll(sink).size(), 1u);
    EXPECT_NE(store.remove("nope"), "");
    // No temporary files are left behind by the atomic writes.
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
    fs::remove_all(dir);
}

TEST(Bookmark, MalformedAnnotationsAreReported) {
    DiagnosticSink sink;
    std::string text = serializeBookmark(sample());
    text += "";
    const std::string bad = "name = \"x\"\nstrokes = [[[0.1]]]\n[camera]\ntarget = [0, 0, 0]\ndistance = 5\nyaw = 0\npitch = 0\n";
    EXPECT_FALSE(parseBookmark(bad, "bad.toml", sink));
    ASSERT_TRUE(sink.hasErrors());
    EXPECT_NE(sink.all().front().format().find("bad.toml:2"), std::string::npos) << sink.all().front().format();
}
