/**
 * Studio's traced picture over the Final raster it started from. The tracer leaves rays that escape the scene
 * transparent (it cannot draw three's solid or gradient backdrop, and it hides the raster-only contact shadows):
 * where it is see-through, the raster's backdrop and contact shadows show, exactly as Final drew them. Both are
 * WebGL readbacks (premultiplied alpha), so "over" is top + bottom * (1 - top alpha), in place on `top`.
 */
export function compositeOver<T extends Uint8Array>(top: T, bottom: Uint8Array): T {
  if (top.length !== bottom.length) throw new Error(`Cannot composite ${top.length} over ${bottom.length} bytes`);
  for (let i = 0; i < top.length; i += 4) {
    const keep = 255 - top[i + 3];
    if (keep === 0) continue;
    for (let c = 0; c < 4; c++) top[i + c] = Math.min(255, top[i + c] + Math.round((bottom[i + c] * keep) / 255));
  }
  return top;
}
