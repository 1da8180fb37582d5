// Orchestrates the generators: reads the content files, builds each right-side structure once,
// mirrors it for the left, and names everything.
#include "anatomy-gen/hip_model.hpp"

#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string_view>
#include <vector>

#include "anatomy-gen/bone_generators.hpp"
#include "anatomy-gen/bone_surface.hpp"
#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/soft_tissue_generators.hpp"

namespace medius::anatomy {

namespace {

struct Names {
    const char* id;  // without side suffix
    const char* name;
    const char* latin;
    Layer layer;
};

// English and Terminologia Anatomica names of every generated structure.
constexpr Names kHipBone{"hip_bone", "Hip bone", "Os coxae", Layer::Bone};
constexpr Names kFemur{"femur", "Femur", "Femur", Layer::Bone};
constexpr Names kSacrum{"sacrum", "Sacrum", "Os sacrum", Layer::Bone};
constexpr Names kCoccyx{"coccyx", "Coccyx", "Os coccygis", Layer::Bone};
constexpr Names kL4{"l4_vertebra", "Fourth lumbar vertebra", "Vertebra lumbalis IV", Layer::Bone};
constexpr Names kL5{"l5_vertebra", "Fifth lumbar vertebra", "Vertebra lumbalis V", Layer::Bone};

struct MuscleEntry {
    const char* section;
    Names names;
    // Inserts on the greater trochanter: in the male its stations follow the male trochanter.
    // (Gluteus maximus, TFL and the band pass over it into the fascia lata and keep the point
    // scale, which keeps them under the skin.)
    bool onTrochanter = false;
    // Parts of one fan-shaped muscle (consecutive entries with the same name) are built together
    // as one continuous sheet, cut into one strip per part (fannedMuscle).
    const char* fan = nullptr;
    // A fan-shaped muscle that is one structure: the content sections of its guides (anterior to
    // posterior, null-terminated), lofted into one sheet and kept whole (fannedMuscle, onePiece).
    const char* const* guides = nullptr;
};
// Gluteus minimus arises from the whole area between the curved anterior and the inferior
// gluteal lines and converges to the anterior facet: three guides (from the anterior border, from
// the crest where the anterior line starts, and from the lower anterior line by the sciatic
// notch) span that curved origin, which one straight sweep cannot.
constexpr const char* kMinimusGuides[] = {"gluteus_minimus_anterior_guide",
                                          "gluteus_minimus_middle_guide",
                                          "gluteus_minimus_posterior_guide", nullptr};
constexpr MuscleEntry kMuscles[] = {
    {"gluteus_medius_anterior",
     {"gluteus_medius_anterior", "Gluteus medius, anterior part",
      "Musculus gluteus medius, pars anterior", Layer::Muscle},
     true,
     "gluteus_medius"},
    {"gluteus_medius_middle",
     {"gluteus_medius_middle", "Gluteus medius, middle part", "Musculus gluteus medius, pars media",
      Layer::Muscle},
     true,
     "gluteus_medius"},
    {"gluteus_medius_posterior",
     {"gluteus_medius_posterior", "Gluteus medius, posterior part",
      "Musculus gluteus medius, pars posterior", Layer::Muscle},
     true,
     "gluteus_medius"},
    {"gluteus_minimus",
     {"gluteus_minimus", "Gluteus minimus", "Musculus gluteus minimus", Layer::Muscle},
     true,
     nullptr,
     kMinimusGuides},
    {"gluteus_maximus",
     {"gluteus_maximus", "Gluteus maximus", "Musculus gluteus maximus", Layer::Muscle}},
    {"tensor_fasciae_latae",
     {"tensor_fasciae_latae", "Tensor fasciae latae", "Musculus tensor fasciae latae",
      Layer::Muscle}},
    {"piriformis", {"piriformis", "Piriformis", "Musculus piriformis", Layer::Muscle}, true},
    // The band acts as the common tendon of TFL and upper gluteus maximus.
    {"iliotibial_band",
     {"iliotibial_band", "Iliotibial band", "Tractus iliotibialis", Layer::Tendon}},
};

constexpr Names kLateralInsertion{
    "gluteus_medius_insertion_lateral", "Gluteus medius insertion, lateral facet",
    "Insertio musculi glutei medii (facies lateralis)", Layer::Tendon};
constexpr Names kSuperoposteriorInsertion{
    "gluteus_medius_insertion_superoposterior", "Gluteus medius insertion, superoposterior facet",
    "Insertio musculi glutei medii (facies superoposterior)", Layer::Tendon};
constexpr Names kMinimusInsertion{
    "gluteus_minimus_insertion", "Gluteus minimus insertion, anterior facet",
    "Insertio musculi glutei minimi (facies anterior)", Layer::Tendon};
constexpr Names kMaximusBursa{"subgluteus_maximus_bursa", "Subgluteus maximus (trochanteric) bursa",
                              "Bursa trochanterica musculi glutei maximi", Layer::Bursa};
constexpr Names kMediusBursa{"subgluteus_medius_bursa", "Subgluteus medius bursa",
                             "Bursa trochanterica musculi glutei medii", Layer::Bursa};
constexpr Names kMinimusBursa{"subgluteus_minimus_bursa", "Subgluteus minimus bursa",
                              "Bursa trochanterica musculi glutei minimi", Layer::Bursa};

void addMidline(Scene& scene, const Names& n, TriangleMesh mesh) {
    if (mesh.empty()) return;
    scene.add(Structure{n.id, n.name, n.latin, n.layer, Side::None, std::move(mesh)});
}

// Adds the right structure and its mirror image as the left one.
void addPair(Scene& scene, const Names& n, TriangleMesh right) {
    if (right.empty()) return;
    TriangleMesh left = mirrorToLeft(right);
    scene.add(Structure{std::string(n.id) + "_r", std::string("Right ") + n.name, n.latin, n.layer,
                        Side::Right, std::move(right)});
    scene.add(Structure{std::string(n.id) + "_l", std::string("Left ") + n.name, n.latin, n.layer,
                        Side::Left, std::move(left)});
}

ContentFile loadContent(const std::string& dir, const char* file, DiagnosticSink& sink) {
    ContentFile f;
    f.load((std::filesystem::path(dir) / file).string(), sink);
    return f;
}

}  // namespace

Scene buildHipModel(const std::string& contentDir, Sex sex, DiagnosticSink& sink) {
    Scene scene;
    const ContentFile skeleton = loadContent(contentDir, "skeleton.toml", sink);
    const ContentFile muscles = loadContent(contentDir, "muscles.toml", sink);
    const ContentFile soft = loadContent(contentDir, "soft_tissue.toml", sink);

    // Model-wide settings; sensible defaults keep the rest buildable if they are broken.
    Variant variant{sex, glm::vec3(1.0f)};
    float boneCell = 2.0f, vertebraCell = 1.6f;
    int smoothing = 4;
    {
        ContentSection model = skeleton.section("model", Variant{}, sink);
        const glm::vec3 scale = model.vector("male_point_scale");
        const float cell = model.number("bone_cell_size");
        const float vcell = model.number("vertebra_cell_size");
        const float passes = model.number("smoothing_passes");
        if (model.ok()) {
            variant.malePointScale = scale;
            // Clamp to what stays fast and well under the triangle budget.
            boneCell = glm::clamp(cell, 1.0f, 5.0f);
            vertebraCell = glm::clamp(vcell, 0.8f, 5.0f);
            smoothing = static_cast<int>(glm::clamp(passes, 0.0f, 20.0f));
        }
    }

    // Bones. Their implicit shapes are read from content here (the sink is not thread-safe);
    // extracting their surfaces is the slow part and runs concurrently, one task per bone.
    // Each result depends only on its own inputs, so the scene stays deterministic.
    auto extract = [](ImplicitShape shape, float cell, int passes) {
        return std::async(std::launch::async, [shape = std::move(shape), cell, passes] {
            return boneSurface(shape, cell, passes);
        });
    };
    ContentSection hipBone = skeleton.section("hip_bone", variant, sink);
    auto hipBoneMesh = extract(hipBoneShape(hipBone), boneCell, smoothing);
    const glm::vec3 hipCentre =
        hipBone.has("hip_centre") ? hipBone.point("hip_centre") : glm::vec3(0);

    FemurGeometry femur;
    ContentSection femurSection = skeleton.section("femur", variant, sink);
    const bool femurOk =
        hipBone.has("hip_centre") && readFemurGeometry(femurSection, hipCentre, femur);
    auto femurMesh = extract(femurOk ? femurShape(femur) : ImplicitShape{}, boneCell, smoothing);

    ContentSection sacrum = skeleton.section("sacrum", variant, sink);
    auto sacrumMesh = extract(sacrumShape(sacrum), boneCell * 0.8f, smoothing);
    auto coccyxMesh = extract(coccyxShape(sacrum), vertebraCell * 0.75f, smoothing);
    ContentSection l5 = skeleton.section("l5_vertebra", variant, sink);
    auto l5Mesh = extract(lumbarVertebraShape(l5), vertebraCell, smoothing);
    ContentSection l4 = skeleton.section("l4_vertebra", variant, sink);
    auto l4Mesh = extract(lumbarVertebraShape(l4), vertebraCell, smoothing);

    addPair(scene, kHipBone, hipBoneMesh.get());
    addPair(scene, kFemur, femurMesh.get());
    addMidline(scene, kSacrum, sacrumMesh.get());
    addMidline(scene, kCoccyx, coccyxMesh.get());
    addMidline(scene, kL5, l5Mesh.get());
    addMidline(scene, kL4, l4Mesh.get());

    // Male: muscle stations written once (female, scaled) follow the male femur near the
    // trochanter, which is not a scaled copy of the female one. The female femur is read again
    // only for this (its problems, if any, were reported when the female model was built).
    std::optional<FemurFollow> follow;
    if (sex == Sex::Male && femurOk) {
        DiagnosticSink quiet;
        const Variant female{Sex::Female, variant.malePointScale};
        ContentSection femaleHip = skeleton.section("hip_bone", female, quiet);
        ContentSection femaleFemurSection = skeleton.section("femur", female, quiet);
        FemurGeometry femaleFemur;
        const glm::vec3 femaleCentre = femaleHip.point("hip_centre");
        if (femaleHip.ok() && readFemurGeometry(femaleFemurSection, femaleCentre, femaleFemur))
            follow = FemurFollow{femaleFemur, femur, variant.malePointScale};
    }

    // Muscles and the iliotibial band.
    constexpr std::size_t kMuscleCount = sizeof(kMuscles) / sizeof(kMuscles[0]);
    for (std::size_t i = 0; i < kMuscleCount;) {
        const MuscleEntry& m = kMuscles[i];
        const FemurFollow* along = follow && m.onTrochanter ? &*follow : nullptr;
        if (m.guides) {
            std::vector<ContentSection> guides;
            for (const char* const* g = m.guides; *g; ++g)
                guides.push_back(muscles.section(*g, variant, sink));
            auto whole = fannedMuscle(guides, along, true);
            addPair(scene, m.names, std::move(whole.front()));
            ++i;
            continue;
        }
        if (!m.fan) {
            ContentSection section = muscles.section(m.section, variant, sink);
            addPair(scene, m.names, sweptMuscle(section, along));
            ++i;
            continue;
        }
        std::vector<ContentSection> parts;
        std::size_t end = i;
        for (; end < kMuscleCount && kMuscles[end].fan &&
               std::string_view(kMuscles[end].fan) == m.fan;
             ++end)
            parts.push_back(muscles.section(kMuscles[end].section, variant, sink));
        auto strips = fannedMuscle(parts, along);
        for (std::size_t k = 0; k < strips.size(); ++k)
            addPair(scene, kMuscles[i + k].names, std::move(strips[k]));
        i = end;
    }

    // Insertions and bursae sit on the femur's facets, so they need its geometry.
    if (femurOk) {
        auto sectionOf = [&](const char* name) { return soft.section(name, variant, sink); };
        ContentSection lat = sectionOf("gluteus_medius_insertion_lateral");
        addPair(scene, kLateralInsertion, tendonInsertion(lat, femur, Facet::Lateral));
        ContentSection sp = sectionOf("gluteus_medius_insertion_superoposterior");
        addPair(scene, kSuperoposteriorInsertion,
                tendonInsertion(sp, femur, Facet::Superoposterior));
        ContentSection ant = sectionOf("gluteus_minimus_insertion");
        addPair(scene, kMinimusInsertion, tendonInsertion(ant, femur, Facet::Anterior));
        ContentSection maxB = sectionOf("subgluteus_maximus_bursa");
        addPair(scene, kMaximusBursa, subgluteusMaximusBursa(maxB, femur));
        ContentSection medB = sectionOf("subgluteus_medius_bursa");
        addPair(scene, kMediusBursa, subgluteusMediusBursa(medB, femur));
        ContentSection minB = sectionOf("subgluteus_minimus_bursa");
        addPair(scene, kMinimusBursa, subgluteusMinimusBursa(minB, femur));
    } else {
        sink.warning(skeleton.path(), 0,
                     "femur not generated, so its tendon insertions and bursae are missing too");
    }
    return scene;
}

}  // namespace medius::anatomy
