#!/usr/bin/env bash
# Regenerates the screenshots under docs/screenshots that show Medius's panels (the docked
# layout), headless with EGL, from the build in build/ (scripts/build.sh first). The
# anatomy-only pictures (anatomy_*.png) are unchanged by the panels and are
# made by the commands in docs/anatomy.md and the README. Each condition's picture (the model
# alone, as the condition frames it) is remade here too, since it changes with the anatomy.
set -euo pipefail
cd "$(dirname "$0")/.."
medius=${MEDIUS:-build/src/app/medius}
out=docs/screenshots
# A private home: no saved settings or bookmarks of the user's change the pictures.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
shot() {
    local file=$1
    shift
    "$medius" --with-ui --screenshot "$out/$file" "$@"
}
# The hero: the docked layout with a condition and the structure card open.
shot gluteal_tendinopathy_ui.png --size 1600x1000 --condition gluteal_tendinopathy --select femur_r
shot gluteal_tendinopathy_patient.png --size 1600x1000 --condition gluteal_tendinopathy --audience patient
shot structure_card.png --size 1600x1000 --select gluteus_medius_middle_r --view lateral
shot compare_conditions.png --size 1600x1000 --condition gluteal_tendinopathy --compare l5_radiculopathy \
    --view posterior
shot projector_theme.png --size 1920x1080 --theme projector --condition gluteal_tendinopathy --select femur_r
shot tour_step.png --size 1600x1000 --tour gluteal_tendinopathy_tour --tour-step 4
shot sidebars_collapsed.png --size 1600x1000 --condition gluteal_tendinopathy --left-sidebar false \
    --right-sidebar false
shot posture_advice_crossed_legs.png --size 1600x1000 --condition gluteal_tendinopathy --pose crossed-legs
# X-ray (everything but the selection and the condition's structures see-through), in both
# transparency modes, and a capped coronal section through the hip joint centre.
shot xray.png --size 1600x1000 --condition gluteal_tendinopathy --select gluteus_minimus_r --xray true
shot xray_weighted.png --size 1600x1000 --condition gluteal_tendinopathy --select gluteus_minimus_r \
    --xray true --transparency weighted
shot section_coronal.png --size 1600x1000 --section coronal --section-offset -66 --select femur_r \
    --view anterior
for pose in standing hanging-on-hip crossed-legs side-lying-painful side-lying-other side-lying-pillow \
    single-leg-stance trendelenburg; do
    shot "poses/$pose.png" --size 1600x1000 --pose "$pose" --view lateral
done
mkdir -p "$out/conditions"
for file in "$(dirname "$0")"/../content/conditions/*.toml; do
    condition=$(basename "$file" .toml)
    "$medius" --size 1600x1000 --condition "$condition" --screenshot "$out/conditions/$condition.png"
done
# Exercises (issue 15): the panel, and the start and end of each exercise on the model alone.
shot exercise_panel.png --size 1600x1000 --condition gluteal_tendinopathy --exercise side_lying_abduction \
    --exercise-phase 0.3
mkdir -p "$out/exercises"
for file in "$(dirname "$0")"/../content/exercises/*.toml; do
    exercise=$(basename "$file" .toml)
    for moment in start:0 end:0.5; do
        "$medius" --size 800x600 --condition gluteal_tendinopathy --exercise "$exercise" \
            --exercise-phase "${moment#*:}" --screenshot "$out/exercises/${exercise}_${moment%%:*}.png"
    done
done
echo "screenshots: wrote $out"
