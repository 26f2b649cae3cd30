/**
 * `npx tsx bench/cpuprofile-summary.ts PROFILE [BENCH_STDERR] [TOP]`: where a profiled bench:load server spent its CPU.
 * PROFILE: the web server's main-thread .cpuprofile (BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"; the largest
 * file in DIR). BENCH_STDERR: bench:load's stderr, whose "[bench] page NAME window FROM TO" lines (monotonic
 * microseconds, the profile's clock) cut the profile per page; without it the whole profile is one window.
 * Prints, per page, the busy milliseconds per request by module (self time) and by function (self and inclusive),
 * the TOP (20) of each. Requests per page come from the "[bench] page" line's count when given.
 */
import fs from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

const short = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/.*node_modules\//, "")
    .replace(/.*\/\.next[^/]*\//, "app:")
    .replace(process.cwd() + "/", "");

function moduleOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/.exec(url);
  if (pkg) return pkg[1] === "next" ? `next/${pkg[2].split("/").slice(0, 4).join("/")}` : pkg[1];
  return short(url);
}

function summarise(profile: Profile, from = -Infinity, to = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (f: CallFrame) => `${f.functionName || "(anonymous)"} ${short(f.url)}:${f.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const modules = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  let busy = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    const leaf = byId.get(profile.samples[i])!;
    if (leaf.callFrame.functionName === "(idle)") continue;
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    busy += ms;
    add(self, key(leaf.callFrame), ms);
    add(modules, moduleOf(leaf.callFrame), ms);
    const seen = new Set<string>(); // a recursive function counts once per sample
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      add(inclusive, k, ms);
    }
  }
  return { busy, self, inclusive, modules };
}

function main() {
  const [profilePath, stderrPath, topArg] = process.argv.slice(2);
  if (!profilePath) throw new Error("usage: cpuprofile-summary.ts PROFILE [BENCH_STDERR] [TOP]");
  const top = Number(topArg ?? 20);
  const profile = JSON.parse(fs.readFileSync(profilePath, "utf8")) as Profile;
  const windows = stderrPath
    ? [
        ...fs
          .readFileSync(stderrPath, "utf8")
          .matchAll(/^\[bench\] page (\S+) window (\d+) (\d+)(?: requests (\d+))?/gm),
      ].map((m) => ({ page: m[1], from: Number(m[2]), to: Number(m[3]), requests: m[4] ? Number(m[4]) : null }))
    : [{ page: "whole profile", from: -Infinity, to: Infinity, requests: null }];
  for (const w of windows) {
    const s = summarise(profile, w.from, w.to);
    const per = w.requests ?? 1;
    const unit = w.requests ? "ms/request" : "ms";
    const list = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([k, ms]) => `  ${(ms / per).toFixed(2).padStart(8)} ${((100 * ms) / s.busy).toFixed(1).padStart(5)}%  ${k}`,
        )
        .join("\n");
    console.log(
      `\n# ${w.page}: busy ${(s.busy / per).toFixed(1)} ${unit}${w.requests ? ` over ${w.requests} requests` : ""}`,
    );
    console.log(`## self, by module\n${list(s.modules)}`);
    console.log(`## self, by function\n${list(s.self)}`);
    console.log(`## inclusive, by function\n${list(s.inclusive)}`);
  }
}

main();
