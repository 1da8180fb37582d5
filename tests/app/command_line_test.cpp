#include <gtest/gtest.h>

#include <vector>

#include "app/command_line.hpp"

using namespace medius::app;

namespace {
ParseResult parse(std::vector<const char*> args, CommandLine& out) {
    args.insert(args.begin(), "medius");
    return parseCommandLine(static_cast<int>(args.size()), args.data(), out);
}
}  // namespace

TEST(CommandLine, ScreenshotWithSizeAndViewOptions) {
    CommandLine cl;
    const auto r = parse({"--screenshot", "out.png", "--size", "3840x2160", "--view", "lateral",
                          "--msaa", "8", "--rim-light", "off"},
                         cl);
    ASSERT_EQ(r.outcome, ParseOutcome::Run) << r.message;
    ASSERT_TRUE(cl.screenshot);
    EXPECT_EQ(*cl.screenshot, "out.png");
    EXPECT_EQ(cl.width, 3840);
    EXPECT_EQ(cl.height, 2160);
    EXPECT_EQ(cl.view.view, "lateral");
    EXPECT_EQ(cl.view.msaa, 8);
    EXPECT_FALSE(cl.view.rimLight);
}

TEST(CommandLine, DefaultsWhenNothingIsGiven) {
    CommandLine cl;
    ASSERT_EQ(parse({}, cl).outcome, ParseOutcome::Run);
    EXPECT_FALSE(cl.screenshot);
    EXPECT_TRUE(cl.builtinAnatomy);
    EXPECT_EQ(cl.view.view, "anterior");
}

TEST(CommandLine, BadValuesGiveOneClearLine) {
    struct Case {
        std::vector<const char*> args;
        const char* expected;
    };
    const Case cases[] = {
        {{"--size", "12x", "--screenshot", "a.png"}, "--size: '12x' is not WIDTHxHEIGHT"},
        {{"--size", "800x600", "--export", "out"}, "--size applies to --screenshot or the window"},
        {{"--msaa", "64"}, "--msaa: '64' is not a number from 1 to 16"},
        {{"--view", "sideways"}, "--view: 'sideways' is not one of anterior"},
        {{"--units", "furlongs"}, "furlongs"},
        {{"--frobnicate"}, "frobnicate"},
        {{"--window-capture", "x.png"}, "needs --exit-after-frames"},
    };
    for (const auto& c : cases) {
        CommandLine cl;
        const auto r = parse(c.args, cl);
        EXPECT_EQ(r.outcome, ParseOutcome::ExitFailure) << c.expected;
        EXPECT_NE(r.message.find(c.expected), std::string::npos) << r.message;
        EXPECT_EQ(r.message.find('\n'), std::string::npos) << "one line: " << r.message;
    }
}

TEST(CommandLine, HelpListsEveryViewOption) {
    CommandLine cl;
    const auto r = parse({"--help"}, cl);
    EXPECT_EQ(r.outcome, ParseOutcome::ExitSuccess);
    for (const auto& spec : medius::viewOptionTable())
        EXPECT_NE(r.message.find(std::string("--") + spec.name), std::string::npos) << spec.name;
    EXPECT_NE(r.message.find("--screenshot"), std::string::npos);
}

TEST(CommandLine, ImageSizeBounds) {
    int w = 0, h = 0;
    EXPECT_TRUE(parseImageSize("1920x1080", w, h));
    EXPECT_EQ(w, 1920);
    EXPECT_EQ(h, 1080);
    EXPECT_FALSE(parseImageSize("0x100", w, h));
    EXPECT_FALSE(parseImageSize("100000x100", w, h));
    EXPECT_FALSE(parseImageSize("1920*1080", w, h));
    EXPECT_FALSE(parseImageSize("1920x1080x3", w, h));
}

TEST(CommandLine, ShareTakesAnOptionalPortAndARoomCode) {
    CommandLine none;
    ASSERT_EQ(parse({}, none).outcome, ParseOutcome::Run);
    EXPECT_EQ(none.sharePort, 0);  // not sharing at start
    CommandLine plain;
    ASSERT_EQ(parse({"--share"}, plain).outcome, ParseOutcome::Run);
    EXPECT_EQ(plain.sharePort, kDefaultSharePort);
    CommandLine port;
    ASSERT_EQ(parse({"--share", "9000", "--share-code", "HALL7"}, port).outcome, ParseOutcome::Run);
    EXPECT_EQ(port.sharePort, 9000);
    EXPECT_EQ(port.shareCode, "HALL7");
    for (const auto& bad : std::vector<std::vector<const char*>>{
             {"--share", "0"}, {"--share", "70000"}, {"--share", "80x"}, {"--share-code", "a b"}, {"--share-code", "../x"}}) {
        CommandLine cl;
        const auto r = parse(bad, cl);
        EXPECT_EQ(r.outcome, ParseOutcome::ExitFailure) << bad[0] << " " << bad[1];
        EXPECT_NE(r.message.find(bad[0]), std::string::npos) << r.message;
    }
}
