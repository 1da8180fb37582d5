#pragma once
// A quiz: Medius names a structure and the student clicks it on the model.
// Pure logic: which structure to ask next, whether the click was right, the
// score, and the answers at the end.
#include <cstdint>
#include <string>
#include <vector>

namespace medius {

class QuizSession {
public:
    struct Answer {
        std::string target;
        std::string picked;  // empty: skipped
        bool right = false;
    };

    // Asks `count` distinct structures drawn from `pool` (fewer if the pool is smaller), in an
    // order fixed by `seed` so a class can share one quiz.
    QuizSession(std::vector<std::string> pool, int count, std::uint32_t seed);

    bool finished() const { return next_ >= targets_.size(); }
    // The structure to find now; empty when finished.
    const std::string& target() const;
    // Records the student's click (or skip, with an empty id) and moves on. True when right.
    bool answer(const std::string& picked);
    int score() const;
    int total() const { return static_cast<int>(targets_.size()); }
    int asked() const { return static_cast<int>(next_); }
    const std::vector<Answer>& answers() const { return answers_; }

private:
    std::vector<std::string> targets_;
    std::size_t next_ = 0;
    std::vector<Answer> answers_;
};

}  // namespace medius
