#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a short, fixed
# time on seeds from the project's own files. FUZZ_SECONDS sets the time per target.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
build=build-fuzz
cmake -S . -B "$build" -DMEDIUS_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" >/dev/null

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds"/{condition,tour,exercise,bookmark,settings,model_import,mesh_manifest}
cp content/conditions/*.toml "$seeds/condition/"
cp content/tours/*.toml "$seeds/tour/"
cp content/exercises/*.toml "$seeds/exercise/"
printf 'name = "b"\ncondition = "x"\n[camera]\ntarget = [0, 0, 0]\ndistance = 400\nyaw = 1\npitch = 0\n[visible]\nskin = false\n' > "$seeds/bookmark/b.toml"
printf '[view]\nmsaa = 4\nview = "lateral"\n[session]\naudience = "patient"\n' > "$seeds/settings/s.toml"
# Model seeds: the first byte picks the format (2 = OBJ, 3 = STL, 4 = PLY).
printf '\002v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n' > "$seeds/model_import/tri.obj"
printf '\003solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n' > "$seeds/model_import/tri.stl"
printf '\004ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n' > "$seeds/model_import/tri.ply"

cp docs/examples/*.toml "$seeds/mesh_manifest/"
printf '[[mesh]]\nstructure = "femur_r"\nfile = "f.stl"\nunits = "m"\nframe = "RAS"\nscale = 1.5\nrotate = [0, 90, 0]\ntranslate = [1, 2, 3]\n' > "$seeds/mesh_manifest/m.toml"

export ASAN_OPTIONS=detect_leaks=0  # toml++ and Assimp keep process-lifetime caches
for target in condition tour exercise bookmark settings model_import mesh_manifest; do
  echo "fuzz: ${target}_fuzzer for ${seconds} s"
  "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$seeds/$target" 2>&1 | grep -E "^stat::number_of_executed_units|ERROR|SUMMARY" || true
  # A crash leaves its input as crash-*; fail loudly.
  # (compgen: `ls crash-* leak-*` fails whenever one of the patterns matches nothing.)
  if compgen -G "crash-*" >/dev/null || compgen -G "leak-*" >/dev/null || compgen -G "timeout-*" >/dev/null; then
    echo "fuzz: ${target}_fuzzer found a failing input:" $(compgen -G "crash-*"; compgen -G "leak-*"; compgen -G "timeout-*")
    exit 1
  fi
done
echo "fuzz: all targets ran without a failure"
