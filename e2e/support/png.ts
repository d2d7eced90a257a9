import { PNG } from 'pngjs';

/** A screenshot's pixels, RGBA row by row (pngjs decodes every colour type to RGBA). */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

export function decodePng(png: Buffer): DecodedPng {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, channels: 4, pixels: image.data };
}
