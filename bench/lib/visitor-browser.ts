/**
 * The headless Chromium that stands in for a visitor's browser in the page benchmarks (editor, viewer).
 *
 * A visitor draws WebGL on a GPU; this machine has none. BENCH_GL picks the stand-in: "llvmpipe" (default: Mesa's
 * multi-threaded CPU rasteriser, the best GL this machine has and the one the render worker uses) or
 * "swiftshader" (Chromium's own CPU rasteriser, slower: the worst case, a browser with GPU access blocked).
 * Every benchmark prints which one it measured.
 */
import { chromium, type Browser } from "playwright-core";
import { GL_FLAGS, type GlBackend } from "../../worker/gl-flags";

export const visitorGl: GlBackend = process.env.BENCH_GL === "swiftshader" ? "swiftshader" : "llvmpipe";

export function launchVisitorBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", ...GL_FLAGS[visitorGl], "--disable-background-networking"],
  });
}
