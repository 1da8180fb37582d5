// medius: the entry point. Parses the command line, builds the scene, then
// either captures one headless frame or opens the window. Anything thrown is
// caught here and printed as one line.
#include <cstdio>
#include <exception>

#include "app/app_state.hpp"
#include "app/command_line.hpp"
#include "app/headless_capture.hpp"
#include "app/scene_setup.hpp"
#include "app/window_app.hpp"

int main(int argc, char** argv) {
    using namespace medius;
    try {
        app::CommandLine commandLine;
        const app::ParseResult parsed = app::parseCommandLine(argc, argv, commandLine);
        if (parsed.outcome == app::ParseOutcome::ExitSuccess) {
            std::printf("%s\n", parsed.message.c_str());
            return 0;
        }
        if (parsed.outcome == app::ParseOutcome::ExitFailure) {
            std::fprintf(stderr, "medius: %s\n", parsed.message.c_str());
            return 2;
        }

        DiagnosticSink sink;
        const bool verbose = commandLine.verbose;
        sink.setListener([verbose](const Diagnostic& d) {
            if (d.level != Level::Info || verbose)
                std::fprintf(stderr, "medius: %s\n", d.format().c_str());
        });

        app::AppState state;
        state.options = commandLine.view;
        app::buildScene(commandLine, state.scene, sink);

        if (commandLine.listStructures) {
            for (const auto& s : state.scene.structures())
                std::printf("%-44s %s\n", s.id.c_str(), s.name.c_str());
            return 0;
        }
        if (commandLine.screenshot)
            return app::captureScreenshot(state, *commandLine.screenshot, commandLine.width,
                                          commandLine.height);
        return app::runWindow(state, commandLine, sink);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "medius: fatal error: %s\n", e.what());
        return 1;
    } catch (...) {
        std::fprintf(stderr, "medius: fatal error of unknown kind\n");
        return 1;
    }
}
