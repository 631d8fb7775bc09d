#version 300 es
precision mediump float;
in vec4 v_colour;
in vec2 v_corner;
in float v_radiusPx;
out vec4 o_colour;
void main() {
    float distPx = length(v_corner) * v_radiusPx;
    float body = clamp(v_radiusPx - 1.0 - distPx, 0.0, 1.0);
    float ring = clamp(v_radiusPx - distPx, 0.0, 1.0);
    // A white rim keeps symbols readable on any fill colour.
    vec3 rgb = mix(vec3(1.0), v_colour.rgb, clamp(v_radiusPx - 2.5 - distPx, 0.0, 1.0));
    float alpha = max(body, ring) * v_colour.a;
    o_colour = vec4(rgb * alpha, alpha);
}
