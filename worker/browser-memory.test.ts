import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageWorn, processTree, treeMemoryMb } from "./browser-memory";

/** A fake /proc: pid -> [parent, PSS in kB]. */
function fakeProc(processes: Record<number, [number, number]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-proc-"));
  for (const [pid, [parent, pssKb]] of Object.entries(processes)) {
    fs.mkdirSync(path.join(dir, pid));
    // A command name with a space and a parenthesis, as Chromium's "(chromium) (gpu)" style names can be.
    fs.writeFileSync(path.join(dir, pid, "stat"), `${pid} (chrom (gpu) x) S ${parent} 1 1 0`);
    fs.writeFileSync(path.join(dir, pid, "smaps_rollup"), `Rss: ${pssKb * 2} kB\nPss: ${pssKb} kB\n`);
  }
  fs.mkdirSync(path.join(dir, "self"));
  return dir;
}

describe("the worker's Chromium memory", () => {
  it("adds up the proportional memory of the browser and every process under it, no one else's", () => {
    const proc = fakeProc({
      100: [1, 200 * 1024],
      101: [100, 300 * 1024],
      102: [101, 100 * 1024],
      200: [1, 999 * 1024],
    });
    expect(processTree(100, proc).sort()).toEqual([100, 101, 102]);
    expect(treeMemoryMb(100, proc)).toBe(600);
    expect(treeMemoryMb(4242, proc)).toBeNull();
  });

  it("reloads the page after its most draws, or when it holds too much, checking memory only every few draws", () => {
    const limits = { maxDraws: 500, maxMemoryMb: 1200, checkEvery: 10 };
    let reads = 0;
    const memory = (mb: number | null) => () => (reads++, mb);
    expect(pageWorn(500, limits, memory(100))).toBe(true);
    expect(pageWorn(9, limits, memory(5000))).toBe(false);
    expect(reads).toBe(0);
    expect(pageWorn(10, limits, memory(1300))).toBe(true);
    expect(pageWorn(20, limits, memory(1100))).toBe(false);
    expect(pageWorn(30, limits, memory(null))).toBe(false);
    expect(reads).toBe(3);
  });
});
