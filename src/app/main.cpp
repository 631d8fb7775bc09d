#include "app/app.hpp"
#include "platform/main_loop.hpp"
#include "platform/page.hpp"

#include <SDL.h>

#include <memory>

int main(int argc, char** argv) {
    cordon::Params params = cordon::parseCommandLine(argc, argv);
    for (auto& p : cordon::parseQueryString(cordon::page::queryString()))
        params.push_back(std::move(p));
    static std::unique_ptr<cordon::App> app; // outlives main() on the web, where the loop is async
    app = std::make_unique<cordon::App>(cordon::optionsFromParams(params));
    if (!app->start()) return 1;
    cordon::runMainLoop([] {
        if (app->frame()) return true;
        app.reset();
        return false;
    });
    return 0;
}
