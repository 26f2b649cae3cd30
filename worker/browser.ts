import { chromium, type Browser, type Page } from "playwright-core";
import { env } from "@/lib/env";
import type { RenderJob } from "@/lib/render-contract/render-job";
import type { UsdzJob } from "@/lib/render-contract/usdz-job";
import type { VideoChunk, VideoJob, VideoResult } from "@/lib/render-contract/video-job";
import { pageWorn, treeMemoryMb } from "./browser-memory";
import { frameFromRendered, type Frame } from "./frame";
import { GL_FLAGS, type GlBackend } from "./gl-flags";
import { MAX_TILE, planTiles, renderInTiles } from "./tiles";

export type SessionJob = RenderJob;

/** A picture drawn and read on the session page, to be taken by its handle. */
type DrawnFrame = { page: Page; handle: number; deadline: Deadline };
/** When a render's time is up (epoch ms), and how long it had. */
type Deadline = { at: number; timeoutMs: number };

/** `work`, or a timeout error once the deadline passes. */
async function beforeDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const message = `Render timed out after ${deadline.timeoutMs} ms`;
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline.at - Date.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Where a recording's chunks and progress go; either answers false to cancel the video. */
export type VideoSink = {
  chunk: (chunk: VideoChunk) => Promise<boolean>;
  progress: (framesDone: number) => Promise<boolean>;
};

const RENDERER_NAME: Record<GlBackend, RegExp> = { swiftshader: /SwiftShader/i, llvmpipe: /llvmpipe/i };

/** Asks WebGL which rasteriser it really got: Chromium silently falls back when a GL path is unavailable. */
async function usesRenderer(browser: Browser, gl: GlBackend): Promise<boolean> {
  const page = await browser.newPage();
  try {
    const renderer = await page.evaluate(() => {
      const context = document.createElement("canvas").getContext("webgl2");
      if (!context) return "";
      const info = context.getExtension("WEBGL_debug_renderer_info");
      return String(info ? context.getParameter(info.UNMASKED_RENDERER_WEBGL) : context.getParameter(context.RENDERER));
    });
    return RENDERER_NAME[gl].test(renderer);
  } finally {
    await page.close();
  }
}

/**
 * Chromium refuses its sandbox as root (it needs --no-sandbox there); anywhere else the sandbox stays on, so a
 * model that exploits the renderer is still contained.
 */
export function sandboxPlan(uid: number | undefined): { sandbox: true } | { sandbox: false; why: string } {
  return uid === 0
    ? { sandbox: false, why: "the worker runs as root, where Chromium cannot use its sandbox" }
    : { sandbox: true };
}

const SANDBOX_FAILURE = /sandbox|namespace/i;

/** What Chromium gets of the worker's environment: no database URL, storage keys or render-token key. */
const BROWSER_ENV = /^(PATH|HOME|TMPDIR|LANG|LC_[A-Z]+|TZ|XDG_[A-Z_]+|FONTCONFIG_PATH|LD_LIBRARY_PATH|DISPLAY)$/;

export function browserEnv(extra: Record<string, string> = {}): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    (entry): entry is [string, string] => BROWSER_ENV.test(entry[0]) && entry[1] !== undefined,
  );
  return { ...Object.fromEntries(kept), ...extra };
}

function firstLine(message: string, pattern: RegExp): string {
  return (message.split("\n").find((line) => pattern.test(line)) ?? message).trim().slice(0, 200);
}

/**
 * One warm Chromium per worker, one page reused between jobs (so the WebGL
 * context, shader cache and HTTP cache stay warm), reloaded after many draws,
 * when the worker's memory passes its limit (./browser-memory.ts), or on any
 * error.
 */
export class RenderBrowser {
  private browser: Browser | null = null;
  private page: Page | null = null;
  private jobsOnPage = 0;

  constructor(
    private readonly options: {
      executablePath?: string;
      /** Extra environment for the browser process (the bundled Chromium's libraries). */
      env?: Record<string, string>;
      /** False for a Chromium that has no llvmpipe path (the npm-shipped one only has SwiftShader). */
      canUseLlvmpipe?: boolean;
      gl?: GlBackend;
      recycleAfter?: number;
      maxTile?: number;
    } = {},
  ) {}

  /** The GL path in use, once started. */
  gl: GlBackend | null = null;
  /** Chromium's version, once started. */
  version: string | null = null;
  /** Why the sandbox is off, when it is (null: on). */
  sandboxOff: string | null = null;

  async start(): Promise<void> {
    if (this.browser?.isConnected()) return;
    const wanted = this.options.gl ?? env().RENDER_GL;
    // llvmpipe measured ~2-3x faster than SwiftShader here (npm run bench:render); fall back when Mesa is missing.
    const auto: GlBackend[] = this.options.canUseLlvmpipe === false ? ["swiftshader"] : ["llvmpipe", "swiftshader"];
    const candidates: GlBackend[] = wanted === "auto" ? auto : [wanted];
    for (const gl of candidates) {
      const browser = await this.launch(gl);
      if (candidates.length === 1 || (await usesRenderer(browser, gl))) {
        this.browser = browser;
        this.gl = gl;
        break;
      }
      await browser.close();
    }
    if (!this.browser) throw new Error("No WebGL path works in this Chromium");
    this.version = this.browser.version();
    this.browser.on("disconnected", () => {
      this.browser = null;
      this.page = null;
    });
  }

  private async launch(gl: GlBackend): Promise<Browser> {
    const launch = (sandbox: boolean) =>
      chromium.launch({
        executablePath: this.options.executablePath ?? env().CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        // Playwright adds --no-sandbox unless told otherwise: the renderer runs uploaded models, so keep it on.
        chromiumSandbox: sandbox,
        env: browserEnv(this.options.env),
        args: [
          ...GL_FLAGS[gl],
          // Studio's path tracer: one sample of a large image keeps llvmpipe busy for seconds, and the first use
          // compiles one very large shader; the GPU watchdog would take either for a hung GPU and kill it. The
          // job's own timeout still ends a draw that really hangs.
          ...(env().STUDIO_RENDERS === "1" ? ["--disable-gpu-watchdog"] : []),
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--hide-scrollbars",
          "--mute-audio",
        ],
      });
    const plan = sandboxPlan(process.getuid?.());
    if (!plan.sandbox) {
      this.sandboxOff = plan.why;
      return launch(false);
    }
    try {
      const browser = await launch(true);
      this.sandboxOff = null;
      return browser;
    } catch (err) {
      if (!SANDBOX_FAILURE.test((err as Error).message)) throw err;
      // No user namespaces and no setuid helper (containers often allow neither): draw without it rather than never.
      this.sandboxOff = `Chromium's sandbox cannot start here (${firstLine((err as Error).message, SANDBOX_FAILURE)})`;
      return launch(false);
    }
  }

  /** The session page, made when there is none or the old one is worn (./browser-memory.ts); one viewport for all. */
  private async freshPage(): Promise<Page> {
    await this.start();
    const limits = {
      maxDraws: this.options.recycleAfter ?? env().RENDER_PAGE_JOBS,
      maxMemoryMb: env().RENDER_WORKER_MEMORY_MB,
      checkEvery: 10,
    };
    // A video that let a still draw between its frames still holds the page: never recycle it under the video.
    const recycle =
      this.page !== null && !this.recording && pageWorn(this.jobsOnPage, limits, () => treeMemoryMb(process.pid));
    if (this.page && (this.page.isClosed() || recycle)) {
      // Frames drawn on it may still be on their way over.
      if (!this.page.isClosed()) await Promise.all([...this.taking]);
      if (recycle) console.log(`[worker] session page reloaded after ${this.jobsOnPage} draws (memory or draw limit)`);
      await this.dropPage();
    }
    if (!this.page) {
      // The canvas takes each job's size whatever the viewport: it stays fixed, so no job pays for a resize.
      const context = await this.browser!.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
      this.page = await context.newPage();
      this.jobsOnPage = 0;
    }
    this.jobsOnPage++;
    return this.page;
  }

  async dropPage(): Promise<void> {
    const page = this.page;
    this.page = null;
    await page
      ?.context()
      .close()
      .catch(() => {});
  }

  /**
   * Renders one output on the worker's long-lived session page, loading that
   * page only when needed: between outputs the WebGL context, shader programs
   * and prefiltered environment maps stay warm.
   *
   * The page is held only while it draws and reads the picture: `onDrawn` is told then, and the next job may draw
   * while this frame is packed, handed over and unpacked (lib/render-contract/pending-frames.ts). A large output's
   * tiles hold it for all of them.
   */
  async renderOnSession(sessionUrl: string, job: SessionJob, timeoutMs: number, onDrawn?: () => void): Promise<Frame> {
    const deadline = { at: Date.now() + timeoutMs, timeoutMs };
    const size = job.size;
    // RENDER_MAX_TILE: smaller tiles for machines with less memory (and for the tiling test).
    const maxTile = this.options.maxTile ?? env().RENDER_MAX_TILE ?? MAX_TILE;
    if (size && planTiles(size.width, size.height, maxTile).length > 1) {
      const drawTile = async (part: SessionJob) => this.takeFrame(await this.drawOnSession(sessionUrl, part, deadline));
      const run = this.sessionQueue.then(() => renderInTiles(drawTile, { ...job, size }, maxTile));
      this.sessionQueue = run.catch(() => undefined);
      return run;
    }
    const drawn = this.sessionQueue.then(() => this.drawOnSession(sessionUrl, job, deadline));
    this.sessionQueue = drawn.catch(() => undefined);
    const read = await drawn;
    onDrawn?.();
    return this.takeFrame(read);
  }

  private sessionQueue: Promise<unknown> = Promise.resolve();
  /** Frames drawn and not yet taken: a page is recycled only once they are. */
  private readonly taking = new Set<Promise<unknown>>();

  /** The session page, loaded only when the page is not on it already (then the WebGL context stays warm). */
  private async openSession(page: Page, sessionUrl: string, timeoutMs: number): Promise<void> {
    if (page.url().startsWith(sessionUrl.split("?")[0])) return;
    const response = await page.goto(sessionUrl, { waitUntil: "domcontentloaded", timeout: timeoutMs });
    if (!response || response.status() >= 400)
      throw new Error(`Render session page answered ${response?.status() ?? "nothing"}`);
    await page.waitForFunction(() => typeof window.__plinthDraw === "function", null, { timeout: timeoutMs });
  }

  /** Draws one job on the session page and reads its pixels there; a failure drops the page. */
  private async drawOnSession(sessionUrl: string, job: SessionJob, deadline: Deadline): Promise<DrawnFrame> {
    const page = await this.freshPage();
    try {
      await this.openSession(page, sessionUrl, Math.max(1, deadline.at - Date.now()));
      const evaluateStarted = Date.now();
      const handle = await beforeDeadline(
        page.evaluate((j) => window.__plinthDraw!(j), job),
        deadline,
      );
      if (env().RENDER_TIMING === "1") {
        const t = await page.evaluate(() => window.__plinthTiming ?? {});
        console.log(
          `[timing] ${job.size?.width}x${job.size?.height} ${job.quality} evaluate ${Date.now() - evaluateStarted} ms; in page: models ${Math.round((t.models ?? 0) - (t.received ?? 0))} ms, draw ${Math.round((t.ready ?? 0) - (t.models ?? 0))} ms, readback ${Math.round((t.read ?? 0) - (t.ready ?? 0))} ms, ${t.frames} frame(s) drawn`,
        );
      }
      return { page, handle, deadline };
    } catch (err) {
      // The frames drawn before this one are still read and handed over first: one bad job fails alone.
      await Promise.all([...this.taking]);
      await this.dropPage();
      throw err;
    }
  }

  /** The drawn frame, packed by the page and unpacked here; a page that fails to hand it over is dropped. */
  private async takeFrame({ page, handle, deadline }: DrawnFrame): Promise<Frame> {
    const taken = beforeDeadline(
      page.evaluate((h) => window.__plinthTakeFrame!(h), handle),
      deadline,
    );
    const settled = taken.catch(() => undefined);
    this.taking.add(settled);
    void settled.then(() => this.taking.delete(settled));
    try {
      return frameFromRendered(await taken);
    } catch (err) {
      // Only the page it was drawn on: a later job may already be on a fresh one.
      if (this.page === page) await this.dropPage();
      throw err;
    }
  }

  /**
   * Records one video on the session page (app/render/session/record-video.ts): the page draws and encodes every
   * frame and hands out only the file's chunks, which go to `sink` as they come. The page is held for the whole
   * video; a failure drops it, so a retry starts from the first frame on a fresh page.
   */
  async recordOnSession(sessionUrl: string, job: VideoJob, timeoutMs: number, sink: VideoSink): Promise<VideoResult> {
    const run = this.sessionQueue.then(() => this.recordOnSessionNow(sessionUrl, job, timeoutMs, sink));
    this.sessionQueue = run.catch(() => undefined);
    return run;
  }

  private videoSink: VideoSink | null = null;
  /** A video is being recorded on the page (it may let stills draw between its frames). */
  private recording = false;

  /**
   * Called by a recording video between two frames (its page evaluate waits on the progress call): draws queued
   * on this browser meanwhile run on the same page, then the video carries on. `others` resolves once whoever
   * decides turns hands the page back (worker/render-turns.ts); the session queue is drained before that.
   */
  async letOthersDraw(others: () => Promise<unknown>): Promise<void> {
    if (!this.recording) return void (await others());
    const held = this.sessionQueue;
    this.sessionQueue = Promise.resolve();
    try {
      await others();
      await this.sessionQueue;
    } finally {
      this.sessionQueue = held;
    }
  }
  private readonly videoPages = new WeakSet<Page>();

  private async recordOnSessionNow(
    sessionUrl: string,
    job: VideoJob,
    timeoutMs: number,
    sink: VideoSink,
  ): Promise<VideoResult> {
    const warmUpStarted = Date.now();
    const page = await this.freshPage();
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!this.videoPages.has(page)) {
        // Exposed once per page; they survive navigations and call whichever recording is current.
        await page.exposeFunction("__plinthVideoChunk", (chunk: VideoChunk) => this.videoSink?.chunk(chunk) ?? false);
        await page.exposeFunction("__plinthVideoProgress", (done: number) => this.videoSink?.progress(done) ?? false);
        this.videoPages.add(page);
      }
      await this.openSession(page, sessionUrl, timeoutMs);
      this.videoSink = sink;
      this.recording = true;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Video timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      const pageWarmUpMs = Date.now() - warmUpStarted;
      const result = await Promise.race([page.evaluate((j) => window.__plinthVideo!(j), job), timeout]);
      if (result.timing) result.timing.setupMs.pageWarmUp = pageWarmUpMs;
      return result;
    } catch (err) {
      await this.dropPage();
      throw err;
    } finally {
      clearTimeout(timer);
      this.videoSink = null;
      this.recording = false;
    }
  }

  /**
   * Makes a published viewer's USDZ on the session page (app/render/session/make-usdz.ts), in the same queue as
   * the draws: one page, one job at a time. A failure drops the page, like a failed draw.
   */
  async usdzOnSession(sessionUrl: string, job: UsdzJob, timeoutMs: number): Promise<Uint8Array> {
    const run = this.sessionQueue.then(async () => {
      const page = await this.freshPage();
      let timer: NodeJS.Timeout | undefined;
      try {
        await this.openSession(page, sessionUrl, timeoutMs);
        await page.waitForFunction(() => typeof window.__plinthUsdz === "function", null, { timeout: timeoutMs });
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`USDZ timed out after ${timeoutMs} ms`)), timeoutMs);
        });
        const result = await Promise.race([page.evaluate((j) => window.__plinthUsdz!(j), job), timeout]);
        return new Uint8Array(Buffer.from(result.usdzBase64, "base64"));
      } catch (err) {
        await this.dropPage();
        throw err;
      } finally {
        clearTimeout(timer);
      }
    });
    this.sessionQueue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.dropPage();
    await this.browser?.close().catch(() => {});
    this.browser = null;
  }
}
