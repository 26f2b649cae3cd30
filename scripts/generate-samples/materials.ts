/**
 * PBR material presets. Colours are given as sRGB hex and converted to the
 * linear factors glTF expects.
 */
import type { Document, Material, Texture, vec3, vec4 } from "@gltf-transform/core";
import {
  KHRMaterialsClearcoat,
  KHRMaterialsIOR,
  KHRMaterialsTransmission,
  KHRMaterialsVolume,
} from "@gltf-transform/extensions";

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** "#rrggbb" -> linear RGB, rounded to 4 decimals for stable output. */
export function hex(h: string): vec3 {
  const n = Number.parseInt(h.replace("#", ""), 16);
  const ch = (shift: number) => round4(srgbToLinear(((n >> shift) & 0xff) / 255));
  return [ch(16), ch(8), ch(0)];
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function rgba(c: vec3, a = 1): vec4 {
  return [c[0], c[1], c[2], a];
}

export class MaterialKit {
  // Extensions are registered lazily so a file only declares what it uses.
  private transmissionExt?: KHRMaterialsTransmission;
  private volumeExt?: KHRMaterialsVolume;
  private iorExt?: KHRMaterialsIOR;
  private clearcoatExt?: KHRMaterialsClearcoat;

  constructor(private readonly doc: Document) {}

  private get transmission(): KHRMaterialsTransmission {
    return (this.transmissionExt ??= this.doc.createExtension(KHRMaterialsTransmission));
  }
  private get volume(): KHRMaterialsVolume {
    return (this.volumeExt ??= this.doc.createExtension(KHRMaterialsVolume));
  }
  private get ior(): KHRMaterialsIOR {
    return (this.iorExt ??= this.doc.createExtension(KHRMaterialsIOR));
  }
  private get clearcoat(): KHRMaterialsClearcoat {
    return (this.clearcoatExt ??= this.doc.createExtension(KHRMaterialsClearcoat));
  }

  /** Plain metallic-roughness material. */
  basic(name: string, color: string, metallic: number, roughness: number): Material {
    return this.doc
      .createMaterial(name)
      .setBaseColorFactor(rgba(hex(color)))
      .setMetallicFactor(metallic)
      .setRoughnessFactor(roughness);
  }

  /** Polished or brushed metal (metalness 1). */
  metal(name: string, color: string, roughness: number): Material {
    return this.basic(name, color, 1, roughness);
  }

  /** Glossy paint / plastic with a clear coat layer. */
  lacquer(name: string, color: string, metallic: number, roughness: number, coat = 1, coatRoughness = 0.08): Material {
    const m = this.basic(name, color, metallic, roughness);
    m.setExtension(
      "KHR_materials_clearcoat",
      this.clearcoat.createClearcoat().setClearcoatFactor(coat).setClearcoatRoughnessFactor(coatRoughness),
    );
    return m;
  }

  /**
   * Transmissive dielectric (glass, liquid). `thickness` is the typical wall
   * thickness in metres; attenuation gives the tint in thick sections.
   */
  glass(
    name: string,
    opts: {
      tint: string;
      attenuation: string;
      attenuationDistance: number;
      thickness: number;
      roughness?: number;
      ior?: number;
    },
  ): Material {
    const m = this.doc
      .createMaterial(name)
      .setBaseColorFactor(rgba(hex(opts.tint)))
      .setMetallicFactor(0)
      .setRoughnessFactor(opts.roughness ?? 0.02);
    // Note: KHR_materials_volume requires single-sided, closed meshes.
    m.setExtension("KHR_materials_transmission", this.transmission.createTransmission().setTransmissionFactor(1));
    m.setExtension(
      "KHR_materials_volume",
      this.volume
        .createVolume()
        .setThicknessFactor(opts.thickness)
        .setAttenuationColor(hex(opts.attenuation))
        .setAttenuationDistance(opts.attenuationDistance),
    );
    m.setExtension("KHR_materials_ior", this.ior.createIOR().setIOR(opts.ior ?? 1.5));
    return m;
  }

  /** Material with a base colour texture (PNG bytes). */
  textured(name: string, texture: Texture, metallic: number, roughness: number): Material {
    return this.doc
      .createMaterial(name)
      .setBaseColorFactor([1, 1, 1, 1])
      .setBaseColorTexture(texture)
      .setMetallicFactor(metallic)
      .setRoughnessFactor(roughness);
  }

  texture(name: string, png: Uint8Array): Texture {
    return this.doc.createTexture(name).setImage(png).setMimeType("image/png");
  }
}
