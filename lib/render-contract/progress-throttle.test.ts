import { describe, expect, it } from "vitest";
import { progressReporter } from "./progress-throttle";

describe("a recording's progress reports", () => {
  it("reach the worker a few times a second, always on the last frame, and still carry a cancel", async () => {
    let clock = 0;
    const sent: number[] = [];
    let wanted = true;
    const report = progressReporter(
      180,
      async (done) => (sent.push(done), wanted),
      250,
      () => clock,
    );
    // 180 frames 40 ms apart (7.2 s): every frame was a round trip to the worker; now one in about six.
    let stoppedAt: number | null = null;
    for (let i = 1; i <= 180; i++) {
      clock += 40;
      if (i === 100) wanted = false;
      if (!(await report(i))) {
        stoppedAt = clock;
        break;
      }
    }
    expect(sent[0]).toBe(1);
    expect(sent.length).toBeLessThan(30);
    // Cancelled at frame 100 (4 s): seen within a quarter second, well inside a second.
    expect(stoppedAt! - 4000).toBeLessThanOrEqual(250);

    const last: number[] = [];
    const quick = progressReporter(
      3,
      async (done) => (last.push(done), true),
      250,
      () => 0,
    );
    for (let i = 1; i <= 3; i++) await quick(i);
    expect(last).toEqual([1, 3]);
  });
});
