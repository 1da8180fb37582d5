#pragma once
#include <optional>

#include "core/actions.hpp"
#include "core/quiz.hpp"
#include "core/structure.hpp"

namespace medius::ui {

void drawQuizPanel(const std::optional<QuizSession>& quiz, const Scene& scene, bool* open,
                   ActionQueue& actions);

}  // namespace medius::ui
