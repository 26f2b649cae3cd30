import { chromium, type Browser, type Page } from "playwright-core";
import type { RenderJob } from "@/app/render/session/render-session";

export type SessionJob = RenderJob;

/** Which GL path headless Chromium draws with; see the render benchmark for numbers. */
export type GlBackend = "swiftshader" | "llvmpipe";

const GL_FLAGS: Record<GlBackend, string[]> = {
  // Chromium's own CPU rasteriser, always available.
  swiftshader: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  // ANGLE over the system's Mesa (llvmpipe) OpenGL: needs Debian's libgl1-mesa-dri.
  llvmpipe: ["--use-gl=angle", "--use-angle=gl", "--ignore-gpu-blocklist"],
};

/**
 * One warm Chromium per worker, one page reused between jobs (so the WebGL
 * context, shader cache and HTTP cache stay warm), recycled after N jobs or on
 * any error.
 */
export class RenderBrowser {
  private browser: Browser | null = null;
  private page: Page | null = null;
  private jobsOnPage = 0;

  constructor(
    private readonly options: { executablePath?: string; gl?: GlBackend; recycleAfter?: number } = {},
  ) {}

  async start(): Promise<void> {
    if (this.browser?.isConnected()) return;
    const gl = this.options.gl ?? ((process.env.RENDER_GL as GlBackend) || "swiftshader");
    this.browser = await chromium.launch({
      executablePath: this.options.executablePath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: [
        "--no-sandbox",
        ...GL_FLAGS[gl],
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--mute-audio",
      ],
    });
    this.browser.on("disconnected", () => {
      this.browser = null;
      this.page = null;
    });
  }

  private async freshPage(width: number, height: number): Promise<Page> {
    await this.start();
    const recycleAfter = this.options.recycleAfter ?? 25;
    if (this.page && (this.page.isClosed() || this.jobsOnPage >= recycleAfter)) await this.dropPage();
    if (!this.page) {
      const context = await this.browser!.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
      this.page = await context.newPage();
      this.jobsOnPage = 0;
    } else {
      await this.page.setViewportSize({ width, height });
    }
    this.jobsOnPage++;
    return this.page;
  }

  async dropPage(): Promise<void> {
    const page = this.page;
    this.page = null;
    await page?.context().close().catch(() => {});
  }

  /**
   * Renders one output on the worker's long-lived session page, loading that
   * page only when needed: between outputs the WebGL context, shader programs
   * and prefiltered environment maps stay warm.
   */
  async renderOnSession(sessionUrl: string, job: SessionJob, timeoutMs: number): Promise<Buffer> {
    const page = await this.freshPage(1280, 720);
    try {
      if (!page.url().startsWith(sessionUrl.split("?")[0])) {
        const response = await page.goto(sessionUrl, { waitUntil: "domcontentloaded", timeout: timeoutMs });
        if (!response || response.status() >= 400) throw new Error(`Render session page answered ${response?.status() ?? "nothing"}`);
        await page.waitForFunction(() => typeof window.__plinthRender === "function", null, { timeout: timeoutMs });
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Render timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      const dataUrl = await Promise.race([page.evaluate((j) => window.__plinthRender!(j), job), timeout]).finally(() => clearTimeout(timer));
      return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
    } catch (err) {
      await this.dropPage();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.dropPage();
    await this.browser?.close().catch(() => {});
    this.browser = null;
  }
}
