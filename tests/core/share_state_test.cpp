// The view state a student's page receives (issue 14): whole, and as deltas.
#include "core/share_state.hpp"

#include <gtest/gtest.h>

using namespace medius;

namespace {
ShareState sample() {
    ShareState s;
    s.camera.target = {1.0f, 2.0f, 3.0f};
    s.camera.distance = 600.0f;
    s.conditionId = "gluteal_tendinopathy";
    s.conditionName = "Gluteal \"tendon\" pain";
    s.roles.push_back({"Pain source", "Where the pain comes from", {0.665f, 0.112f, 0.0f}});
    s.structures.push_back(
        {"femur_r", "Right femur", "", true, 1.0f, glm::vec3(0.8f), false, glm::vec3(1.0f)});
    s.structures.push_back({"gluteus_medius_r",
                            "Gluteus medius",
                            "hip muscle",
                            true,
                            1.0f,
                            {0.6f, 0.1f, 0.0f},
                            true,
                            glm::vec3(1.0f)});
    return s;
}
}  // namespace

TEST(ShareState, FullEncodingHasEveryFieldAndEscapesText) {
    const std::string json = encodeShareState(sample());
    for (const char* key : {"\"camera\"", "\"condition\"", "\"audience\"", "\"structures\"",
                            "\"selected\"", "\"section\":null", "\"labels\"", "\"tour\":null",
                            "\"annotations\"", "\"pain\"", "\"posture\"", "\"scene\""})
        EXPECT_NE(json.find(key), std::string::npos) << key;
    EXPECT_NE(json.find("Gluteal \\\"tendon\\\" pain"), std::string::npos);
    EXPECT_NE(json.find("\"distance\":600"), std::string::npos);
    EXPECT_EQ(json.front(), '{');
    EXPECT_EQ(json.back(), '}');
}

TEST(ShareState, NoChangeNoDelta) {
    EXPECT_EQ(encodeShareDelta(sample(), sample()), "");
}

TEST(ShareState, CameraMoveSendsOnlyTheCamera) {
    ShareState after = sample();
    after.camera.yaw = 0.5f;
    EXPECT_EQ(encodeShareDelta(sample(), after),
              "{\"camera\":{\"target\":[1,2,3],\"distance\":600,\"yaw\":0.5,\"pitch\":0,\"fovY\":0."
              "6,\"aspect\":1.6}}");
}

TEST(ShareState, AppearanceChangeSendsOnlyThatStructure) {
    ShareState after = sample();
    after.structures[1].opacity = 0.25f;
    after.selected = "gluteus_medius_r";
    const std::string d = encodeShareDelta(sample(), after);
    EXPECT_NE(d.find("\"changed\":[{\"i\":1,\"v\":1,\"o\":0.25"), std::string::npos) << d;
    EXPECT_EQ(d.find("femur_r"), std::string::npos) << d;
    EXPECT_NE(d.find("\"selected\":\"gluteus_medius_r\""), std::string::npos);
    EXPECT_EQ(d.find("\"camera\""), std::string::npos);
}

TEST(ShareState, OtherStructuresSendTheWholeList) {
    ShareState after = sample();
    after.structures.pop_back();
    const std::string d = encodeShareDelta(sample(), after);
    EXPECT_NE(d.find("\"structures\":[{\"id\":\"femur_r\""), std::string::npos) << d;
    EXPECT_EQ(d.find("\"changed\""), std::string::npos);
}

TEST(ShareState, TourSectionPainAnnotationsAndPostureAppearWhenTheyChange) {
    ShareState after = sample();
    after.tourTitle = "Tour";
    after.tourStep = 2;
    after.tourSteps = 5;
    after.tourCaption = "Line one\nline two";
    after.section = glm::vec4(1.0f, 0.0f, 0.0f, -66.0f);
    after.pain.push_back({{0, 0, 0}, {0, 10, 0}, 40.0f, 1.0f, true});
    after.annotations.notes.push_back({{1, 2, 3}, "bursa"});
    after.posture = "crossed_legs";
    after.sceneRevision = 3;
    const std::string d = encodeShareDelta(sample(), after);
    EXPECT_NE(d.find("\"tour\":{\"title\":\"Tour\",\"step\":2,\"steps\":5,\"caption\":\"Line "
                     "one\\nline two\"}"),
              std::string::npos)
        << d;
    EXPECT_NE(d.find("\"section\":[1,0,0,-66]"), std::string::npos) << d;
    EXPECT_NE(d.find("\"referred\":1"), std::string::npos);
    EXPECT_NE(d.find("\"text\":\"bursa\""), std::string::npos);
    EXPECT_NE(d.find("\"posture\":\"crossed_legs\""), std::string::npos);
    EXPECT_NE(d.find("\"scene\":3"), std::string::npos);
    EXPECT_FALSE(sample() == after);
}

TEST(ShareState, ThePageKnowsWhichMeshIsTheSkinAndThePainColours) {
    ShareState s = sample();
    s.structures[0].painCanvas = true;
    s.localPainColour = {0.7f, 0.02f, 0.03f};
    s.referredPainColour = {0.87f, 0.78f, 0.05f};
    const std::string json = encodeShareState(s);
    EXPECT_NE(json.find("\"id\":\"femur_r\",\"name\":\"Right femur\",\"plain\":\"\",\"canvas\":1,"),
              std::string::npos)
        << json;
    EXPECT_EQ(json.find("\"canvas\":1", json.find("gluteus_medius_r")), std::string::npos) << json;
    EXPECT_NE(
        json.find("\"painColours\":{\"local\":[0.7,0.02,0.03],\"referred\":[0.87,0.78,0.05]}"),
        std::string::npos)
        << json;
    // Constant while the lecture runs: a delta carries them only if they change.
    EXPECT_EQ(encodeShareDelta(s, s), "");
    ShareState other = s;
    other.referredPainColour.y = 0.5f;
    EXPECT_NE(encodeShareDelta(s, other).find("\"painColours\""), std::string::npos);
    other = s;
    other.structures[0].painCanvas = false;
    EXPECT_NE(encodeShareDelta(s, other).find("\"structures\""), std::string::npos);
}

TEST(ShareState, JsonStringEscapesControlCharacters) {
    EXPECT_EQ(jsonString(std::string("a\\b\"c\x01\tz")), "\"a\\\\b\\\"c\\u0001\\u0009z\"");
    EXPECT_EQ(jsonString("Ü"), "\"Ü\"");
}
