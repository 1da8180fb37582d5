#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/settings.hpp"

using namespace medius;
namespace fs = std::filesystem;

class SettingsFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("medius_settings_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        path_ = (dir_ / "medius" / "settings.toml").string();
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
    std::string path_;
    DiagnosticSink sink_;
};

TEST_F(SettingsFile, RoundTripsEveryViewOptionAndTheSession) {
    Settings s;
    s.view.uiScale = 2.5f;
    s.view.view = "posterior";
    s.view.xray = true;
    s.view.section = "coronal";
    s.view.sectionOffset = -66.5f;
    s.lastCondition = "gluteal_tendinopathy";
    s.audience = "patient";
    ASSERT_EQ(saveSettings(path_, s), "");
    const Settings back = loadSettings(path_, sink_);
    EXPECT_FALSE(sink_.hasErrors());
    EXPECT_EQ(sink_.count(Level::Warning), 0);
    for (const auto& spec : viewOptionTable())
        EXPECT_EQ(getViewOption(back.view, spec), getViewOption(s.view, spec)) << spec.name;
    EXPECT_EQ(back.lastCondition, "gluteal_tendinopathy");
    EXPECT_EQ(back.audience, "patient");
}

TEST_F(SettingsFile, MissingFileGivesDefaultsQuietly) {
    const Settings s = loadSettings(path_, sink_);
    EXPECT_TRUE(sink_.all().empty());
    EXPECT_EQ(s.view.msaa, ViewOptions{}.msaa);
}

TEST_F(SettingsFile, CorruptFileIsMovedAsideAndReported) {
    fs::create_directories(fs::path(path_).parent_path());
    std::ofstream(path_) << "[view]\nui-scale = 2.0\n[session\nlast_condition = \"x\"\n";
    const Settings s = loadSettings(path_, sink_);
    EXPECT_FLOAT_EQ(s.view.uiScale, 1.0f) << "defaults";
    ASSERT_EQ(sink_.count(Level::Warning), 1);
    EXPECT_EQ(sink_.all()[0].line, 3);
    EXPECT_FALSE(fs::exists(path_));
    bool asideExists = false;
    for (const auto& e : fs::directory_iterator(fs::path(path_).parent_path()))
        asideExists |= e.path().filename().string().rfind("settings.toml.corrupt-", 0) == 0;
    EXPECT_TRUE(asideExists) << "the user's file is kept, not lost";
}

TEST_F(SettingsFile, BadValuesAreSkippedWithTheirLine) {
    fs::create_directories(fs::path(path_).parent_path());
    std::ofstream(path_) << "[view]\nmsaa = 99\nui-scale = 2.0\nwobble = 1\n[session]\naudience = \"cats\"\n";
    const Settings s = loadSettings(path_, sink_);
    EXPECT_EQ(s.view.msaa, 4) << "the bad value keeps the default";
    EXPECT_FLOAT_EQ(s.view.uiScale, 2.0f) << "good values on other lines still apply";
    std::string all;
    for (const auto& d : sink_.all()) all += d.format() + "\n";
    EXPECT_NE(all.find("settings.toml:2: warning: msaa"), std::string::npos) << all;
    EXPECT_NE(all.find("settings.toml:4: warning: unknown view option 'wobble'"), std::string::npos) << all;
    EXPECT_NE(all.find("cats"), std::string::npos) << all;
}

TEST_F(SettingsFile, ReadOnlyFolderFailsWithAReasonAndKeepsTheOldFile) {
    if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions; cannot test read-only here";
    ASSERT_EQ(saveSettings(path_, Settings{}), "");
    fs::permissions(fs::path(path_).parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    Settings changed;
    changed.view.uiScale = 3.0f;
    EXPECT_NE(saveSettings(path_, changed), "");
    fs::permissions(fs::path(path_).parent_path(), fs::perms::owner_all);
    EXPECT_FLOAT_EQ(loadSettings(path_, sink_).view.uiScale, 1.0f);
}

TEST_F(SettingsFile, UnwritableFolderFailsWithAReasonAndKeepsTheOldFile) {
    // A regular file where the folder should be: writing fails for every user, root included.
    ASSERT_EQ(saveSettings(path_, Settings{}), "");
    const fs::path blocker = dir_ / "blocker";
    std::ofstream(blocker) << "not a folder";
    Settings changed;
    changed.view.uiScale = 3.0f;
    const std::string error = saveSettings((blocker / "medius" / "settings.toml").string(), changed);
    EXPECT_NE(error, "");
    EXPECT_NE(error.find("blocker"), std::string::npos) << error;
    EXPECT_FLOAT_EQ(loadSettings(path_, sink_).view.uiScale, 1.0f) << "the saved file is untouched";
}
