import { decode } from 'fast-png';

/** Pixels darker than near-white (any channel below 200) in rows [y0, y1) of a PNG: ink a person would see. */
export function inked(png: Uint8Array, y0: number, y1: number): number {
  const img = decode(png);
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * img.channels;
      if ((img.data[i] ?? 255) < 200 || (img.data[i + 1] ?? 255) < 200 || (img.data[i + 2] ?? 255) < 200) n++;
    }
  return n;
}
