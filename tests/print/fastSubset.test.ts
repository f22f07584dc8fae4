/**
 * The fast glyph copy of server/print/fastSubset.ts gives the same subset
 * bytes as fontkit's own, for the fonts the print renderer embeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { speedUpSubset } from '../../server/print/fastSubset';

const FONTS = [
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf',
  path.resolve(process.cwd(), 'node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf'),
  path.resolve(process.cwd(), 'node_modules/@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf'),
];

// Both languages' letters, accented ones (often composite glyphs), figures and punctuation.
const TEXT = 'The quick brown fox jumps over the lazy dog. ¿Qué pasó en la señal? ¡Añádelo! Ça, über, naïve — «1.500» 2026 “x” ÁÉÍÓÚÑÜ áéíóúñü';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
interface GlyphData {
  numberOfContours: number;
}

function subsetBytes(file: string, fast: boolean): { bytes: Uint8Array; composite: number; simple: number } {
  const font = fontkit.create(fs.readFileSync(file)) as unknown as fontkit.Font & { createSubset(): Subset };
  const subset = font.createSubset();
  if (fast) expect(speedUpSubset(subset), path.basename(file)).toBe(true);
  let composite = 0;
  let simple = 0;
  for (const glyph of font.layout(TEXT).glyphs as { id: number }[]) {
    subset.includeGlyph(glyph.id);
    const data = (glyph as unknown as { _decode(): GlyphData | null })._decode();
    if (data && data.numberOfContours < 0) composite++;
    else if (data) simple++;
  }
  return { bytes: subset.encode(), composite, simple };
}

describe('speedUpSubset', () => {
  it('encodes the same subset bytes as fontkit, composite glyphs included', () => {
    let composites = 0;
    for (const file of FONTS) {
      const reference = subsetBytes(file, false);
      const fast = subsetBytes(file, true);
      expect(reference.simple, path.basename(file)).toBeGreaterThan(20);
      composites += reference.composite;
      expect(fast.bytes.length, path.basename(file)).toBe(reference.bytes.length);
      expect(Buffer.from(fast.bytes).equals(Buffer.from(reference.bytes)), path.basename(file)).toBe(true);
    }
    // The path that falls back to fontkit is exercised too.
    expect(composites).toBeGreaterThan(0);
  });
});
