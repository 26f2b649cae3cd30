import fs from "node:fs";
import path from "node:path";
import { backoffMs } from "./backoff";
import { RenderBrowser } from "./browser";
import { NoBrowserError, resolveBrowser, type BrowserMode, type ResolvedBrowser } from "./browser-executable";
import { bundledChromium } from "./bundled-chromium";

/**
 * llvmpipe over SwiftShader, measured here on 1080x1080 PNG Finals of a template scene (luxury-noir-gold), Debian's
 * chromium 156 against @sparticuz/chromium 153: warm 0.5-0.8 s against 0.9-1.2 s, a worker's first 6.6 s against
 * 12.7 s (shader compilation). A plain scene warm was about even (1.0 s each): the gain is in heavy shading.
 */
export const LLVMPIPE_SPEEDUP = "up to about 2x";

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** One line for the log and the render_workers row: which browser, where, and how it draws. */
export function describeBrowser(resolved: ResolvedBrowser, browser: RenderBrowser): string {
  const which =
    resolved.source === "bundled"
      ? `bundled ${resolved.label ?? "Chromium"}`
      : resolved.source === "system"
        ? "system"
        : "CHROMIUM_PATH";
  const gl = browser.gl === "llvmpipe" ? "llvmpipe" : "SwiftShader";
  const file = path.relative(process.cwd(), resolved.executablePath);
  const shown = file.startsWith("..") ? resolved.executablePath : file;
  return `${which} ${shown} (Chromium ${browser.version}), WebGL on ${gl}, sandbox ${browser.sandboxOff ? `off: ${browser.sandboxOff}` : "on"}`;
}

/** How to get the faster GL path, when the worker ended up on SwiftShader. */
export function swiftShaderHint(resolved: ResolvedBrowser): string {
  return resolved.source === "bundled"
    ? `[worker] the bundled Chromium draws WebGL with SwiftShader only; Debian's chromium uses Mesa's llvmpipe, ${LLVMPIPE_SPEEDUP} ` +
        "faster (first render 6.6 s against 12.7 s, a template scene's 1080x1080 Final 0.5-0.8 s against 0.9-1.2 s): " +
        "apt install chromium (found at /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium that does"
    : `[worker] WebGL fell back to SwiftShader: Mesa's llvmpipe is ${LLVMPIPE_SPEEDUP} faster (apt install libgl1-mesa-dri libegl1)`;
}

/**
 * Finds and launches a browser, retrying with a backoff (2 s doubling to 60 s) until one starts: no crash loop,
 * and no job is taken meanwhile. Each failure is reported (calm message for people, detail in the log).
 */
export async function startBrowserWithRetries(opts: {
  dataDir: string;
  mode: BrowserMode;
  chromiumPath?: string;
  onNoBrowser: (message: string) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}): Promise<{ browser: RenderBrowser; resolved: ResolvedBrowser }> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let failures = 1; ; failures++) {
    let browser: RenderBrowser | undefined;
    try {
      const resolved = await resolveBrowser({
        mode: opts.mode,
        chromiumPath: opts.chromiumPath,
        pathDirs: (process.env.PATH ?? "").split(":"),
        isExecutable,
        bundled: () => bundledChromium(opts.dataDir),
      });
      browser = new RenderBrowser({
        executablePath: resolved.executablePath,
        env: resolved.env,
        canUseLlvmpipe: resolved.source !== "bundled",
      });
      try {
        await browser.start();
      } catch (err) {
        throw new NoBrowserError(
          `the render worker's browser (${resolved.executablePath}) does not start. Run npm install again, or install Debian's chromium.`,
          (err as Error).message.split("\n").slice(0, 6).join(" | "),
        );
      }
      return { browser, resolved };
    } catch (err) {
      await browser?.close();
      const message =
        err instanceof NoBrowserError
          ? err.message
          : `the render worker could not look for a browser (${(err as Error).message}).`;
      const wait = backoffMs(failures);
      const detail = err instanceof NoBrowserError ? ` [${err.detail}]` : "";
      console.error(`[worker] rendering paused: ${message}${detail}; jobs wait; trying again in ${wait / 1000} s`);
      await opts.onNoBrowser(message);
      await sleep(wait);
    }
  }
}
