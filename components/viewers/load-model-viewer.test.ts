import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MODEL_VIEWER_BOOT_SCRIPT, MODEL_VIEWER_MODULE_URL, MODEL_VIEWER_VERSION } from "./load-model-viewer";

describe("model-viewer's served module", () => {
  it("is versioned as the installed package (browsers keep it a year, so an upgrade must change its URL)", () => {
    const pkg = JSON.parse(
      readFileSync(path.join(process.cwd(), "node_modules/@google/model-viewer/package.json"), "utf8"),
    ) as { version: string };
    expect(MODEL_VIEWER_VERSION).toBe(pkg.version);
    expect(MODEL_VIEWER_MODULE_URL).toBe(`/v/model-viewer.js?v=${pkg.version}`);
  });

  it("is started by the page's inline script with our own decoders, before the module loads", () => {
    const config = MODEL_VIEWER_BOOT_SCRIPT.indexOf("/decoders/meshopt/meshopt_decoder.js");
    const load = MODEL_VIEWER_BOOT_SCRIPT.indexOf(`import("${MODEL_VIEWER_MODULE_URL}")`);
    expect(config).toBeGreaterThan(0);
    expect(load).toBeGreaterThan(config);
    // Plain script text a browser runs as is (no closing tag that would end the <script> early).
    expect(MODEL_VIEWER_BOOT_SCRIPT).not.toMatch(/<\/script/i);
    expect(() => new Function(MODEL_VIEWER_BOOT_SCRIPT)).not.toThrow();
  });
});
