#include <gtest/gtest.h>

#include <set>

#include "core/view_options.hpp"

using namespace medius;

TEST(ViewOptions, EveryTableRowRoundTripsItsDefault) {
    ViewOptions options;
    std::set<std::string> names;
    for (const auto& spec : viewOptionTable()) {
        EXPECT_TRUE(names.insert(spec.name).second) << "duplicate option " << spec.name;
        std::string error;
        const std::string text = getViewOption(options, spec);
        EXPECT_TRUE(setViewOption(options, spec.name, text, error)) << spec.name << ": " << error;
        EXPECT_EQ(getViewOption(options, spec), text);
    }
}

TEST(ViewOptions, ParsesAndRejectsWithAReason) {
    ViewOptions o;
    std::string error;
    EXPECT_TRUE(setViewOption(o, "msaa", "8", error));
    EXPECT_EQ(o.msaa, 8);
    EXPECT_FALSE(setViewOption(o, "msaa", "99", error));
    EXPECT_NE(error.find("1 to 16"), std::string::npos) << error;
    EXPECT_EQ(o.msaa, 8) << "a rejected value leaves the option unchanged";
    EXPECT_FALSE(setViewOption(o, "msaa", "4x", error));
    EXPECT_TRUE(setViewOption(o, "ui-scale", "2.5", error));
    EXPECT_FLOAT_EQ(o.uiScale, 2.5f);
    EXPECT_FALSE(setViewOption(o, "ui-scale", "nan", error));
    EXPECT_TRUE(setViewOption(o, "view", "posterior", error));
    EXPECT_EQ(o.view, "posterior");
    EXPECT_FALSE(setViewOption(o, "view", "sideways", error));
    EXPECT_NE(error.find("anterior"), std::string::npos) << "lists the accepted values";
    EXPECT_TRUE(setViewOption(o, "vsync", "off", error));
    EXPECT_FALSE(o.vsync);
    EXPECT_FALSE(setViewOption(o, "vsync", "maybe", error));
    EXPECT_FALSE(setViewOption(o, "no-such-option", "1", error));
    EXPECT_NE(error.find("unknown"), std::string::npos);
}
