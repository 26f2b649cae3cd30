/**
 * How much memory the worker's Chromium holds (Linux: /proc), so the session page is reloaded when it has grown
 * rather than after a fixed number of jobs. Reloading costs a few seconds (the page, its shaders, its environment
 * maps); measured (bench/page-memory.ts, 2026-12-05): over 288 Final outputs of six products in six ratios the
 * worker's memory did not grow with the page kept (1111-1271 MB), and reloading every 25 draws made each output
 * about 10% slower. What can still grow is the GPU memory of models the page's cache let go (three does not free
 * a model's buffers when it leaves the scene): a page that holds too much is reloaded.
 */
import fs from "node:fs";

/** A process and its living descendants (their ids). */
export function processTree(rootPid: number, procDir = "/proc"): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`${procDir}/${entry}/stat`, "utf8");
      // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing one.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Exited meanwhile.
    }
  }
  const tree: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * Proportional set size of a process tree in MB: pages Chromium's processes share are split between them, not
 * counted once per process. Null where /proc cannot tell (not Linux).
 */
export function treeMemoryMb(rootPid: number, procDir = "/proc"): number | null {
  if (!fs.existsSync(`${procDir}/${rootPid}`)) return null;
  let kb = 0;
  for (const pid of processTree(rootPid, procDir)) {
    try {
      const rollup = fs.readFileSync(`${procDir}/${pid}/smaps_rollup`, "utf8");
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Exited meanwhile, or smaps_rollup unreadable (an old kernel): counted as nothing.
    }
  }
  return Math.round(kb / 1024);
}

/** Whether the session page should be reloaded before the next draw. */
export function pageWorn(
  draws: number,
  limits: { maxDraws: number; maxMemoryMb: number; checkEvery: number },
  memoryMb: () => number | null,
): boolean {
  if (draws >= limits.maxDraws) return true;
  // Reading the tree's memory takes a few ms: not before every draw.
  if (draws === 0 || draws % limits.checkEvery !== 0) return false;
  const used = memoryMb();
  return used !== null && used > limits.maxMemoryMb;
}
