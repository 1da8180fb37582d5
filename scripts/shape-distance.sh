#!/usr/bin/env bash
# Measures Medius's anatomy against the real specimens in ../shared/reference-meshes with
# ../shared/tools/shape-distance (docs/anatomy.md keeps the table). Usage:
#   scripts/shape-distance.sh [female|male]     (needs a build: scripts/build.sh)
# The groups are the ones docs/anatomy.md reports: the five muscles on both sides and the sacrum
# against the Visible Human Female; hip bones, femora, sacrum, L4 and L5 against myosim.
set -euo pipefail
cd "$(dirname "$0")/.."
SEX=${1:-female}
SHARED=${MEDIUS_SHARED_DIR:-../shared}
[ -d "$SHARED/reference-meshes" ] || { echo "shape-distance.sh: $SHARED/reference-meshes is absent" >&2; exit 2; }
O=$(mktemp -d); trap 'rm -rf "$O"' EXIT
build/src/app/medius --sex "$SEX" --export "$O" >/dev/null
V=$SHARED/reference-meshes/du-vhf; M=$SHARED/reference-meshes/myosim/ply-mm-pelvis-frame
TOOL="/usr/bin/python3 $SHARED/tools/shape-distance"
pairs=()
for side in r:Right l:Left; do
  s=${side%%:*}; S=${side##*:}
  pairs+=("gmed_$s=$O/gluteus_medius_anterior_$s.ply+$O/gluteus_medius_middle_$s.ply+$O/gluteus_medius_posterior_$s.ply:$V/VHF_${S}_Muscle_GluteusMedius_smooth.ply"
          "gmin_$s=$O/gluteus_minimus_$s.ply:$V/VHF_${S}_Muscle_GluteusMinimus_smooth.ply"
          "gmax_$s=$O/gluteus_maximus_$s.ply:$V/VHF_${S}_Muscle_GluteusMaximus_smooth.ply"
          "tfl_$s=$O/tensor_fasciae_latae_$s.ply:$V/VHF_${S}_Muscle_TensorFasciaeLatae_smooth.ply"
          "pir_$s=$O/piriformis_$s.ply:$V/VHF_${S}_Muscle_Piriformis_smooth.ply")
  # The cartilages are thin shells; with CARTILAGE=1 they join the group (and its alignment).
  [ "${CARTILAGE:-0}" = 1 ] && pairs+=("head_cart_$s=$O/femoral_head_cartilage_$s.ply:$V/VHF_${S}_Cartilage_FemurHead_smooth.ply"
          "acet_cart_$s=$O/acetabular_cartilage_$s.ply:$V/VHF_${S}_Cartilage_PelvisAcetabulum_smooth.ply")
done
pairs+=("sacrum=$O/sacrum.ply:$V/VHF_Left_Bone_Sacrum_smooth.ply")
echo "== Muscles and sacrum (cartilage with CARTILAGE=1) vs du-vhf (Visible Human Female), one similarity transform"
$TOOL group --frame-a ASR --frame-b RAS "${pairs[@]}"
echo "== Bones vs myosim (OpenSim), one similarity transform"
$TOOL group --frame-a ASR --frame-b ASR \
  "hip_r=$O/hip_bone_r.ply:$M/r_pelvis_in_pelvis_frame.ply" "hip_l=$O/hip_bone_l.ply:$M/l_pelvis_in_pelvis_frame.ply" \
  "femur_r=$O/femur_r.ply:$M/r_femur_in_pelvis_frame.ply" "femur_l=$O/femur_l.ply:$M/l_femur_in_pelvis_frame.ply" \
  "sacrum=$O/sacrum.ply:$M/sacrum_in_pelvis_frame.ply" \
  "l4=$O/l4_vertebra.ply:$M/lumbar4_in_pelvis_frame.ply" "l5=$O/l5_vertebra.ply:$M/lumbar5_in_pelvis_frame.ply"
