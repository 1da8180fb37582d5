#version 330 core
uniform vec3 uColour;  // sRGB
out vec4 fragColour;

void main() { fragColour = vec4(uColour, 1.0); }
