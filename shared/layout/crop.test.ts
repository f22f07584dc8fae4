import { describe, expect, it } from 'vitest';
import { cropPlacement, cropSource, dragCrop } from './crop';

describe('picture crop geometry', () => {
  const frame = { w: 200, h: 100 };

  it('centres a picture covering its frame by default', () => {
    // A square picture in a 2:1 frame: as wide as the frame, half of it hidden, a quarter above and below.
    expect(cropPlacement(1, frame)).toEqual({ x: 0, y: -50, w: 200, h: 200 });
    expect(cropSource({ w: 1000, h: 1000 }, frame)).toEqual({ left: 0, top: 250, width: 1000, height: 500 });
  });

  it('brings the focal point to the centre as far as the edges allow', () => {
    expect(cropPlacement(1, frame, { x: 0.5, y: 0, zoom: 1 }).y).toBe(0);
    expect(cropPlacement(1, frame, { x: 0.5, y: 1, zoom: 1 }).y).toBe(-100);
    expect(cropPlacement(1, frame, { x: 0.5, y: 0.4, zoom: 1 }).y).toBe(-30);
    // At zoom 1 the square picture cannot move sideways: it is exactly as wide as the frame.
    expect(cropPlacement(1, frame, { x: 0, y: 0.5, zoom: 1 }).x).toBe(0);
  });

  it('zooms in around the focal point', () => {
    const p = cropPlacement(1, frame, { x: 0.25, y: 0.25, zoom: 2 });
    expect([p.w, p.h]).toEqual([400, 400]);
    expect([p.x, p.y]).toEqual([0, -50]);
    expect(cropSource({ w: 800, h: 800 }, frame, { x: 0.25, y: 0.25, zoom: 2 })).toEqual({ left: 0, top: 100, width: 400, height: 200 });
  });

  it('drags the picture with the pointer', () => {
    const down = dragCrop(1, frame, { x: 0.5, y: 0.5, zoom: 1 }, 0, 20);
    // Dragging the picture down shows more of its top: the focal point moves up.
    expect(down.y).toBeCloseTo(0.4, 6);
    expect(cropPlacement(1, frame, down).y).toBeCloseTo(-30, 6);
  });
});
