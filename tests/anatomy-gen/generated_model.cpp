#include "generated_model.hpp"

#include "anatomy-gen/content_reader.hpp"
#include "core/diagnostics.hpp"

namespace medius::anatomy::testing {

const std::string& shippedAnatomyContent() {
    static const std::string dir = std::string(MEDIUS_SOURCE_DIR) + "/content/anatomy";
    return dir;
}

const Scene& generatedModel(Sex sex) {
    static const Scene female = [] {
        DiagnosticSink sink;
        return buildHipModel(shippedAnatomyContent(), Sex::Female, sink);
    }();
    static const Scene male = [] {
        DiagnosticSink sink;
        return buildHipModel(shippedAnatomyContent(), Sex::Male, sink);
    }();
    return sex == Sex::Female ? female : male;
}

const TriangleMesh& generatedMesh(Sex sex, const std::string& id) {
    static const TriangleMesh none;
    const Structure* s = generatedModel(sex).find(id);
    return s ? s->mesh : none;
}

const char* sexName(Sex sex) {
    return sex == Sex::Female ? "female" : "male";
}

GlutealLines shippedGlutealLines(Sex sex) {
    ContentFile file;
    DiagnosticSink sink;
    file.load(shippedAnatomyContent() + "/skeleton.toml", sink);
    ContentSection model = file.section("model", Variant{}, sink);
    ContentSection hip =
        file.section("hip_bone", Variant{sex, model.vector("male_point_scale")}, sink);
    return glutealLines(hip);
}

}  // namespace medius::anatomy::testing
