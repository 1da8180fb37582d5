#include "share/share_server.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <qrencode.h>
#include <sys/socket.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

namespace medius::share {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t nowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch())
        .count();
}

std::optional<std::string> readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// gzip (not raw deflate): what browsers accept as Content-Encoding: gzip.
std::string gzip(const std::string& bytes) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return result == Z_STREAM_END ? out : std::string();
}

std::string etagOf(const std::string& bytes) {
    return "\"" + std::to_string(std::hash<std::string>{}(bytes)) + "-" +
           std::to_string(bytes.size()) + "\"";
}

bool acceptsGzip(const httplib::Request& req) {
    return req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
}

struct StaticFile {
    std::string body, type, etag;
};

struct Message {
    std::uint64_t seq = 0;
    std::string text;  // one whole SSE event
};

}  // namespace

struct ShareServer::Impl {
    ShareConfig config;
    httplib::Server http;
    std::thread listener, broadcaster;
    std::atomic<bool> stopping{false}, listening{false};
    int port = 0;
    std::map<std::string, StaticFile> files;  // the whitelist: path -> what it serves

    // Two locks: `m` for what the frame loop publishes (and the counts), `streamM` for what was
    // broadcast. Each message wakes every stream at once and they all take streamM in turn; the
    // frame loop's publish() never waits behind that herd.
    mutable std::mutex m, streamM;
    std::condition_variable published;  // the broadcaster waits on it, with m
    std::condition_variable broadcast;  // the streams wait on it, with streamM
    // What the frame loop published last, and when its first unsent change came.
    ShareState pending;
    bool hasPending = false, pendingDirty = false;
    std::int64_t pendingSince = 0;
    // What was broadcast: the last state, its full encoding, the recent deltas (streamM; `sent`
    // is the broadcaster's own).
    ShareState sent;
    bool hasSent = false;
    std::uint64_t seq = 0;
    std::string fullJson;  // encodeShareState(sent)
    std::int64_t sentAt = 0;
    std::deque<Message> recent;
    std::shared_ptr<const std::string> glb, glbGzip;
    std::string glbEtag;
    int clients = 0;
    long refused = 0;
    std::atomic<long> messages{0};

    bool codeOk(const httplib::Request& req, httplib::Response& res) const {
        if (config.code.empty() || req.get_param_value("code") == config.code) return true;
        res.status = 403;
        res.set_content(
            "This room needs its code: open the address shown on the lecturer's screen.\n",
            "text/plain");
        return false;
    }

    void serveFile(const StaticFile& f, const httplib::Request& req, httplib::Response& res) {
        res.set_header("ETag", f.etag);
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Content-Type-Options", "nosniff");
        if (req.get_header_value("If-None-Match") == f.etag) {
            res.status = 304;
            return;
        }
        res.set_content(f.body, f.type.c_str());
    }

    void serveScene(const httplib::Request& req, httplib::Response& res) {
        if (!codeOk(req, res)) return;
        std::shared_ptr<const std::string> bytes, zipped;
        std::string etag;
        {
            std::lock_guard lock(m);
            if (glb && !glbGzip) glbGzip = std::make_shared<const std::string>(gzip(*glb));
            bytes = glb;
            zipped = glbGzip;
            etag = glbEtag;
        }
        if (!bytes) {
            res.status = 503;
            res.set_content("The scene is not ready yet.\n", "text/plain");
            return;
        }
        res.set_header("ETag", etag);
        res.set_header("Cache-Control", "no-cache");
        res.set_header("Vary", "Accept-Encoding");
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        if (acceptsGzip(req) && zipped && !zipped->empty()) {
            res.set_header("Content-Encoding", "gzip");
            res.set_content(*zipped, "model/gltf-binary");
        } else
            res.set_content(*bytes, "model/gltf-binary");
    }

    // The whole state now, as one SSE event (for a stream that joins or fell behind).
    std::string fullEvent() const {
        return "data: {\"seq\":" + std::to_string(seq) + ",\"t\":" + std::to_string(sentAt) +
               ",\"full\":1," + fullJson.substr(1) + "\n\n";
    }

    void serveEvents(const httplib::Request& req, httplib::Response& res) {
        if (!codeOk(req, res)) return;
        {
            std::lock_guard lock(m);
            if (clients >= config.maxClients) {
                ++refused;
                res.status = 503;
                res.set_content("The room is full (" + std::to_string(config.maxClients) +
                                    " students); ask the lecturer.\n",
                                "text/plain");
                return;
            }
            ++clients;
        }
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Accel-Buffering", "no");
        auto last = std::make_shared<std::uint64_t>(0);  // the seq this stream has sent
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, last](std::size_t, httplib::DataSink& sink) {
                std::string out;
                {
                    std::unique_lock lock(streamM);
                    // A comment every two seconds finds streams whose student left.
                    broadcast.wait_for(lock, std::chrono::seconds(2),
                                       [&] { return stopping || (hasSent && seq > *last); });
                    if (stopping) return false;
                    if (!hasSent || seq == *last)
                        out = ": still here\n\n";
                    else if (*last == 0 || recent.empty() || recent.front().seq > *last + 1)
                        out = fullEvent();
                    else
                        for (const Message& msg : recent)
                            if (msg.seq > *last) out += msg.text;
                    if (hasSent) *last = seq;
                }
                return sink.write(out.data(), out.size());
            },
            [this](bool) {
                std::lock_guard lock(m);
                --clients;
            });
    }

    // Turns published states into deltas, at most maxRate a second, coalescing in between.
    void broadcastLoop() {
        const auto interval = std::chrono::microseconds(1000000 / std::max(config.maxRate, 1));
        auto lastSend = Clock::now() - interval;
        std::unique_lock lock(m);
        while (!stopping) {
            published.wait(lock, [&] { return stopping || pendingDirty; });
            if (stopping) break;
            if (Clock::now() < lastSend + interval) {
                published.wait_until(lock, lastSend + interval, [&] { return stopping.load(); });
                if (stopping) break;
            }
            const ShareState next = pending;
            const std::int64_t since = pendingSince;
            pendingDirty = false;
            lock.unlock();
            const bool first = !hasSent;
            // Encoding outside the locks: publish() and the streams never wait on it.
            std::string delta = first ? std::string() : encodeShareDelta(sent, next);
            std::string full = encodeShareState(next);
            if (first || !delta.empty()) {
                std::lock_guard streams(streamM);
                sent = next;
                hasSent = true;
                ++seq;
                ++messages;
                sentAt = since;
                fullJson = std::move(full);
                const std::string body = first ? fullJson : delta;
                recent.push_back({seq, "data: {\"seq\":" + std::to_string(seq) + ",\"t\":" +
                                           std::to_string(since) + (first ? ",\"full\":1," : ",") +
                                           body.substr(1) + "\n\n"});
                while (recent.size() > 64) recent.pop_front();
            }
            if (first || !delta.empty()) broadcast.notify_all();
            lock.lock();
            lastSend = Clock::now();
        }
    }
};

ShareServer::ShareServer(ShareConfig config) : impl_(std::make_unique<Impl>()) {
    impl_->config = std::move(config);
}

ShareServer::~ShareServer() {
    stop();
}

bool ShareServer::start(std::string& error) {
    Impl& s = *impl_;
    const auto add = [&](const std::string& route, const std::string& path, const char* type) {
        auto body = readWhole(path);
        if (!body) {
            error = "cannot read " + path + " (the page needs it; is libjs-three installed?)";
            return false;
        }
        s.files[route] = StaticFile{*body, type, etagOf(*body)};
        return true;
    };
    if (!add("/", s.config.webDir + "/index.html", "text/html; charset=utf-8") ||
        !add("/follow.js", s.config.webDir + "/follow.js",
             "application/javascript; charset=utf-8") ||
        !add("/three/three.min.js", s.config.threeDir + "/three.min.js",
             "application/javascript") ||
        !add("/three/GLTFLoader.js", s.config.threeDir + "/examples/js/loaders/GLTFLoader.js",
             "application/javascript") ||
        !add("/three/OrbitControls.js",
             s.config.threeDir + "/examples/js/controls/OrbitControls.js",
             "application/javascript"))
        return false;
    s.files["/index.html"] = s.files["/"];

    httplib::Server& http = s.http;
    const int threads = s.config.maxClients + 16;
    http.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    // A student's request is one short line and a few headers: anything slow or big is not one.
    http.set_tcp_nodelay(true);  // events are small: send each at once, no Nagle delay
    http.set_keep_alive_timeout(2);
    http.set_keep_alive_max_count(20);
    http.set_read_timeout(3, 0);
    http.set_write_timeout(3, 0);
    http.set_payload_max_length(1024);
    // Before any route: a page request never has a body nor dozens of headers.
    http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.headers.size() > 64) {
            res.status = 431;
            res.set_content("Too many headers.\n", "text/plain");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!req.body.empty() || (req.get_header_value("Content-Length", 0) != "" &&
                                  req.get_header_value("Content-Length") != "0")) {
            res.status = 413;
            res.set_content("Requests to this server carry no body.\n", "text/plain");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    for (const auto& [route, file] : s.files) {
        const StaticFile* f = &file;
        http.Get(route, [this, f](const httplib::Request& req, httplib::Response& res) {
            impl_->serveFile(*f, req, res);
        });
    }
    http.Get("/scene.glb", [this](const httplib::Request& req, httplib::Response& res) {
        impl_->serveScene(req, res);
    });
    http.Get("/events", [this](const httplib::Request& req, httplib::Response& res) {
        impl_->serveEvents(req, res);
    });
    http.Get("/state", [this](const httplib::Request& req, httplib::Response& res) {
        if (!impl_->codeOk(req, res)) return;
        std::string body;
        {
            std::lock_guard lock(impl_->streamM);
            body = impl_->hasSent ? impl_->fullJson : "{}";
        }
        res.set_header("Cache-Control", "no-store");
        res.set_content(body, "application/json");
    });
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty())
            res.set_content("HTTP " + std::to_string(res.status) + "\n", "text/plain");
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_content("HTTP 500\n", "text/plain");
        });

    // Debian's library listens with a backlog of 5: a hall joining at once would wait for
    // SYN retries. Keep the listening socket (its options hook sees it) to widen that below.
    auto listeningSocket = std::make_shared<int>(-1);
    http.set_socket_options([listeningSocket](socket_t sock) {
        httplib::default_socket_options(sock);
        *listeningSocket = sock;
    });
    if (s.config.port == 0) {
        s.port = http.bind_to_any_port(s.config.host);
        if (s.port <= 0) {
            error = "cannot open a port on " + s.config.host;
            return false;
        }
    } else {
        if (!http.bind_to_port(s.config.host, s.config.port)) {
            error = "cannot listen on port " + std::to_string(s.config.port) +
                    " (in use by another program? try --share with another port)";
            return false;
        }
        s.port = s.config.port;
    }
    if (*listeningSocket >= 0) ::listen(*listeningSocket, std::max(64, s.config.maxClients + 64));
    s.stopping = false;
    s.listening = true;
    s.broadcaster = std::thread([&s] { s.broadcastLoop(); });
    s.listener = std::thread([&s] { s.http.listen_after_bind(); });
    // httplib's stop() does nothing until the accept loop runs: wait for it, so a stop that
    // follows at once (a quick toggle, a test) cannot leave the loop running and the join hung.
    const auto until = Clock::now() + std::chrono::seconds(10);
    while (!s.http.is_running() && Clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void ShareServer::stop() {
    Impl& s = *impl_;
    if (!s.listening) return;
    {
        std::scoped_lock lock(s.m, s.streamM);  // no waiter between its check and its sleep
        s.stopping = true;
    }
    s.published.notify_all();
    s.broadcast.notify_all();
    s.http.stop();
    if (s.listener.joinable()) s.listener.join();
    if (s.broadcaster.joinable()) s.broadcaster.join();
    s.listening = false;
}

bool ShareServer::running() const {
    return impl_->listening && !impl_->stopping;
}
int ShareServer::port() const {
    return impl_->port;
}
const ShareConfig& ShareServer::config() const {
    return impl_->config;
}

void ShareServer::publish(const ShareState& state) {
    Impl& s = *impl_;
    std::lock_guard lock(s.m);
    if (s.hasPending && s.pending == state) return;
    s.pending = state;
    if (!s.pendingDirty) s.pendingSince = nowMicros();
    s.hasPending = s.pendingDirty = true;
    s.published.notify_one();
}

void ShareServer::publishScene(std::shared_ptr<const std::string> glb, std::uint64_t revision) {
    Impl& s = *impl_;
    std::lock_guard lock(s.m);
    s.glbEtag =
        "\"scene-" + std::to_string(revision) + "-" + std::to_string(glb ? glb->size() : 0) + "\"";
    s.glb = std::move(glb);
    s.glbGzip.reset();  // compressed on first request, off the frame loop
}

ShareStats ShareServer::stats() const {
    std::lock_guard lock(impl_->m);
    return {impl_->clients, impl_->refused, impl_->messages.load(), impl_->config.maxClients};
}

std::string shareUrl(int port, const std::string& code) {
    std::string address = "127.0.0.1";
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) == 0) {
        for (ifaddrs* a = list; a; a = a->ifa_next) {
            if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
            const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
            if ((ntohl(in->sin_addr.s_addr) >> 24) == 127) continue;
            char text[INET_ADDRSTRLEN] = {};
            if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) {
                address = text;
                break;
            }
        }
        freeifaddrs(list);
    }
    return "http://" + address + ":" + std::to_string(port) + "/" +
           (code.empty() ? "" : "?code=" + code);
}

std::string generateRoomCode() {
    static const char kLetters[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::random_device device;
    std::uniform_int_distribution<int> pick(0, sizeof kLetters - 2);
    std::string code;
    for (int i = 0; i < 6; ++i) code += kLetters[pick(device)];
    return code;
}

std::vector<bool> qrModules(const std::string& text, int& size) {
    size = 0;
    QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) return {};
    size = qr->width;
    std::vector<bool> modules(static_cast<std::size_t>(size) * size);
    for (std::size_t i = 0; i < modules.size(); ++i) modules[i] = (qr->data[i] & 1) != 0;
    QRcode_free(qr);
    return modules;
}

}  // namespace medius::share
