#include <gtest/gtest.h>

#include <set>

#include "core/quiz.hpp"

using namespace medius;

TEST(Quiz, AsksDistinctStructuresScoresAndKeepsTheAnswers) {
    QuizSession quiz({"femur_r", "sacrum", "piriformis_r", "femur_r", "coccyx"}, 3, 42);
    EXPECT_EQ(quiz.total(), 3);
    std::set<std::string> asked;
    // Right, wrong, skipped.
    asked.insert(quiz.target());
    EXPECT_TRUE(quiz.answer(quiz.target()));
    asked.insert(quiz.target());
    EXPECT_FALSE(quiz.answer("not_this_one"));
    asked.insert(quiz.target());
    EXPECT_FALSE(quiz.answer(""));
    EXPECT_EQ(asked.size(), 3u) << "no structure asked twice";
    EXPECT_TRUE(quiz.finished());
    EXPECT_EQ(quiz.target(), "");
    EXPECT_EQ(quiz.score(), 1);
    ASSERT_EQ(quiz.answers().size(), 3u);
    EXPECT_TRUE(quiz.answers()[0].right);
    EXPECT_EQ(quiz.answers()[1].picked, "not_this_one");
    EXPECT_FALSE(quiz.answer("femur_r")) << "answers after the end are ignored";
    EXPECT_EQ(quiz.answers().size(), 3u);
}

TEST(Quiz, SameSeedSameQuestionsAndSmallPoolsShrink) {
    const std::vector<std::string> pool = {"a", "b", "c", "d", "e", "f"};
    QuizSession x(pool, 4, 7), y(pool, 4, 7), z(pool, 10, 7);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(x.target(), y.target());
        x.answer("");
        y.answer("");
    }
    EXPECT_EQ(z.total(), 6);
    QuizSession empty({}, 5, 1);
    EXPECT_TRUE(empty.finished());
    EXPECT_EQ(empty.total(), 0);
}
