#pragma once
// "Share with the room" (issue 14): an HTTP server inside Medius that serves one page, the
// scene as glTF and a live Server-Sent Events stream of the lecturer's view. Read-only by
// construction: the routes below are the only ones, none changes anything, and the frame
// loop hands the server copies (publish) so it never touches scene or view objects.
//
// Threads: httplib gives every connection a pool thread (an event stream holds its own for
// as long as the student stays), so the pool is sized for maxClients streams plus a few for
// the short requests. One broadcaster thread turns published states into numbered deltas,
// at most maxRate a second, kept in a short ring every stream thread sends from.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/share_state.hpp"

namespace medius::share {

struct ShareConfig {
    std::string host = "0.0.0.0";
    int port = 8765;   // 0: any free port (tests)
    std::string code;  // room code students need; empty: none
    int maxClients = 300;
    int maxRate = 30;    // state messages a second at most
    std::string webDir;  // index.html and follow.js
    std::string threeDir = "/usr/share/javascript/three";
};

struct ShareStats {
    int clients = 0;    // event streams open now
    long refused = 0;   // streams turned away because the room was full
    long messages = 0;  // state messages broadcast
    int maxClients = 0;
};

class ShareServer {
  public:
    explicit ShareServer(ShareConfig config);
    ~ShareServer();
    ShareServer(const ShareServer&) = delete;
    ShareServer& operator=(const ShareServer&) = delete;

    // Reads the page, binds the port and starts serving. False with a sentence in `error`
    // (port taken, page missing) when it cannot.
    bool start(std::string& error);
    // Closes every stream and joins the threads; also on destruction.
    void stop();
    bool running() const;
    int port() const;
    const ShareConfig& config() const;

    // From the frame loop: cheap (a comparison and a copy under a lock); the encoding
    // happens on the broadcaster thread.
    void publish(const ShareState& state);
    // The scene's glTF (posture included) for this revision; clients refetch on a new one.
    void publishScene(std::shared_ptr<const std::string> glb, std::uint64_t revision);

    ShareStats stats() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The address students type: http://<first LAN IPv4 address, else 127.0.0.1>:port/ with
// ?code=... when there is a room code.
std::string shareUrl(int port, const std::string& code);
// A room code of six letters and digits that are hard to confuse (no 0/O, 1/I/L).
std::string generateRoomCode();
// The QR code of `text` as size x size modules, row by row (true: dark). Empty on failure.
std::vector<bool> qrModules(const std::string& text, int& size);

}  // namespace medius::share
