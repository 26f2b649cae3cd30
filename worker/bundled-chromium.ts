import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { randomBytes } from "node:crypto";
import { createBrotliDecompress } from "node:zlib";
import type { BundledLookup } from "./browser-executable";

const PACKAGE = "@sparticuz/chromium";

/**
 * The Chromium inside the npm package @sparticuz/chromium (an optional dependency, Linux x64), unpacked once into
 * DATA_DIR/browser/chromium-<version>. The package's own executablePath() always unpacks into /tmp, which is
 * cleaned on reboot and shared by every user, so we unpack its brotli archives ourselves: the binary, SwiftShader
 * (its only WebGL path: ANGLE's libGLESv2/libEGL next to the binary), the NSS/expat libraries it links against
 * (the "al2023" set: a fresh Debian has no libnss3 without a browser installed) and a fallback font.
 * Two workers starting at once each unpack into a temporary folder and rename it: one wins, the other's copy goes.
 */
export async function bundledChromium(dataDir: string): Promise<BundledLookup> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    return {
      ok: false,
      reason: `${PACKAGE} ships Chromium for Linux x64 only (this is ${process.platform} ${process.arch})`,
    };
  }
  let entry: string;
  try {
    entry = require.resolve(PACKAGE);
  } catch {
    return { ok: false, reason: `${PACKAGE} is not installed (npm install adds it on Linux x64)` };
  }
  const packageDir = path.resolve(path.dirname(entry), "..");
  const version = String(JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version);
  const target = path.join(dataDir, "browser", `chromium-${version}`);
  try {
    if (!isUnpacked(target)) await unpack(path.join(packageDir, "bin"), target, createRequire(entry));
  } catch (err) {
    return { ok: false, reason: `unpacking ${PACKAGE} ${version} into ${target} failed: ${(err as Error).message}` };
  }
  return {
    ok: true,
    browser: {
      source: "bundled",
      executablePath: path.join(target, "chromium"),
      env: browserEnv(target),
      label: `${PACKAGE} ${version}`,
    },
  };
}

function isUnpacked(dir: string): boolean {
  return ["chromium", "libGLESv2.so", "al2023/lib/libnss3.so"].every((file) => fs.existsSync(path.join(dir, file)));
}

async function unpack(binDir: string, target: string, requireFromPackage: NodeRequire): Promise<void> {
  // The package's own tar reader (a dependency of it), so this adds nothing to our dependencies.
  const tar = requireFromPackage("tar-fs") as {
    extract: (dir: string, opts: { chown: boolean }) => NodeJS.WritableStream;
  };
  // Files belong to whoever runs the worker (as root, tar-fs would give them the archive's owner ids).
  const extract = (dir: string) => tar.extract(dir, { chown: false });
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  removeAbandonedTemps(parent);
  const temp = path.join(parent, `.${path.basename(target)}-${process.pid}-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(temp);
  try {
    const started = Date.now();
    const inflate = (file: string, to: NodeJS.WritableStream) =>
      pipeline(fs.createReadStream(path.join(binDir, file)), createBrotliDecompress({ chunkSize: 2 ** 21 }), to);
    await Promise.all([
      inflate("chromium.br", fs.createWriteStream(path.join(temp, "chromium"), { mode: 0o755 })),
      inflate("swiftshader.tar.br", extract(temp)),
      inflate("al2023.tar.br", extract(path.join(temp, "al2023"))),
      inflate("fonts.tar.br", extract(path.join(temp, "fonts-pack"))),
    ]);
    // The package's fonts.conf names Lambda folders (/var/task, /tmp); ours names the unpacked font.
    fs.writeFileSync(
      path.join(temp, "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(target, "fonts-pack", "fonts")}</dir>\n` +
        `  <cachedir>${path.join(target, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
    );
    try {
      fs.renameSync(temp, target);
      console.log(
        `[worker] unpacked ${path.basename(target)} from ${PACKAGE} into ${parent} in ${Date.now() - started} ms`,
      );
    } catch (err) {
      // Another worker renamed its copy first: use that one.
      if (!isUnpacked(target)) throw err;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Temporary folders left by a worker killed mid-unpack (over an hour old: a live unpack takes seconds). */
function removeAbandonedTemps(parent: string): void {
  for (const name of fs.readdirSync(parent)) {
    const full = path.join(parent, name);
    if (name.startsWith(".chromium-") && Date.now() - fs.statSync(full).mtimeMs > 3_600_000)
      fs.rmSync(full, { recursive: true, force: true });
  }
}

/** The bundled browser's environment: its NSS/expat libraries first; its font only where the machine has no fontconfig set-up. */
function browserEnv(dir: string): Record<string, string> {
  const libs = path.join(dir, "al2023", "lib");
  const inherited = (process.env.LD_LIBRARY_PATH ?? "").split(":").filter((p) => p && p !== libs);
  const env: Record<string, string> = { LD_LIBRARY_PATH: [libs, ...inherited].join(":") };
  if (!fs.existsSync("/etc/fonts/fonts.conf")) env.FONTCONFIG_PATH = dir;
  return env;
}
