#include "app/input_log.hpp"

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

using namespace medius;
using namespace medius::app;

TEST(InputLog, ParsesEveryEventAndFormatsItBack) {
    DiagnosticSink sink;
    const std::string text =
        "# comment\n\nmove 640 400.5\npress left\nrelease middle\nscroll -2\nkey F11\nkey "
        "ctrl+shift+z\n"
        "key Home   # trailing comment\nwait 12\n";
    const auto events = parseInputLog(text, "a.log", sink);
    ASSERT_EQ(events.size(), 8u);
    EXPECT_FALSE(sink.hasErrors());
    EXPECT_EQ(events[0].kind, InputLogEvent::Kind::Move);
    EXPECT_FLOAT_EQ(events[0].y, 400.5f);
    EXPECT_EQ(events[0].line, 3);
    EXPECT_EQ(events[2].button, 2);
    EXPECT_FLOAT_EQ(events[3].scroll, -2.0f);
    EXPECT_EQ(events[4].key, GLFW_KEY_F11);
    EXPECT_EQ(events[5].key, GLFW_KEY_Z);
    EXPECT_EQ(events[5].mods, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    EXPECT_EQ(events[6].key, GLFW_KEY_HOME);
    EXPECT_EQ(events[7].frames, 12);
    std::string again;
    for (const auto& e : events) again += formatInputLogEvent(e) + "\n";
    const auto reparsed = parseInputLog(again, "b.log", sink);
    ASSERT_EQ(reparsed.size(), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(formatInputLogEvent(reparsed[i]), formatInputLogEvent(events[i]));
        EXPECT_EQ(reparsed[i].key, events[i].key);
        EXPECT_EQ(reparsed[i].mods, events[i].mods);
    }
}

TEST(InputLog, MistakesNameTheirLineAndAreLeftOut) {
    DiagnosticSink sink;
    const auto events = parseInputLog(
        "move 1\npress thumb\nscroll lots\nkey NoSuchKey\nwait 0\nfly 3\nmove 1 2 3\nkey 2\n",
        "bad.log", sink);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].key, GLFW_KEY_2);
    ASSERT_EQ(sink.count(Level::Error), 7);
    for (int line = 1; line <= 7; ++line) {
        EXPECT_EQ(sink.all()[static_cast<std::size_t>(line - 1)].line, line);
        EXPECT_EQ(sink.all()[static_cast<std::size_t>(line - 1)].file, "bad.log");
    }
    EXPECT_NE(sink.all()[5].message.find("unknown event 'fly'"), std::string::npos);
}

TEST(InputLog, KeyNamesRoundTrip) {
    for (int key : {GLFW_KEY_0, GLFW_KEY_9, GLFW_KEY_A, GLFW_KEY_Q, GLFW_KEY_F1, GLFW_KEY_F12,
                    GLFW_KEY_PAGE_UP, GLFW_KEY_ESCAPE}) {
        for (int mods : {0, GLFW_MOD_CONTROL, GLFW_MOD_ALT | GLFW_MOD_SHIFT}) {
            const std::string name = keyName(key, mods);
            ASSERT_FALSE(name.empty()) << key;
            int k = 0, m = 0;
            ASSERT_TRUE(parseKeyName(name, k, m)) << name;
            EXPECT_EQ(k, key) << name;
            EXPECT_EQ(m, mods) << name;
        }
    }
    EXPECT_TRUE(keyName(GLFW_KEY_KP_ADD, 0).empty()) << "keys the log cannot name are left out";
}
