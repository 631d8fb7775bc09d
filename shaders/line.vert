#version 300 es
// Lines of constant pixel width: a triangle strip with a left and a right vertex per point, each
// pushed out from the point by its extrude vector (in half widths: the normal, a miter at bends,
// plus half a width along the line at the square caps) times half the width in screen pixels.
uniform vec2 u_centre;
uniform float u_pxPerMetre;
uniform vec2 u_viewport;
uniform float u_sizeScale; // widths and sizes: device pixels per CSS pixel times the wall's unit
layout(location = 0) in vec2 a_position; // metres
layout(location = 1) in vec3 a_extrude;  // xy: offset in half widths times 32; z: side (+1 left, -1 right)
layout(location = 2) in float a_widthQuarterPx;
layout(location = 3) in vec4 a_colour;
out vec4 v_colour;
out float v_across;    // -1..1 across the line, for anti-aliasing
out float v_halfWidth; // in pixels, including the feather
void main() {
    float halfWidth = a_widthQuarterPx * 0.125 * u_sizeScale + 1.0;
    vec2 px = (a_position - u_centre) * u_pxPerMetre + a_extrude.xy * (halfWidth / 32.0);
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_colour = a_colour;
    v_across = a_extrude.z;
    v_halfWidth = halfWidth;
}
