// Draws the two Teams app icons (manifest/teams/color.png and outline.png) without an image library:
// the letters "CK" from a 5×7 pixel font with an underline bar, written as PNG chunks by hand.
// Run once with `npx tsx scripts/make-teams-icons.ts`; the PNGs are kept in the repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const NAVY: Rgba = [0x00, 0x22, 0x44, 255]; // accentColor #002244
const WHITE: Rgba = [0xff, 0xff, 0xff, 255];
const LIGHT_BLUE: Rgba = [0x00, 0x9f, 0xda, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

// "CK" on an 11×7 grid (C, one empty column, K); '#' is ink.
const GLYPHS = [
  '.####.#...#',
  '#.....#..#.',
  '#.....#.#..',
  '#.....##...',
  '#.....#.#..',
  '#.....#..#.',
  '.####.#...#',
];
const COLS = GLYPHS[0]!.length;
const ROWS = GLYPHS.length;

/** An RGBA canvas, row-major, 4 bytes a pixel. */
class Canvas {
  readonly data: Uint8Array;
  constructor(readonly size: number, fill: Rgba) {
    this.data = new Uint8Array(size * size * 4);
    this.rect(0, 0, size, size, fill);
  }
  rect(x: number, y: number, w: number, h: number, c: Rgba): void {
    for (let j = y; j < y + h; j++) {
      for (let i = x; i < x + w; i++) this.data.set(c, (j * this.size + i) * 4);
    }
  }
}

/** The motif: the letters drawn cell by cell with rectangles, centred, with a bar under them. */
function drawMotif(canvas: Canvas, cell: number, barHeight: number, ink: Rgba, bar: Rgba): void {
  const width = COLS * cell;
  const height = ROWS * cell + cell + barHeight; // letters, a gap of one cell, the bar
  const x0 = Math.floor((canvas.size - width) / 2);
  const y0 = Math.floor((canvas.size - height) / 2);
  GLYPHS.forEach((row, r) => {
    [...row].forEach((ch, c) => {
      if (ch === '#') canvas.rect(x0 + c * cell, y0 + r * cell, cell, cell, ink);
    });
  });
  canvas.rect(x0, y0 + ROWS * cell + cell, width, barHeight, bar);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  typeAndBody.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndBody), 8 + body.length);
  return out;
}

/** A PNG of the canvas: colour type 6 (RGBA) when alpha matters, else 2 (RGB, opaque). */
export function encodePng(canvas: Canvas, withAlpha: boolean): Buffer {
  const channels = withAlpha ? 4 : 3;
  const { size, data } = canvas;
  const raw = Buffer.alloc(size * (1 + size * channels));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (1 + size * channels);
    raw[rowStart] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = rowStart + 1 + x * channels;
      for (let k = 0; k < channels; k++) raw[dst + k] = data[src + k]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = withAlpha ? 6 : 2; // colour type
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function makeIcons(): { color: Buffer; outline: Buffer } {
  const color = new Canvas(192, NAVY);
  drawMotif(color, 12, 8, WHITE, LIGHT_BLUE);
  const outline = new Canvas(32, CLEAR);
  drawMotif(outline, 2, 2, WHITE, WHITE);
  return { color: encodePng(color, false), outline: encodePng(outline, true) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = fileURLToPath(new URL('../manifest/teams/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const { color, outline } = makeIcons();
  writeFileSync(`${dir}color.png`, color);
  writeFileSync(`${dir}outline.png`, outline);
  console.log(`wrote ${dir}color.png (192×192) and ${dir}outline.png (32×32)`);
}
