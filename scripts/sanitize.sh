#!/usr/bin/env bash
# Builds the whole project and its tests with AddressSanitizer and UndefinedBehaviorSanitizer
# and runs the whole suite under them, in two passes:
#  1. the data layer, import and anatomy suites (no OpenGL) with leak detection on;
#  2. everything else (render, app, command line, the Xvfb window tests) with leak detection
#     off: Mesa's llvmpipe allocates from its JIT-compiled shaders, whose frames carry no
#     symbols, so LeakSanitizer reports allocations it cannot attribute (a few hundred bytes per
#     GL context). Out-of-bounds, use-after-free and undefined behaviour are still caught.
# The soak and the share benchmark are left out: they measure memory and time, which the
# sanitizers change.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan
cmake -S . -B "$build" -DMEDIUS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" >/dev/null
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
data_layer="^(core_tests|model_io_tests|anatomy_gen_tests|body_surface_tests)$"
echo "sanitize: pass 1, data layer with leak detection"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  ctest --output-on-failure --parallel "$(nproc)" -L "$data_layer"
echo "sanitize: pass 2, OpenGL, app and window tests (leak detection off, see above)"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  ctest --output-on-failure --parallel "$(nproc)" -LE "$data_layer" -E "^(soak_|bench_)"
