import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { NEXT_ENV } from "./next-env";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "tailwind.config.ts",
  "package-lock.json",
  "middleware.ts",
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** `npm start` builds on first run, and again whenever a source file is newer than the last build. */
export function buildIfStale(root: string): void {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt && builtAt >= changedAt) return;
  console.log(
    builtAt
      ? "[start] sources changed since the last build; rebuilding..."
      : "[start] first run: building the app (a minute or two)...",
  );
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...NEXT_ENV, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}
