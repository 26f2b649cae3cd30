/**
 * Fetches and decodes one environment map per message, off the main thread (./environment-data.ts); the pixels
 * come back transferred, not copied.
 */
import { decodeEnvironment } from "./environment-data";

export type DecodeRequest = { id: number; url: string };
export type DecodeResponse =
  { id: number; ok: true; map: ReturnType<typeof decodeEnvironment> } | { id: number; ok: false; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage: (message: DecodeResponse, transfer?: Transferable[]) => void;
};

scope.onmessage = async ({ data: { id, url } }) => {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const map = decodeEnvironment(await response.arrayBuffer());
    scope.postMessage({ id, ok: true, map }, [map.data.buffer]);
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
