#pragma once
// The window's side of "Share with the room": starts and stops the server, and once a
// frame hands it a snapshot of what the lecturer sees (never a reference into AppState).
#include <memory>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "core/share_state.hpp"
#include "share/share_server.hpp"

namespace medius::app {

// What the lecturer's view is, as a student's page needs it.
ShareState shareStateOf(const AppState& state);

// What the status bar and the projector show while sharing.
struct ShareStatus {
    bool on = false;
    std::string url;
    std::string code;
    std::vector<bool> qr;  // qrSize x qrSize modules
    int qrSize = 0;
    int clients = 0, maxClients = 0;
    long refused = 0;
};

class ShareSession {
  public:
    // `port` 0 picks a free one; an empty code gets a generated one.
    bool start(int port, const std::string& code, std::string& error);
    void stop();
    bool on() const { return server_ != nullptr; }
    // Call once a frame, after the actions: publishes the state (and the scene again when
    // its geometry changed, e.g. a new posture).
    void frame(const AppState& state);
    ShareStatus status() const;

  private:
    std::unique_ptr<share::ShareServer> server_;
    std::uint64_t sceneRevision_ = ~0ull;
    std::string url_;
    std::vector<bool> qr_;
    int qrSize_ = 0;
};

}  // namespace medius::app
