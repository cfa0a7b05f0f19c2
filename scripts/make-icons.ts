/**
 * Draws the dashboard's app icons (a clock face with the 72-hour arc) into client/public/icons as PNG:
 * 192 and 512 pixels, plus maskable versions whose drawing keeps inside the central 80 % safe zone, and
 * a monochrome badge. Run again after changing the drawing: `node --import tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'client', 'public', 'icons');
type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [29, 78, 216, 255];
const FACE: Rgba = [255, 255, 255, 255];
const ARC: Rgba = [161, 38, 13, 255];
const HANDS: Rgba = [22, 24, 29, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function png(size: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The colour at a point of the unit square (0..1), by layers; `scale` shrinks the drawing towards the centre. */
function colourAt(x: number, y: number, options: { background: 'round' | 'full' | 'none'; scale: number; mono: boolean }): Rgba {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy) / options.scale;
  const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI);
  const onSegment = (ax: number, ay: number, width: number) => {
    const t = Math.max(0, Math.min(1, (dx * ax + dy * ay) / (ax * ax + ay * ay)));
    return Math.hypot(dx - t * ax, dy - t * ay) / options.scale < width;
  };
  const ink = options.mono ? FACE : HANDS;
  // Hands at 10 past 10 minus a little: the hour at 72 h's "three quarters gone" mark, the minute up.
  if (r < 0.035 || onSegment(0, -0.3 * options.scale, 0.028) || onSegment(0.2 * options.scale, 0.08 * options.scale, 0.032)) return ink;
  if (r >= 0.36 && r < 0.42 && angle < 1.5 * Math.PI) return options.mono ? FACE : ARC;
  if (!options.mono && r < 0.42) return FACE;
  if (options.background === 'full') return BACKGROUND;
  if (options.background === 'round' && r < 0.5) return BACKGROUND;
  return CLEAR;
}

function draw(size: number, options: Parameters<typeof colourAt>[2]): Buffer {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options);
          // Premultiplied, so edges against transparency do not darken.
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * c[3];
          sum[3]! += c[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3]! / n;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[o + i] = alpha ? Math.round(sum[i]! / sum[3]!) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return png(size, pixels);
}

mkdirSync(out, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(join(out, `icon-${size}.png`), draw(size, { background: 'round', scale: 1, mono: false }));
  // Maskable: the platform cuts any shape out of the full square; everything that matters is within 80 %.
  writeFileSync(join(out, `maskable-${size}.png`), draw(size, { background: 'full', scale: 0.78, mono: false }));
}
writeFileSync(join(out, 'badge-96.png'), draw(96, { background: 'none', scale: 1, mono: true }));
console.log(`icons written to ${out}`);
