/** Which GL path headless Chromium draws with; see the render benchmark for numbers. */
export type GlBackend = "swiftshader" | "llvmpipe";

export const GL_FLAGS: Record<GlBackend, string[]> = {
  // Chromium's own CPU rasteriser, always available.
  swiftshader: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  // ANGLE over the system's Mesa (llvmpipe) OpenGL: needs Debian's libgl1-mesa-dri.
  llvmpipe: ["--use-gl=angle", "--use-angle=gl-egl", "--ignore-gpu-blocklist"],
};
