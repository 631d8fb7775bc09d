#version 300 es
precision mediump float;
in vec4 v_colour;
in vec2 v_corner;
in float v_radiusPx;
flat in int v_shape; // 0 circle, 1 square, 2 diamond, 3 triangle
flat in int v_fill;  // 0 solid, 1 lower half, 2 hollow, 3 ring (nothing inside the band)
uniform vec3 u_rim; // the rim and the inside of hollow symbols: white, or the wall's quiet rim
uniform float u_opacity; // 1, but for the wall's pulse as it fades
out vec4 o_colour;

// Signed distance in pixels to the symbol's edge (negative inside).
float edgeDistance(vec2 p, float r) {
    if (v_shape == 1) return max(abs(p.x), abs(p.y)) - r * 0.86;
    if (v_shape == 2) return (abs(p.x) + abs(p.y)) * 0.7071 - r * 0.8;
    if (v_shape == 3) {
        p.y += r * 0.25; // centre the triangle's area on the point
        return max(abs(p.x) * 0.866 + p.y * 0.5, -p.y) - r * 0.5;
    }
    return length(p) - r;
}

void main() {
    vec2 p = v_corner * v_radiusPx;
    float inside = -edgeDistance(p, v_radiusPx - 1.0);
    float alpha = clamp(inside + 0.5, 0.0, 1.0) * v_colour.a * u_opacity;
    if (v_fill == 3) {
        float band = max(2.0, v_radiusPx * 0.16);
        alpha *= clamp(band - inside + 0.5, 0.0, 1.0);
        o_colour = vec4(v_colour.rgb * alpha, alpha);
        return;
    }
    // A white rim keeps symbols readable on any fill colour; hollow and half symbols are white
    // inside a coloured band, so their status reads without colour.
    float colourAmount = clamp(inside - 1.5, 0.0, 1.0);
    if (v_fill == 2 || (v_fill == 1 && p.y > 0.0)) colourAmount *= clamp(5.0 - inside, 0.0, 1.0);
    vec3 rgb = mix(u_rim, v_colour.rgb, colourAmount);
    o_colour = vec4(rgb * alpha, alpha);
}
