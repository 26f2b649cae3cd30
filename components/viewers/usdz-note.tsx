/**
 * What the iPhone AR copy (the USDZ Plinth makes with three's USDZExporter) leaves out, said before anyone is
 * surprised by it in a customer's room.
 */
export function UsdzNote() {
  return (
    <p className="text-xs text-ink-muted" data-testid="usdz-note">
      On iPhone and iPad, “View in your room” opens a USDZ copy Plinth makes for Quick Look: one colourway (the one the
      viewer opens in), textures up to 1024 px, still models only. It cannot carry animations, morph targets or effects
      such as glass (transmission), clearcoat and sheen.
    </p>
  );
}
