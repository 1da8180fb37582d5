#include "anatomy-gen/ring_mesh.hpp"

#include "anatomy-gen/mesh_ops.hpp"

namespace medius::anatomy {

TriangleMesh closeRings(const RingStack& s) {
    TriangleMesh m;
    if (s.rings.empty() || s.rings.front().size() < 3) return m;
    const auto n = static_cast<std::uint32_t>(s.rings.front().size());
    for (const auto& r : s.rings)
        if (r.size() != n) return m;
    const bool fibres = s.ringFibres.size() == s.rings.size();
    const bool tendon = s.ringTendon.size() == s.rings.size();
    const bool zip = s.startZipTip >= 0 && n % 2 == 0 && n >= 4;
    if (!zip) {
        m.positions.push_back(s.startApex);
        if (fibres) m.fibres.push_back(s.startFibre);
        if (tendon) m.tendonFractions.push_back(s.startTendon);
    }
    for (std::size_t j = 0; j < s.rings.size(); ++j)
        for (const auto& p : s.rings[j]) {
            m.positions.push_back(p);
            if (fibres) m.fibres.push_back(s.ringFibres[j]);
            if (tendon) m.tendonFractions.push_back(s.ringTendon[j]);
        }
    m.positions.push_back(s.endApex);
    if (fibres) m.fibres.push_back(s.endFibre);
    if (tendon) m.tendonFractions.push_back(s.endTendon);

    const std::uint32_t base = zip ? 0 : 1;
    const auto ring = [n, base](std::size_t j, std::uint32_t i) {
        return static_cast<std::uint32_t>(base + j * n + (i % n));
    };
    const auto last = static_cast<std::uint32_t>(m.positions.size() - 1);
    if (zip) {
        // Both halves run from the tip p to the opposite vertex p + n/2; every ring edge keeps
        // the direction the apex fan gives it (i + 1 to i), so the winding stays consistent.
        const std::uint32_t p = static_cast<std::uint32_t>(s.startZipTip) % n, half = n / 2;
        auto left = [&](std::uint32_t i) { return ring(0, p + n - i); };
        auto right = [&](std::uint32_t i) { return ring(0, p + i); };
        m.indices.insert(m.indices.end(), {right(0), left(1), right(1)});
        for (std::uint32_t i = 1; i + 1 < half; ++i)
            m.indices.insert(m.indices.end(),
                             {left(i), left(i + 1), right(i), left(i + 1), right(i + 1), right(i)});
        m.indices.insert(m.indices.end(), {left(half - 1), right(half), right(half - 1)});
    } else {
        for (std::uint32_t i = 0; i < n; ++i)
            m.indices.insert(m.indices.end(), {0, ring(0, i + 1), ring(0, i)});
    }
    for (std::size_t j = 0; j + 1 < s.rings.size(); ++j)
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto a = ring(j, i), b = ring(j, i + 1), c = ring(j + 1, i + 1),
                       d = ring(j + 1, i);
            m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
        }
    const std::size_t lj = s.rings.size() - 1;
    for (std::uint32_t i = 0; i < n; ++i)
        m.indices.insert(m.indices.end(), {last, ring(lj, i), ring(lj, i + 1)});
    orientOutward(m);
    m.computeNormals();
    return m;
}

}  // namespace medius::anatomy
