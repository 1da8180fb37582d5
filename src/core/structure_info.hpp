#pragma once
// What the info card says about a structure: region, description, and for
// muscles origin, insertion, action, innervation and blood supply. Read from
// content/anatomy/structure_info.toml, keyed by base id (without _r / _l).
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace medius {

struct StructureInfo {
    std::string region;
    std::string description;
    std::vector<std::string> synonyms;
    std::string origin, insertion, action, innervation, bloodSupply;  // muscles
    std::vector<std::string> keyFacts;
    int fma = 0;             // Foundational Model of Anatomy id; 0 when none was verified
    std::string fmaConcept;  // the concept the id names when wider than the structure
    bool isMuscleEntry() const { return !origin.empty(); }
};

class StructureInfoTable {
public:
    void load(const std::string& path, DiagnosticSink& sink);
    // Info for a structure id, with or without its side suffix; null if none.
    const StructureInfo* find(const std::string& id) const;
    std::size_t size() const { return entries_.size(); }

private:
    std::map<std::string, StructureInfo> entries_;
};

// "gluteus_medius_anterior_r" -> "gluteus_medius_anterior"; midline ids unchanged.
std::string baseId(const std::string& id);

}  // namespace medius
