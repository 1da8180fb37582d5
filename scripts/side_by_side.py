#!/usr/bin/python3
"""Side-by-side pictures of Medius's structures next to the real specimens (docs/anatomy.md).

Usage: scripts/side_by_side.py MEDIUS_BINARY SHARED_DIR OUT_DIR [female|male]

For each group of specimens (the Visible Human Female muscles and sacrum; the myosim bones) one
similarity transform puts the whole specimen group onto Medius's export, as
`shape-distance group` does before it measures (so the pictures show what the table measures).
Each structure is then drawn twice in one headless frame of Medius (`--no-anatomy --model`):
Medius's own mesh on the left, and the aligned specimen moved to its right, at the same scale
and from the same camera. The specimens are only read, and transformed into a temporary folder;
nothing of them is written anywhere else (the pictures are renderings).
Needs Debian's python3-open3d (as scripts/shape-distance.sh does).
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import open3d as o3d

# Patient directions of the files' +x, +y, +z, as in shape-distance: Medius exports ASR.
FRAMES = {"RAS": [1, 2, 0], "ASR": [0, 1, 2]}  # columns giving A, S, R

# name, Medius ids, specimen files (relative to the group folder), camera view, picture axis
VHF = "reference-meshes/du-vhf"
MYOSIM = "reference-meshes/myosim/ply-mm-pelvis-frame"
GROUPS = [
    (VHF, "RAS", [
        ("gluteus_medius", ["gluteus_medius_anterior_r", "gluteus_medius_middle_r", "gluteus_medius_posterior_r"],
         ["VHF_Right_Muscle_GluteusMedius_smooth.ply"], "lateral"),
        ("gluteus_minimus", ["gluteus_minimus_r"], ["VHF_Right_Muscle_GluteusMinimus_smooth.ply"], "lateral"),
        ("gluteus_maximus", ["gluteus_maximus_r"], ["VHF_Right_Muscle_GluteusMaximus_smooth.ply"], "posterior"),
        ("tensor_fasciae_latae", ["tensor_fasciae_latae_r"], ["VHF_Right_Muscle_TensorFasciaeLatae_smooth.ply"],
         "lateral"),
        ("piriformis", ["piriformis_r"], ["VHF_Right_Muscle_Piriformis_smooth.ply"], "posterior"),
        ("sacrum_vhf", ["sacrum"], ["VHF_Left_Bone_Sacrum_smooth.ply"], "anterior"),
    ], ["VHF_Left_Muscle_GluteusMedius_smooth.ply", "VHF_Left_Muscle_GluteusMinimus_smooth.ply",
        "VHF_Left_Muscle_GluteusMaximus_smooth.ply", "VHF_Left_Muscle_TensorFasciaeLatae_smooth.ply",
        "VHF_Left_Muscle_Piriformis_smooth.ply"],
     ["gluteus_medius_anterior_l", "gluteus_medius_middle_l", "gluteus_medius_posterior_l", "gluteus_minimus_l",
      "gluteus_maximus_l", "tensor_fasciae_latae_l", "piriformis_l"]),
    (MYOSIM, "ASR", [
        ("hip_bone", ["hip_bone_r"], ["r_pelvis_in_pelvis_frame.ply"], "lateral"),
        ("femur", ["femur_r"], ["r_femur_in_pelvis_frame.ply"], "anterior"),
        ("sacrum_myosim", ["sacrum"], ["sacrum_in_pelvis_frame.ply"], "anterior"),
    ], ["l_pelvis_in_pelvis_frame.ply", "l_femur_in_pelvis_frame.ply", "lumbar4_in_pelvis_frame.ply",
        "lumbar5_in_pelvis_frame.ply"], ["hip_bone_l", "femur_l", "l4_vertebra", "l5_vertebra"]),
]
# The picture's rightward axis in the ISB frame (x anterior, y superior, z right) per view: the
# specimen goes to the right of Medius's mesh in every picture.
HORIZONTAL = {"lateral": np.array([1.0, 0, 0]), "medial": np.array([-1.0, 0, 0]),
              "anterior": np.array([0, 0, -1.0]), "posterior": np.array([0, 0, 1.0])}


def load(path, frame="ASR"):
    mesh = o3d.io.read_triangle_mesh(path)
    v = np.asarray(mesh.vertices)[:, FRAMES[frame]]
    mesh.vertices = o3d.utility.Vector3dVector(v)
    return mesh


def merged(meshes):
    out = o3d.geometry.TriangleMesh()
    for m in meshes:
        out += m
    return out


def similarity_onto(source, target):
    """One similarity transform (scale, rotation, translation) of source onto target: ICP from
    the centroids, point to point with scaling, on the vertices thinned to one per 2 mm voxel."""
    s = o3d.geometry.PointCloud(source.vertices).voxel_down_sample(2.0)
    t = o3d.geometry.PointCloud(target.vertices).voxel_down_sample(2.0)
    init = np.eye(4)
    init[:3, 3] = np.asarray(t.points).mean(0) - np.asarray(s.points).mean(0)
    estimation = o3d.pipelines.registration.TransformationEstimationPointToPoint(with_scaling=True)
    criteria = o3d.pipelines.registration.ICPConvergenceCriteria(max_iteration=200)
    result = o3d.pipelines.registration.registration_icp(s, t, 30.0, init, estimation, criteria)
    result = o3d.pipelines.registration.registration_icp(s, t, 10.0, result.transformation, estimation, criteria)
    return result.transformation


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    medius, shared, out_dir = sys.argv[1:4]
    sex = sys.argv[4] if len(sys.argv) > 4 else "female"
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "export")
        subprocess.run([medius, "--sex", sex, "--export", export], check=True, stdout=subprocess.DEVNULL)
        for folder, frame, pictures, extra_specimens, extra_ids in GROUPS:
            base = os.path.join(shared, folder)
            specimen_files = [f for _, _, files, _ in pictures for f in files] + extra_specimens
            ids = [i for _, group_ids, _, _ in pictures for i in group_ids] + extra_ids
            specimens = {f: load(os.path.join(base, f), frame) for f in dict.fromkeys(specimen_files)}
            ours = {i: load(os.path.join(export, i + ".ply")) for i in dict.fromkeys(ids)}
            # Specimens onto Medius: the pictures keep Medius's frame and size.
            transform = similarity_onto(merged(specimens.values()), merged(ours.values()))
            for name, group_ids, files, view in pictures:
                model = merged([ours[i] for i in group_ids])
                real = merged([o3d.geometry.TriangleMesh(specimens[f]) for f in files]).transform(transform)
                axis = HORIZONTAL[view]
                model_extent = np.ptp(np.asarray(model.vertices) @ axis)
                real_extent = np.ptp(np.asarray(real.vertices) @ axis)
                shift = (model.get_center() - real.get_center()) + axis * (0.5 * (model_extent + real_extent) + 15.0)
                real.translate(shift)
                model.compute_vertex_normals()
                real.compute_vertex_normals()
                a, b = os.path.join(tmp, name + "_medius.ply"), os.path.join(tmp, name + "_specimen.ply")
                o3d.io.write_triangle_mesh(a, model)
                o3d.io.write_triangle_mesh(b, real)
                png = os.path.join(out_dir, f"side_by_side_{name}.png")
                subprocess.run([medius, "--no-anatomy", "--model", a, "--model", b, "--units", "mm", "--view", view,
                                "--size", "900x560", "--screenshot", png], check=True, stdout=subprocess.DEVNULL)
                print(png)


if __name__ == "__main__":
    main()
