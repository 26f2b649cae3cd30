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
      400,
      () => clock,
    );
    // 180 frames 260 ms apart (a quiet 1080x1080 Final): every frame was a round trip; now every second one.
    let stoppedAt: number | null = null;
    for (let i = 1; i <= 180; i++) {
      clock += 260;
      if (i === 100) wanted = false;
      if (!(await report(i))) {
        stoppedAt = clock;
        break;
      }
    }
    expect(sent[0]).toBe(1);
    expect(sent.length).toBeLessThanOrEqual(51);
    // Cancelled by frame 100: the page sees it within 400 ms and a frame.
    expect(stoppedAt! - 100 * 260).toBeLessThanOrEqual(400 + 260);

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
