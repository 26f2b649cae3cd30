import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertValidKey, type StorageDriver, type StoredObject } from "./types";

/**
 * Files in a local folder (DATA_DIR/storage by default). Writes go to a
 * temporary file in the same folder and are renamed into place, so a reader
 * sees the old object, the new one, or none: never a half-written file.
 */
export class LocalStorage implements StorageDriver {
  readonly name = "local" as const;
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertValidKey(key);
    const full = path.resolve(this.root, key);
    const root = path.resolve(this.root);
    if (full !== root && !full.startsWith(root + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return full;
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
    try {
      await fs.writeFile(tmp, data, { flag: "wx" });
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  async putFile(key: string, filePath: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
    try {
      await fs.copyFile(filePath, tmp, fs.constants.COPYFILE_EXCL);
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return { stream, size: stat.size };
  }

  async getBytes(key: string): Promise<Uint8Array | null> {
    return fs.readFile(this.pathOf(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return null;
      throw err;
    });
  }

  async exists(key: string): Promise<boolean> {
    const stat = await fs.stat(this.pathOf(key)).catch(() => null);
    return Boolean(stat?.isFile());
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith("/")) throw new Error("deletePrefix needs a folder-like prefix ending in /");
    await fs.rm(this.pathOf(prefix), { recursive: true, force: true });
  }

  async list(prefix: string): Promise<{ key: string; size: number }[]> {
    if (!prefix.endsWith("/")) throw new Error("list needs a folder-like prefix ending in /");
    const root = this.pathOf(prefix);
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    const out: { key: string; size: number }[] = [];
    for (const e of entries) {
      // Half-written files (".tmp-" before their rename) are not objects yet.
      if (!e.isFile() || e.name.includes(".tmp-")) continue;
      const full = path.join(e.parentPath, e.name);
      const key = prefix + path.relative(root, full).split(path.sep).join("/");
      out.push({ key, size: (await fs.stat(full)).size });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }
}
