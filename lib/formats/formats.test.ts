import { describe, expect, it } from "vitest";
import { renderFormat } from "@/lib/db/schema/renders";
import { exportRequestSchema } from "@/lib/renders/export-options";
import {
  alphaFormatLabels,
  contentTypeForName,
  IMAGE_FORMAT_IDS,
  IMAGE_FORMATS,
  VIDEO_FORMAT_IDS,
  VIDEO_FORMATS,
} from "./index";

describe("image format registry", () => {
  it("lists the same formats the database accepts", () => {
    expect([...renderFormat.enumValues].sort()).toEqual([...IMAGE_FORMAT_IDS, ...VIDEO_FORMAT_IDS].sort());
  });

  it("gives each stored file its content type from the extension", () => {
    expect(contentTypeForName("can_scene_1x1_1080x1080.png")).toBe("image/png");
    expect(contentTypeForName("a.jpg")).toBe("image/jpeg");
    expect(contentTypeForName("a.webp")).toBe("image/webp");
    expect(contentTypeForName("a.exe")).toBe("application/octet-stream");
    expect(contentTypeForName("turntable.mp4")).toBe("video/mp4");
    for (const id of VIDEO_FORMAT_IDS)
      expect(contentTypeForName(`x.${VIDEO_FORMATS[id].extension}`)).toBe(VIDEO_FORMATS[id].contentType);
    for (const id of IMAGE_FORMAT_IDS)
      expect(contentTypeForName(`x.${IMAGE_FORMATS[id].extension}`)).toBe(IMAGE_FORMATS[id].contentType);
  });

  it("refuses transparency for a format without alpha, naming the ones that have it", () => {
    expect(alphaFormatLabels()).toBe("PNG or WebP");
    const outputs = [{ label: "1:1", width: 100, height: 100 }];
    const jpg = exportRequestSchema.safeParse({ outputs, format: "jpg", transparent: true });
    expect(jpg.success).toBe(false);
    expect(jpg.error?.issues[0].message).toBe("JPG has no transparency: pick PNG or WebP.");
    for (const id of IMAGE_FORMAT_IDS.filter((f) => IMAGE_FORMATS[f].alpha)) {
      expect(exportRequestSchema.safeParse({ outputs, format: id, transparent: true }).success).toBe(true);
    }
    expect(exportRequestSchema.safeParse({ outputs, format: "gif" }).success).toBe(false);
  });
});
