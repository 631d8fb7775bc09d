#version 300 es
precision mediump float;
in vec4 v_colour;
in float v_across;
in float v_halfWidth;
out vec4 o_colour;
void main() {
    float distPx = abs(v_across) * v_halfWidth;
    float alpha = v_colour.a * clamp(v_halfWidth - distPx, 0.0, 1.0);
    o_colour = vec4(v_colour.rgb * alpha, alpha);
}
