#include "core/quiz.hpp"

#include <algorithm>
#include <random>

namespace medius {

QuizSession::QuizSession(std::vector<std::string> pool, int count, std::uint32_t seed) {
    std::sort(pool.begin(), pool.end());
    pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
    // Fisher-Yates with a fixed generator: the same seed gives the same quiz everywhere.
    std::mt19937 rng(seed);
    for (std::size_t i = pool.size(); i > 1; --i) {
        std::uniform_int_distribution<std::size_t> pick(0, i - 1);
        std::swap(pool[i - 1], pool[pick(rng)]);
    }
    pool.resize(std::min<std::size_t>(pool.size(), std::max(count, 0)));
    targets_ = std::move(pool);
}

const std::string& QuizSession::target() const {
    static const std::string none;
    return finished() ? none : targets_[next_];
}

bool QuizSession::answer(const std::string& picked) {
    if (finished()) return false;
    const bool right = picked == targets_[next_];
    answers_.push_back({targets_[next_], picked, right});
    ++next_;
    return right;
}

int QuizSession::score() const {
    return static_cast<int>(std::count_if(answers_.begin(), answers_.end(), [](const Answer& a) { return a.right; }));
}

}  // namespace medius
