/**
 * A Windows icon (.ico): a 6-byte header, one 16-byte directory entry per image, then the images. Each image
 * is stored as a PNG, which Windows reads in icons since Vista; electron-builder and Electron's nativeImage
 * take such icons as they are.
 */
export interface IcoImage {
  /** Width and height in pixels, 1–256. */
  readonly size: number;
  readonly png: Buffer;
}

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;

export function encodeIco(images: readonly IcoImage[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = HEADER_BYTES + ENTRY_BYTES * images.length;
  const entries = images.map(({ size, png }) => {
    if (!Number.isInteger(size) || size < 1 || size > 256)
      throw new Error(`An icon image cannot be ${size} px`);
    const entry = Buffer.alloc(ENTRY_BYTES);
    entry[0] = size % 256; // 256 is written as 0
    entry[1] = size % 256;
    entry[2] = 0; // no palette
    entry[3] = 0; // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}
