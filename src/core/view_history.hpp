#pragma once
// Undo and redo of view changes. The app reports the current view every
// frame; a view that has held still for a moment is a step, so a drag or a
// burst of wheel turns undoes as one.
#include <optional>
#include <vector>

#include "core/annotations.hpp"
#include "core/condition_view.hpp"
#include "core/orbit_camera.hpp"

namespace medius {

struct ViewSnapshot {
    CameraPose camera;
    std::string condition;
    ViewChoices choices;
    bool xray = false;
    Annotations annotations;
    bool operator==(const ViewSnapshot& o) const;
};

class ViewHistory {
public:
    explicit ViewHistory(double settleSeconds = 0.4, std::size_t limit = 200)
        : settle_(settleSeconds), limit_(limit) {}

    // Call every frame with the current view and the time in seconds.
    void observe(const ViewSnapshot& current, double now);
    // The view to go back to (or forward to), given the view now; nullopt when none.
    std::optional<ViewSnapshot> undo(const ViewSnapshot& current);
    std::optional<ViewSnapshot> redo(const ViewSnapshot& current);
    bool canUndo() const { return !undo_.empty() || pendingChange_; }
    bool canRedo() const { return !redo_.empty(); }

private:
    double settle_;
    std::size_t limit_;
    std::optional<ViewSnapshot> settled_;  // the last view that held still
    bool pendingChange_ = false;           // the view differs from settled_, not yet still
    double lastChange_ = 0.0;
    std::optional<ViewSnapshot> last_;
    std::vector<ViewSnapshot> undo_, redo_;
};

}  // namespace medius
