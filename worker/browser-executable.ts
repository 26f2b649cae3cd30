/**
 * Which Chromium the render worker launches: CHROMIUM_PATH when set; else a system Chromium or Chrome; else the
 * Chromium that ships inside the npm package @sparticuz/chromium (so `npm install` alone is enough).
 * RENDER_BROWSER=system|bundled forces one kind. Pure: every file-system and package lookup is passed in.
 */

export type BrowserMode = "auto" | "system" | "bundled";
export type BrowserSource = "CHROMIUM_PATH" | "system" | "bundled";

export type ResolvedBrowser = {
  source: BrowserSource;
  executablePath: string;
  /** Extra environment for the browser process (the bundled one's shared libraries and fonts). */
  env?: Record<string, string>;
  /** e.g. "@sparticuz/chromium 153.0.0" for the bundled one. */
  label?: string;
};

export type BundledLookup = { ok: true; browser: ResolvedBrowser } | { ok: false; reason: string };

export type BrowserLookups = {
  mode: BrowserMode;
  chromiumPath?: string;
  /** The directories of PATH, in order. */
  pathDirs: string[];
  isExecutable: (file: string) => boolean;
  /** Finds (unpacking on first use) the npm-shipped Chromium. */
  bundled: () => Promise<BundledLookup>;
};

/** A person-readable reason why no browser can be used, shown on the app's pages ("Rendering is paused: ..."). */
export class NoBrowserError extends Error {
  constructor(
    message: string,
    /** Technical detail for the worker's log only. */
    readonly detail: string,
  ) {
    super(message);
    this.name = "NoBrowserError";
  }
}

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** Debian's /usr/bin/chromium first (it draws WebGL with Mesa's llvmpipe), then each name on PATH or in /usr/bin. */
export function systemBrowserCandidates(pathDirs: string[]): string[] {
  const dirs = [...pathDirs.filter((d) => d.startsWith("/")), "/usr/bin"];
  const all = [
    "/usr/bin/chromium",
    ...SYSTEM_NAMES.flatMap((name) => dirs.map((dir) => `${dir.replace(/\/+$/, "")}/${name}`)),
  ];
  return [...new Set(all)];
}

export function parseBrowserMode(value: string | undefined): BrowserMode {
  const mode = (value ?? "").trim() || "auto";
  if (mode === "auto" || mode === "system" || mode === "bundled") return mode;
  throw new Error(`RENDER_BROWSER must be auto, system or bundled (it is "${value}")`);
}

export async function resolveBrowser(lookups: BrowserLookups): Promise<ResolvedBrowser> {
  const { mode, chromiumPath } = lookups;
  if (mode !== "bundled" && chromiumPath) {
    if (lookups.isExecutable(chromiumPath)) return { source: "CHROMIUM_PATH", executablePath: chromiumPath };
    // An explicit path is what the admin wants: say it is wrong rather than quietly draw with another browser.
    throw new NoBrowserError(
      "CHROMIUM_PATH does not point to a browser the render worker can run. Fix or unset CHROMIUM_PATH.",
      `CHROMIUM_PATH=${chromiumPath} is not an executable file`,
    );
  }
  if (mode !== "bundled") {
    const found = systemBrowserCandidates(lookups.pathDirs).find((file) => lookups.isExecutable(file));
    if (found) return { source: "system", executablePath: found };
  }
  if (mode === "system") {
    throw new NoBrowserError(
      "no system Chromium was found for the render worker (RENDER_BROWSER=system). Install Debian's chromium or set CHROMIUM_PATH.",
      `no ${SYSTEM_NAMES.join(", ")} in /usr/bin or on PATH`,
    );
  }
  const bundled = await lookups.bundled();
  if (bundled.ok) return bundled.browser;
  if (mode === "bundled") {
    throw new NoBrowserError(
      "the render worker's bundled Chromium is not available (RENDER_BROWSER=bundled). Run npm install again, or unset RENDER_BROWSER.",
      bundled.reason,
    );
  }
  throw new NoBrowserError(
    "no browser was found for the render worker. Run npm install again, or install Debian's chromium.",
    `no system Chromium or Chrome, and the bundled one: ${bundled.reason}`,
  );
}
