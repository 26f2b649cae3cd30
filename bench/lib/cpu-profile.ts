import type { Page } from "playwright-core";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
};
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };

/**
 * Chrome's JavaScript CPU profile of a page (through a CDP session), for a benchmark's diagnostic mode: where the
 * main thread's time went, summed by function (self time), heaviest first. Sampling costs a little time itself,
 * so a profiled run's timings are not the budget's.
 */
export async function startCpuProfile(page: Page): Promise<() => Promise<{ profile: Profile; top: string[] }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
    await cdp.detach();
    return { profile, top: topSelfTime(profile, 25) };
  };
}

/** Self time per function (ms), from the samples' time deltas: "12.3 ms  name  file:line". */
export function topSelfTime(profile: Profile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url ? `${url.replace(/^https?:\/\/[^/]+/, "")}:${lineNumber + 1}:${columnNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"}  ${file}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${key}`);
}
