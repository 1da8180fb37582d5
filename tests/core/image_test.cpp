#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/image.hpp"

using namespace medius;

TEST(Image, PngRoundTripIsExact) {
    Image img;
    img.width = 7;
    img.height = 3;
    img.rgba.resize(7 * 3 * 4);
    for (std::size_t i = 0; i < img.rgba.size(); ++i) img.rgba[i] = static_cast<std::uint8_t>(i * 37);
    const auto path = (std::filesystem::temp_directory_path() / "medius_image_test.png").string();
    ASSERT_EQ(writePng(path, img), "");
    Image back;
    ASSERT_EQ(readPng(path, back), "");
    EXPECT_EQ(back.width, 7);
    EXPECT_EQ(back.height, 3);
    EXPECT_EQ(back.rgba, img.rgba);
    std::filesystem::remove(path);
}

TEST(Image, FailedWriteLeavesTheOldFileIntact) {
    const auto dir = std::filesystem::temp_directory_path() / "medius_atomic_test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / "settings.toml").string();
    ASSERT_EQ(writeFileAtomically(path, "good = 1\n"), "");
    // Writing into a folder that does not exist fails without touching `path`.
    EXPECT_NE(writeFileAtomically((dir / "missing" / "x").string(), "bad"), "");
    Image empty;
    EXPECT_NE(writePng(path, empty), "") << "an image without pixels is refused";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(text, "good = 1\n");
    std::filesystem::remove_all(dir);
}

TEST(Image, ReadFileReturnsWhatWasWrittenAndNothingForAMissingFile) {
    const std::string path = (std::filesystem::temp_directory_path() / "medius_read_file_test.bin").string();
    const std::string bytes("binary\0bytes\nand text", 21);
    ASSERT_EQ(writeFileAtomically(path, bytes), "");
    const auto back = readFile(path);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, bytes);
    std::filesystem::remove(path);
    EXPECT_FALSE(readFile(path));
}
