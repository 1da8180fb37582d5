#!/usr/bin/env bash
# Builds the data-layer, import and anatomy test suites with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs them: every parser, loader, generator and the picking
# and layout code. (The OpenGL render and window tests run in the normal build: Mesa's
# llvmpipe is not built with the sanitizers and reports its own allocations.)
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan
cmake -S . -B "$build" -DMEDIUS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" \
  --target core_tests model_io_tests anatomy_gen_tests body_surface_tests >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" -R "^(Diagnostics|Mesh|Scene|Layers|OrbitCamera|CameraTransition|Ray|ViewOptions|ViewState|Image|ContentFolder|ProjectContent|ConditionView|SceneBvh|ViewHistory|Bookmark|BookmarkStore|LabelLayout|Quiz|SettingsFile|Tour|ModelImport|Units|BuildingBlocks|AnatomyContentErrors|HipModel|SoftTissueLayers|BodySurface|EdgeCollapse|MarchingTetrahedra|MeshOps|Superquadric|Sweep|Label)\\."
