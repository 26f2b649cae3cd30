import fs from "node:fs/promises";
import { ALL_FORMATS, FilePathSource, Input } from "mediabunny";
import type { VideoPreset } from "@/lib/renders/video-presets";
import { ratioLabel } from "@/lib/renders/video-presets";

/**
 * Reads a finished video file back (mediabunny in Node for MP4/WebM, a small block walk for GIF) and says how it
 * differs from what was asked: container and codec, exact size, frame rate, duration and frame count, `moov`
 * before `mdat` (MP4 fast start), a GIF's frame count, size and byte budget, and the destination preset's limits.
 * The worker fails the output with these messages rather than store a silently wrong file.
 */
export type VideoExpectation = {
  container: "mp4" | "webm" | "gif";
  codec: "avc" | "vp9" | "gif";
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** A GIF's byte budget; null: none. */
  maxBytes: number | null;
  preset?: VideoPreset | null;
};

/** A frame rate or duration this close counts as equal (container timescales round). */
const TIME_TOLERANCE = 0.01;

export async function checkVideoFile(file: string, expected: VideoExpectation): Promise<string[]> {
  const problems = expected.container === "gif" ? await checkGif(file, expected) : await checkContainer(file, expected);
  return [...problems, ...presetFit(expected)];
}

/** The preset's own limits, on what the file holds (the request was checked too, but a fallback may differ). */
function presetFit(expected: VideoExpectation): string[] {
  const preset = expected.preset;
  if (!preset) return [];
  const problems: string[] = [];
  const durationS = expected.frames / expected.fps;
  if (expected.container !== preset.format)
    problems.push(`${preset.label} needs ${preset.format.toUpperCase()}, but the file is ${expected.container}`);
  if (durationS < preset.minS - TIME_TOLERANCE || durationS > preset.maxS + TIME_TOLERANCE)
    problems.push(`${preset.label} takes ${preset.minS}-${preset.maxS} s, but the file lasts ${durationS} s`);
  if (preset.format !== "gif" && !preset.fps.includes(expected.fps))
    problems.push(`${preset.label} takes ${preset.fps.join(", ")} fps, not ${expected.fps}`);
  // A GIF is downscaled and may be remade smaller: its ratio is checked, rounded, on the file itself.
  if (preset.format !== "gif" && !preset.ratios.includes(ratioLabel(expected.width, expected.height)))
    problems.push(`${preset.label} takes ${preset.ratios.join(" or ")}, not ${expected.width}x${expected.height}`);
  return problems;
}

async function checkContainer(file: string, expected: VideoExpectation): Promise<string[]> {
  const problems: string[] = [];
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  try {
    const mime = await input.getMimeType().catch(() => "unreadable");
    if (!mime.startsWith(`video/${expected.container}`))
      return [`The file is not a readable ${expected.container.toUpperCase()} (${mime})`];
    const track = await input.getPrimaryVideoTrack();
    if (!track) return ["The file has no video track"];
    const codec = await track.getCodec();
    if (codec !== expected.codec) problems.push(`The video is ${codec ?? "an unknown codec"}, not ${expected.codec}`);
    const [width, height] = [await track.getDisplayWidth(), await track.getDisplayHeight()];
    if (width !== expected.width || height !== expected.height)
      problems.push(`The video is ${width}x${height}, not ${expected.width}x${expected.height}`);
    const stats = await track.computePacketStats();
    if (stats.packetCount !== expected.frames)
      problems.push(`The video has ${stats.packetCount} frames, not ${expected.frames}`);
    if (Math.abs(stats.averagePacketRate - expected.fps) > expected.fps * TIME_TOLERANCE)
      problems.push(`The video runs at ${round(stats.averagePacketRate)} fps, not ${expected.fps}`);
    const first = await track.getFirstTimestamp();
    const durationS = (await input.computeDuration()) - first;
    const wantS = expected.frames / expected.fps;
    if (first !== 0 || Math.abs(durationS - wantS) > Math.max(TIME_TOLERANCE, 0.5 / expected.fps))
      problems.push(`The video lasts ${round(durationS)} s from ${round(first)} s, not ${round(wantS)} s from 0`);
  } finally {
    input.dispose();
  }
  if (expected.container === "mp4") {
    const boxes = await topLevelBoxes(file);
    const moov = boxes.indexOf("moov");
    const mdat = boxes.indexOf("mdat");
    if (moov < 0 || mdat < 0 || moov > mdat)
      problems.push(`The MP4 does not start with its index (boxes: ${boxes.join(", ")}): it would not stream`);
  }
  return problems;
}

/** Top-level MP4 box types in file order, read from their 8- or 16-byte headers only. */
export async function topLevelBoxes(file: string): Promise<string[]> {
  const handle = await fs.open(file, "r");
  try {
    const { size: length } = await handle.stat();
    const boxes: string[] = [];
    const header = Buffer.alloc(16);
    for (let offset = 0; offset + 8 <= length && boxes.length < 64;) {
      await handle.read(header, 0, 16, offset);
      let size = header.readUInt32BE(0);
      boxes.push(header.toString("latin1", 4, 8));
      if (size === 1) size = Number(header.readBigUInt64BE(8));
      if (size === 0) break; // to the end of the file
      if (size < 8) return [...boxes, "(corrupt)"];
      offset += size;
    }
    return boxes;
  } finally {
    await handle.close();
  }
}

/** A GIF's logical size, frame count and total delay, from its blocks (no pixel decoding). */
export function readGifInfo(bytes: Buffer): { width: number; height: number; frames: number; delayCs: number } {
  const signature = bytes.toString("latin1", 0, 6);
  if (signature !== "GIF89a" && signature !== "GIF87a") throw new Error("not a GIF");
  const width = bytes.readUInt16LE(6);
  const height = bytes.readUInt16LE(8);
  let offset = 13;
  const packed = bytes[10];
  if (packed & 0x80) offset += 3 * 2 ** ((packed & 7) + 1);
  const skipSubBlocks = () => {
    while (offset < bytes.length && bytes[offset] !== 0) offset += bytes[offset] + 1;
    offset += 1;
  };
  let frames = 0;
  let delayCs = 0;
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x3b) return { width, height, frames, delayCs };
    if (block === 0x21) {
      const label = bytes[offset + 1];
      if (label === 0xf9) delayCs += bytes.readUInt16LE(offset + 4);
      offset += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const local = bytes[offset + 9];
      offset += 10;
      if (local & 0x80) offset += 3 * 2 ** ((local & 7) + 1);
      offset += 1; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`unexpected block 0x${block.toString(16)} at ${offset}`);
  }
  throw new Error("the GIF has no trailer (truncated)");
}

async function checkGif(file: string, expected: VideoExpectation): Promise<string[]> {
  const bytes = await fs.readFile(file);
  let info: ReturnType<typeof readGifInfo>;
  try {
    info = readGifInfo(bytes);
  } catch (err) {
    return [`The GIF is unreadable: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  if (info.width !== expected.width || info.height !== expected.height)
    problems.push(`The GIF is ${info.width}x${info.height}, not ${expected.width}x${expected.height}`);
  if (info.frames !== expected.frames) problems.push(`The GIF has ${info.frames} frames, not ${expected.frames}`);
  const wantCs = Math.round((expected.frames * 100) / expected.fps);
  if (Math.abs(info.delayCs - wantCs) > 1)
    problems.push(`The GIF lasts ${info.delayCs / 100} s, not ${wantCs / 100} s`);
  if (expected.maxBytes !== null && bytes.length > expected.maxBytes)
    problems.push(`The GIF is ${size(bytes.length)}, over its ${size(expected.maxBytes)} budget`);
  return problems;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const round = (n: number) => Math.round(n * 1000) / 1000;
