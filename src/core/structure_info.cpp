#include "core/structure_info.hpp"

#include "core/toml_reader.hpp"

namespace medius {

std::string baseId(const std::string& id) {
    if (id.size() > 2 && (id.ends_with("_r") || id.ends_with("_l"))) return id.substr(0, id.size() - 2);
    return id;
}

void StructureInfoTable::load(const std::string& path, DiagnosticSink& sink) {
    entries_.clear();
    auto table = parseTomlFile(path, sink);
    if (!table) return;
    for (const auto& [key, node] : *table) {
        const toml::table* t = node.as_table();
        const int line = static_cast<int>(node.source().begin.line);
        if (!t) {
            sink.error(path, line, "'" + std::string(key.str()) + "' must be a table [" +
                                       std::string(key.str()) + "]");
            continue;
        }
        TomlReader r(*t, path, sink, line);
        StructureInfo info;
        info.region = r.text("region", true);
        info.description = r.text("description", true);
        info.synonyms = r.textList("synonyms", false);
        info.origin = r.text("origin", false);
        info.insertion = r.text("insertion", false);
        info.action = r.text("action", false);
        info.innervation = r.text("innervation", false);
        info.bloodSupply = r.text("blood_supply", false);
        info.keyFacts = r.textList("key_facts", false);
        info.fma = static_cast<int>(r.number("fma", false, 1, 1e7).value_or(0));
        info.fmaConcept = r.text("fma_concept", false);
        if (!info.fmaConcept.empty() && info.fma == 0)
            r.error(r.lineOf("fma_concept"), "'fma_concept' needs an 'fma' id");
        // A muscle entry is all or nothing: a card with an origin but no nerve misleads.
        if (!info.origin.empty() && (info.insertion.empty() || info.action.empty() ||
                                     info.innervation.empty() || info.bloodSupply.empty()))
            r.error(line, "a muscle needs origin, insertion, action, innervation and blood_supply");
        r.warnUnknownKeys({"region", "description", "synonyms", "origin", "insertion", "action",
                           "innervation", "blood_supply", "key_facts", "fma", "fma_concept"});
        if (!r.failed()) entries_[std::string(key.str())] = std::move(info);
    }
}

const StructureInfo* StructureInfoTable::find(const std::string& id) const {
    auto it = entries_.find(id);
    if (it == entries_.end()) it = entries_.find(baseId(id));
    return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace medius
