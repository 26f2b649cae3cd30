import path from "node:path";
import { zipSync } from "fflate";
import { AppError } from "@/lib/errors";
import { formatMb, fullLimits, type UploadLimits } from "./limits";
import { listZip, readZipEntry, type ZipEntry } from "./zip-reader";

/** One file of an upload, keyed by its path relative to the upload root ("scene.gltf", "textures/a.png"). */
export type UploadFile = { name: string; bytes: Uint8Array };

/** What the pipeline works on: the model file plus every file it may reference. */
export type ModelUpload = {
  format: "glb" | "gltf" | "zip";
  /** Path of the .glb/.gltf inside `files`. */
  main: string;
  /** The model file and, for a .zip, nothing else until `zip.unpack` adds the files the model references. */
  files: Map<string, Uint8Array>;
  zip?: ZipUpload;
  /** The original upload as one file, kept as is (a multi-file .gltf is zipped). */
  original: { filename: string; bytes: Uint8Array; contentType: string };
};

const MODEL_EXT = new Set([".glb", ".gltf"]);
const RESOURCE_EXT = new Set([".bin", ".png", ".jpg", ".jpeg", ".webp", ".ktx2"]);

export const ACCEPTED_TYPES_HINT = "Upload a .glb file, a .gltf with its .bin and texture files, or one .zip.";

function ext(name: string): string {
  return path.posix.extname(name).toLowerCase();
}

function unsupported(name: string): AppError {
  const e = ext(name);
  const what = [".png", ".jpg", ".jpeg", ".webp", ".ktx2"].includes(e)
    ? `"${name}" is an image, not a 3D model.`
    : `"${name}" is not a 3D model we can read${e ? ` (${e} files are not supported)` : ""}.`;
  return new AppError("unsupported_media_type", `${what} ${ACCEPTED_TYPES_HINT}`);
}

/** A plain file name from the browser: no folders, nothing odd. */
function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop()?.trim() ?? "";
  if (!base || base === "." || base === "..") throw new AppError("bad_request", "One of the files has no usable name.");
  return base;
}

/** Paths inside a zip must stay inside it (no zip-slip), even though we never write them to disk. */
function cleanZipPath(raw: string): string | null {
  if (raw.endsWith("/")) return null; // a folder entry
  const p = raw.replace(/\\/g, "/");
  if (p.startsWith("/") || /^[a-zA-Z]:/.test(p) || p.split("/").includes("..")) {
    throw new AppError(
      "unprocessable",
      `The zip contains an unsafe path ("${raw}"). Zip the model's folder again and retry.`,
    );
  }
  const parts = p.split("/").filter((s) => s && s !== ".");
  // macOS resource forks and hidden files are noise, not part of the model.
  if (parts[0] === "__MACOSX" || parts.some((s) => s.startsWith("."))) return null;
  return parts.join("/");
}

/** Entries over this size must not grow more than `maxZipRatio` when unpacked; small ones cannot cost much anyway. */
const RATIO_FLOOR = 1024 * 1024;

const formatSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : formatMb(bytes));

const unreadableZip = () =>
  new AppError(
    "unprocessable",
    "The .zip file could not be read: it is damaged or uses a compression method we do not support.",
  );

/**
 * A .zip read from its central directory only. Nothing is unpacked until
 * `unpack` names the entries the model uses, and each of those is checked
 * first: the total uncompressed size and the compression ratio (a 250 KB zip
 * of zeros once cost 256 MB and seconds of inflating). An entry never
 * inflates past the size it declares, so a lying header cannot make it grow.
 */
export class ZipUpload {
  readonly entries = new Map<string, ZipEntry>();
  private unpacked = 0;
  private readonly done = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: Required<Pick<UploadLimits, "maxUnzippedBytes" | "maxZipEntries" | "maxZipRatio">>,
  ) {
    const tooMany = () =>
      new AppError(
        "unprocessable",
        `The zip has more than ${limits.maxZipEntries} files. Zip only the model and its textures.`,
      );
    let listed: ZipEntry[];
    try {
      listed = listZip(bytes, limits.maxZipEntries, tooMany);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw unreadableZip();
    }
    for (const entry of listed) {
      const clean = cleanZipPath(entry.name);
      if (clean) this.entries.set(clean, entry);
    }
  }

  /** Unpacks the named entries (paths as listed in `entries`); names not in the zip are skipped. */
  unpack(paths: string[]): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const p of paths) {
      const entry = this.entries.get(p);
      if (!entry || this.done.has(p)) continue;
      this.done.add(p);
      this.unpacked += entry.size;
      if (this.unpacked > this.limits.maxUnzippedBytes) {
        throw new AppError(
          "payload_too_large",
          `The zip unpacks to more than ${formatMb(this.limits.maxUnzippedBytes)}, which is more than a product may use.`,
        );
      }
      if (entry.size > RATIO_FLOOR && entry.size > entry.compressedSize * this.limits.maxZipRatio) {
        throw new AppError(
          "unprocessable",
          `"${p}" in the zip would unpack from ${formatSize(entry.compressedSize)} to ${formatMb(entry.size)}, ` +
            "far more than any model file compresses. Zip the model's folder again and retry.",
        );
      }
      try {
        out.set(p, readZipEntry(this.bytes, entry));
      } catch {
        throw unreadableZip();
      }
    }
    return out;
  }
}

/**
 * Works out what was uploaded: one .glb, a .gltf with its resources, or one
 * .zip holding either. Wrong types are 415; ambiguous uploads are 400.
 */
export function collectUpload(input: UploadFile[], uploadLimits: UploadLimits): ModelUpload {
  const limits = fullLimits(uploadLimits);
  if (input.length === 0) throw new AppError("bad_request", `Choose a file to upload. ${ACCEPTED_TYPES_HINT}`);
  const named = input.map((f) => ({ name: cleanName(f.name), bytes: f.bytes }));
  const total = named.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > limits.maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The upload is larger than ${formatMb(limits.maxBytes)}, the most one product may use.`,
    );
  }

  const zips = named.filter((f) => ext(f.name) === ".zip");
  if (zips.length) {
    if (named.length > 1) throw new AppError("bad_request", "Upload a .zip on its own, without other files.");
    const zip = zips[0];
    const unzipped = new ZipUpload(zip.bytes, limits);
    const models = [...unzipped.entries.keys()].filter((n) => MODEL_EXT.has(ext(n)));
    if (models.length === 0)
      throw new AppError("unsupported_media_type", `The zip has no .glb or .gltf file in it. ${ACCEPTED_TYPES_HINT}`);
    if (models.length > 1) {
      throw new AppError(
        "bad_request",
        `The zip holds ${models.length} models (${models.slice(0, 3).join(", ")}). Upload one model at a time.`,
      );
    }
    const files = unzipped.unpack([models[0]]);
    return {
      format: "zip",
      main: models[0],
      files,
      zip: unzipped,
      original: { filename: zip.name, bytes: zip.bytes, contentType: "application/zip" },
    };
  }

  for (const f of named) {
    const e = ext(f.name);
    if (!MODEL_EXT.has(e) && !RESOURCE_EXT.has(e)) throw unsupported(f.name);
  }
  const models = named.filter((f) => MODEL_EXT.has(ext(f.name)));
  if (models.length === 0) throw unsupported(named[0].name);
  if (models.length > 1)
    throw new AppError("bad_request", "Upload one model at a time (one .glb or one .gltf with its files).");
  const files = new Map<string, Uint8Array>();
  for (const f of named) {
    if (files.has(f.name)) throw new AppError("bad_request", `"${f.name}" was selected twice.`);
    files.set(f.name, f.bytes);
  }
  const main = models[0];
  const format = ext(main.name) === ".glb" ? "glb" : "gltf";
  if (named.length === 1) {
    const contentType = format === "glb" ? "model/gltf-binary" : "model/gltf+json";
    return { format, main: main.name, files, original: { filename: main.name, bytes: main.bytes, contentType } };
  }
  // Several files: keep them together as one original, a zip with the same names.
  const zipped = zipSync(Object.fromEntries(named.map((f) => [f.name, f.bytes])), { level: 0 });
  const base = main.name.replace(/\.[^.]+$/, "");
  return {
    format,
    main: main.name,
    files,
    original: { filename: `${base}.zip`, bytes: zipped, contentType: "application/zip" },
  };
}
