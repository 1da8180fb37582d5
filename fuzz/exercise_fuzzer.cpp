// content/exercises/*.toml (issue 15): any text either parses into an exercise whose poses
// can be sampled along the loop, or is reported; never a crash.
#include <cmath>
#include <string>

#include "core/exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    medius::DiagnosticSink sink;
    const std::string text(reinterpret_cast<const char*>(data), size);
    medius::ExerciseNames names;
    names.structures = {"gluteus_medius_middle_r"};
    names.conditions = {"gluteal_tendinopathy"};
    if (auto e = medius::parseExercise(text, "fuzzed.toml", names, sink)) {
        for (float phase = 0.0f; phase <= 1.0f; phase += 0.125f)
            if (!std::isfinite(medius::exercisePoseAt(*e, phase).adduction)) __builtin_trap();
        (void)e->dosageText();
    }
    return 0;
}
