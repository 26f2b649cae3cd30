/**
 * A three.js loader (for R3F's useLoader) of the scene's HDRIs that fetches and decodes them in a worker
 * (./environment-prefetch.ts; a page may have started the decode already) and builds the texture exactly as
 * EXRLoader's load does: the same pixels (the same decoder, white-balanced by the same code), filters, orientation
 * and colour space.
 */
import {
  ClampToEdgeWrapping,
  DataTexture,
  LinearFilter,
  Loader,
  type AnyPixelFormat,
  type ColorSpace,
  type TextureDataType,
} from "three";
import { decodeEnvironmentFile } from "./environment-prefetch";

export class EnvironmentLoader extends Loader<DataTexture> {
  load(
    url: string,
    onLoad: (texture: DataTexture) => void,
    _onProgress?: (event: ProgressEvent) => void,
    onError?: (error: unknown) => void,
  ): DataTexture {
    const texture = new DataTexture();
    this.manager.itemStart(url);
    decodeEnvironmentFile(this.manager.resolveURL(url)).then(
      (map) => {
        // What DataTextureLoader.load and EXRLoader.load set for an EXR.
        texture.image = { data: map.data, width: map.width, height: map.height };
        texture.wrapS = ClampToEdgeWrapping;
        texture.wrapT = ClampToEdgeWrapping;
        texture.anisotropy = 1;
        texture.format = map.format as AnyPixelFormat;
        texture.type = map.type as TextureDataType;
        if (map.colorSpace !== undefined) texture.colorSpace = map.colorSpace as ColorSpace;
        texture.minFilter = LinearFilter;
        texture.magFilter = LinearFilter;
        texture.generateMipmaps = false;
        texture.flipY = false;
        texture.needsUpdate = true;
        onLoad(texture);
        this.manager.itemEnd(url);
      },
      (error) => {
        onError?.(error);
        this.manager.itemError(url);
        this.manager.itemEnd(url);
      },
    );
    return texture;
  }
}
