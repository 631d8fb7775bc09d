#version 300 es
// Lines of constant pixel width: each segment is a quad pushed out from its centre line in screen
// space, extended by half the width at both ends so consecutive segments overlap at joins.
uniform vec2 u_centre;
uniform float u_pxPerMetre;
uniform vec2 u_viewport;
layout(location = 0) in vec4 a_segment;   // start.xy, end.xy in metres
layout(location = 1) in vec2 a_corner;    // along (0..1), side (-1/+1)
layout(location = 2) in float a_widthPx;
layout(location = 3) in vec4 a_colour;
out vec4 v_colour;
out float v_across;    // -1..1 across the line, for anti-aliasing
out float v_halfWidth; // in pixels, including the feather
void main() {
    vec2 a = (a_segment.xy - u_centre) * u_pxPerMetre;
    vec2 b = (a_segment.zw - u_centre) * u_pxPerMetre;
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float halfWidth = a_widthPx * 0.5 + 1.0;
    vec2 px = mix(a, b, a_corner.x) + normal * a_corner.y * halfWidth
            + dir * (a_corner.x * 2.0 - 1.0) * a_widthPx * 0.5;
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_colour = a_colour;
    v_across = a_corner.y;
    v_halfWidth = halfWidth;
}
