#pragma once
// A one-page patient handout: the condition in plain words, the pain map, what
// helps with its evidence in one line each, what to do yourself, when to see a
// doctor, and that Medius informs rather than diagnoses.
#include <string>

#include "core/condition.hpp"
#include "core/image.hpp"

namespace medius {

// Writes an A4 PDF (atomically). `view` is the rendered picture of the condition.
// Returns an empty string on success, otherwise what went wrong.
std::string writeHandoutPdf(const std::string& path, const Condition& condition,
                            const ContentLibrary& content, const Image& view);

}  // namespace medius
