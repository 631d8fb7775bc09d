#include "platform/imgui_backend.hpp"

#include "platform/window.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

namespace cordon::imgui_backend {

void init(Window& window) {
    ImGui_ImplSDL2_InitForOpenGL(window.sdl(), window.glContext());
    ImGui_ImplOpenGL3_Init("#version 300 es");
}

void processEvent(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
}

void newFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

void render() {
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void reloadFonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void shutdown() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
}

} // namespace cordon::imgui_backend
