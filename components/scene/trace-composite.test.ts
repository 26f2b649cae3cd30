import { describe, expect, it } from "vitest";
import { compositeOver } from "./trace-composite";

describe("compositeOver (Studio's traced picture over the Final raster)", () => {
  it("keeps opaque traced pixels, shows the raster where the trace is empty, and blends in between", () => {
    const traced = new Uint8Array([200, 10, 10, 255, 0, 0, 0, 0, 64, 0, 0, 128]);
    const raster = new Uint8Array([0, 0, 255, 255, 30, 60, 90, 255, 0, 200, 0, 255]);
    expect([...compositeOver(traced, raster)]).toEqual([200, 10, 10, 255, 30, 60, 90, 255, 64, 100, 0, 255]);
  });
});
