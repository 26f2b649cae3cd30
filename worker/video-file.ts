import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { VideoChunk } from "@/lib/render-contract/video-job";

/**
 * A video as its chunks arrive from the session page, written at their byte offsets into a temporary file (MP4
 * fast start writes its `moov` at the front after the last frame). The worker never holds the file in memory;
 * it is stored only once complete (storage.putFile), and a failed or cancelled video's file is deleted, so no
 * partial file is ever stored.
 */
export class VideoFile {
  private constructor(
    readonly path: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async create(extension: string, dir = os.tmpdir()): Promise<VideoFile> {
    const file = path.join(dir, `plinth-video-${randomBytes(8).toString("hex")}.${extension}`);
    return new VideoFile(file, await fs.open(file, "wx+"));
  }

  /** Bytes written so far (the file's length). */
  bytes = 0;

  async write(chunk: VideoChunk): Promise<void> {
    const data = Buffer.from(chunk.base64, "base64");
    if (!Number.isInteger(chunk.position) || chunk.position < 0) throw new Error("A video chunk has no valid offset");
    await this.handle.write(data, 0, data.length, chunk.position);
    this.bytes = Math.max(this.bytes, chunk.position + data.length);
  }

  /** The first bytes of the file (the read-back checks look at the container's boxes). */
  async head(length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(Math.min(length, this.bytes));
    await this.handle.read(buffer, 0, buffer.length, 0);
    return buffer;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }

  async discard(): Promise<void> {
    await this.close();
    await fs.rm(this.path, { force: true });
  }
}
