#version 300 es
// Filled polygons: positions are metres relative to the scene origin.
uniform vec2 u_centre;     // view centre, metres relative to the scene origin
uniform float u_pxPerMetre;
uniform vec2 u_viewport;   // physical pixels
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_colour;
out vec4 v_colour;
void main() {
    vec2 px = (a_position - u_centre) * u_pxPerMetre;
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_colour = a_colour;
}
