#pragma once
// A tiny blocking HTTP client over a raw socket, so tests can send exactly the bytes they
// mean (malformed, huge, traversing) to the share server.
#include <string>

namespace medius::test {

// Connects to 127.0.0.1:port; -1 on failure. Every read on it times out after `seconds`.
int connectLocal(int port, double seconds = 10.0);
bool sendAll(int fd, const std::string& bytes);
// Reads until the peer closes, `limit` bytes arrive, or the timeout: whatever came.
std::string readAll(int fd, std::size_t limit = 1 << 24);
// Reads until `marker` appears (or closes/timeout); returns what came.
std::string readUntil(int fd, const std::string& marker, std::size_t limit = 1 << 24);
// One request on a fresh connection; the whole response (headers and body).
std::string request(int port, const std::string& bytes, double seconds = 10.0);
// The status code of a response's first line; 0 when there is none.
int statusOf(const std::string& response);

}  // namespace medius::test
