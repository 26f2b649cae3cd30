import fs from "node:fs";
import path from "node:path";
import { DataUtils, HalfFloatType, RGBAFormat } from "three";
import { EXRLoader } from "three-stdlib";
import { describe, expect, it } from "vitest";
import { decodeEnvironment, type EnvironmentData } from "./environment-data";

const exr = (id: string) => {
  const bytes = fs.readFileSync(path.join(__dirname, "../../public/environments", `${id}.exr`));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

/** Mean linear RGB of a half-float RGBA map. */
function meanColour({ data }: EnvironmentData): [number, number, number] {
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += DataUtils.fromHalfFloat(data[i + c]);
  return sum.map((s) => s / (data.length / 4)) as [number, number, number];
}
const spread = (c: readonly number[]) => Math.max(...c) / Math.min(...c);

describe("decodeEnvironment (what the scene's HDRI worker sends back)", () => {
  it("decodes a shipped HDRI as EXRLoader does: half-float RGBA at its full size", () => {
    const map = decodeEnvironment(exr("studio"));
    expect([map.width, map.height, map.format, map.type]).toEqual([512, 256, RGBAFormat, HalfFloatType]);
    expect(map.data).toBeInstanceOf(Uint16Array);
    expect(map.data.length).toBe(512 * 256 * 4);
  });

  it("white-balances the map: the park's blue cast is mostly gone", () => {
    const raw = new EXRLoader().parse(exr("park")) as unknown as EnvironmentData;
    const before = spread(meanColour(raw));
    const after = spread(meanColour(decodeEnvironment(exr("park"))));
    expect(before).toBeGreaterThan(1.1);
    expect(after - 1).toBeLessThan((before - 1) * 0.5);
  });
});
