#version 300 es
// Point symbols drawn as screen-aligned quads of a fixed pixel size (six vertices per symbol).
uniform vec2 u_centre;
uniform float u_pxPerMetre;
uniform vec2 u_viewport;
uniform float u_sizeScale; // widths and sizes: device pixels per CSS pixel times the wall's unit
layout(location = 0) in vec2 a_corner;    // -1 or 1 each: which corner of the quad
layout(location = 1) in vec2 a_position;  // the symbol's, metres
layout(location = 2) in float a_sizePx;
layout(location = 3) in vec4 a_colour;
layout(location = 4) in float a_symbol;   // shape + 4 * fill (style.hpp)
out vec4 v_colour;
out vec2 v_corner;
out float v_radiusPx;
flat out int v_shape;
flat out int v_fill;
void main() {
    float radius = a_sizePx * 0.5 * u_sizeScale + 1.0;
    vec2 px = (a_position - u_centre) * u_pxPerMetre + a_corner * radius;
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_colour = a_colour;
    v_corner = a_corner;
    v_radiusPx = radius;
    int symbol = int(a_symbol + 0.5);
    v_shape = symbol % 4;
    v_fill = symbol / 4;
}
