// fontkit 2 ships no types; this is the part Galley uses.
declare module 'fontkit' {
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    postscriptName: string;
    characterSet: number[];
    layout(text: string, features?: string[] | Record<string, boolean>): { advanceWidth: number; glyphs: unknown[] };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
