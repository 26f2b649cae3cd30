import { describe, expect, it } from "vitest";
import {
  NoBrowserError,
  parseBrowserMode,
  resolveBrowser,
  type BrowserLookups,
  type BrowserMode,
} from "./browser-executable";

const BUNDLED = {
  source: "bundled" as const,
  executablePath: "/data/browser/chromium-153.0.0/chromium",
  label: "@sparticuz/chromium 153.0.0",
};

/** A machine with exactly these executables, and the bundled browser present or not. */
function machine(
  files: string[],
  opts: { mode?: BrowserMode; chromiumPath?: string; pathDirs?: string[]; bundled?: boolean } = {},
) {
  const calls = { bundled: 0, checked: [] as string[] };
  const lookups: BrowserLookups = {
    mode: opts.mode ?? "auto",
    chromiumPath: opts.chromiumPath,
    pathDirs: opts.pathDirs ?? ["/usr/local/bin", "/usr/bin", "/bin"],
    isExecutable: (file) => {
      calls.checked.push(file);
      return files.includes(file);
    },
    bundled: async () => {
      calls.bundled++;
      return opts.bundled === false
        ? { ok: false, reason: "@sparticuz/chromium is not installed" }
        : { ok: true, browser: BUNDLED };
    },
  };
  return { lookups, calls };
}

describe("resolveBrowser", () => {
  it("takes CHROMIUM_PATH first, before a system Chromium and without unpacking the bundled one", async () => {
    const { lookups, calls } = machine(["/opt/chrome/chrome", "/usr/bin/chromium"], {
      chromiumPath: "/opt/chrome/chrome",
    });
    expect(await resolveBrowser(lookups)).toEqual({ source: "CHROMIUM_PATH", executablePath: "/opt/chrome/chrome" });
    expect(calls.bundled).toBe(0);
  });

  it("says CHROMIUM_PATH is wrong instead of quietly using another browser", async () => {
    const { lookups } = machine(["/usr/bin/chromium"], { chromiumPath: "/opt/typo/chrome" });
    const err = await resolveBrowser(lookups).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoBrowserError);
    expect((err as NoBrowserError).message).toMatch(/CHROMIUM_PATH/);
    expect((err as NoBrowserError).detail).toContain("/opt/typo/chrome");
  });

  it("prefers Debian's /usr/bin/chromium over other system browsers", async () => {
    const { lookups, calls } = machine(["/usr/local/bin/google-chrome", "/usr/bin/chromium"]);
    expect(await resolveBrowser(lookups)).toEqual({ source: "system", executablePath: "/usr/bin/chromium" });
    expect(calls.bundled).toBe(0);
  });

  it("finds chromium-browser or google-chrome on PATH, then in /usr/bin even when PATH lacks it", async () => {
    const onPath = machine(["/snap/bin/chromium-browser", "/usr/bin/google-chrome"], { pathDirs: ["/snap/bin"] });
    expect((await resolveBrowser(onPath.lookups)).executablePath).toBe("/snap/bin/chromium-browser");
    const inUsrBin = machine(["/usr/bin/google-chrome"], { pathDirs: ["/opt/bin"] });
    expect(await resolveBrowser(inUsrBin.lookups)).toEqual({
      source: "system",
      executablePath: "/usr/bin/google-chrome",
    });
  });

  it("falls back to the npm-shipped Chromium when the machine has none", async () => {
    const { lookups, calls } = machine(["/usr/bin/node"]);
    expect(await resolveBrowser(lookups)).toEqual(BUNDLED);
    expect(calls.bundled).toBe(1);
    expect(calls.checked).toContain("/usr/bin/chromium");
  });

  it("RENDER_BROWSER=bundled skips CHROMIUM_PATH and the system browser", async () => {
    const { lookups, calls } = machine(["/usr/bin/chromium", "/opt/chrome/chrome"], {
      mode: "bundled",
      chromiumPath: "/opt/chrome/chrome",
    });
    expect(await resolveBrowser(lookups)).toEqual(BUNDLED);
    expect(calls.checked).toEqual([]);
  });

  it("RENDER_BROWSER=system never uses the bundled one, and says how to get a browser", async () => {
    const { lookups, calls } = machine([], { mode: "system" });
    const err = (await resolveBrowser(lookups).catch((e: unknown) => e)) as NoBrowserError;
    expect(err).toBeInstanceOf(NoBrowserError);
    expect(err.message).toMatch(/Install Debian's chromium or set CHROMIUM_PATH/);
    expect(calls.bundled).toBe(0);
    const withPath = machine(["/opt/chrome/chrome"], { mode: "system", chromiumPath: "/opt/chrome/chrome" });
    expect((await resolveBrowser(withPath.lookups)).source).toBe("CHROMIUM_PATH");
  });

  it("with no browser anywhere, gives one calm message for people and the technical reason for the log", async () => {
    const { lookups } = machine([], { bundled: false });
    const err = (await resolveBrowser(lookups).catch((e: unknown) => e)) as NoBrowserError;
    expect(err.message).toBe(
      "no browser was found for the render worker. Run npm install again, or install Debian's chromium.",
    );
    expect(err.detail).toMatch(/not installed/);
    const forced = machine(["/usr/bin/chromium"], { mode: "bundled", bundled: false });
    await expect(resolveBrowser(forced.lookups)).rejects.toThrow(/bundled Chromium is not available/);
  });
});

describe("parseBrowserMode", () => {
  it("defaults to auto and refuses anything else than auto, system or bundled", () => {
    expect(parseBrowserMode(undefined)).toBe("auto");
    expect(parseBrowserMode("")).toBe("auto");
    expect(parseBrowserMode("bundled")).toBe("bundled");
    expect(() => parseBrowserMode("chrome")).toThrow(/auto, system or bundled/);
  });
});
