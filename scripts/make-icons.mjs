/**
 * Draws the add-in's icons (a table with a check mark on Excel green) as PNG files in assets/.
 * Run with `node scripts/make-icons.mjs`; the outputs are committed. No image library: shapes are
 * rasterised with 4×4 supersampling and written as PNG with node:zlib.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [16, 32, 64, 80];
const GREEN = [0x10, 0x7c, 0x41];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (size × size × 4) to PNG bytes. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function insideRoundedRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [0.44, 0.66],
  [0.58, 0.8],
  [0.86, 0.46],
];

/** The colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(x, y, size) {
  if (!insideRoundedRect(x, y, 0.18)) return null;
  const onCheck = (width) => distanceToSegment(x, y, CHECK[0], CHECK[1]) <= width / 2 || distanceToSegment(x, y, CHECK[1], CHECK[2]) <= width / 2;
  if (onCheck(0.12)) return WHITE;
  if (onCheck(0.24)) return GREEN;
  // A table: a filled header row and grid lines, at least one pixel wide at every size.
  const line = Math.max(0.05, 1 / size);
  const xs = [0.14, 0.33, 0.52, 0.71];
  const ys = [0.18, 0.34, 0.5, 0.66, 0.82];
  const inTable = x >= xs[0] - line / 2 && x <= xs[3] + line / 2 && y >= ys[0] - line / 2 && y <= ys[4] + line / 2;
  if (!inTable) return GREEN;
  if (y <= ys[1]) return WHITE;
  if (xs.some((v) => Math.abs(x - v) <= line / 2) || ys.some((v) => Math.abs(y - v) <= line / 2)) return WHITE;
  return GREEN;
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[i] = Math.round(r / covered);
      rgba[i + 1] = Math.round(g / covered);
      rgba[i + 2] = Math.round(b / covered);
      rgba[i + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return png(size, rgba);
}

mkdirSync(join(root, 'assets'), { recursive: true });
for (const size of SIZES) {
  const file = join(root, 'assets', `icon-${size}.png`);
  writeFileSync(file, draw(size));
  console.log(`wrote ${file}`);
}
