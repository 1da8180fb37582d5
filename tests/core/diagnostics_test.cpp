#include <gtest/gtest.h>

#include "core/diagnostics.hpp"

using namespace medius;

TEST(Diagnostics, FormatsFileLineLevelAndMessage) {
    Diagnostic d{Level::Error, "content/conditions/x.toml", 12, "unknown structure id 'foo'"};
    EXPECT_EQ(d.format(), "content/conditions/x.toml:12: error: unknown structure id 'foo'");
    Diagnostic noLine{Level::Warning, "model.stl", 0, "no normals"};
    EXPECT_EQ(noLine.format(), "model.stl: warning: no normals");
    Diagnostic noFile{Level::Info, "", 0, "hello"};
    EXPECT_EQ(noFile.format(), "note: hello");
}

TEST(Diagnostics, CountsByLevelAndNotifiesListener) {
    DiagnosticSink sink;
    int heard = 0;
    sink.setListener([&](const Diagnostic&) { ++heard; });
    sink.info("a", 1, "x");
    sink.warning("a", 2, "y");
    sink.error("a", 3, "z");
    sink.error("b", 4, "w");
    EXPECT_EQ(heard, 4);
    EXPECT_EQ(sink.count(Level::Error), 2);
    EXPECT_EQ(sink.count(Level::Warning), 1);
    EXPECT_TRUE(sink.hasErrors());
    sink.clear();
    EXPECT_FALSE(sink.hasErrors());
}
