/**
 * A macOS icon (.icns): the magic 'icns' and the file's length, then one block per image, each a 4-letter
 * type, the block's length (header included) and a PNG. PNG blocks are what macOS 10.7+ reads, and what
 * iconutil writes for these types; each type stands for one pixel size (the @2x types reuse the pixels of
 * the next size up).
 */
export const ICNS_TYPES: readonly { readonly type: string; readonly size: number }[] = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 }, // 512@2x
  { type: 'ic11', size: 32 }, // 16@2x
  { type: 'ic12', size: 64 }, // 32@2x
  { type: 'ic13', size: 256 }, // 128@2x
  { type: 'ic14', size: 512 }, // 256@2x
];

/** The .icns holding `pngOfSize(size)` for every type above. */
export function encodeIcns(pngOfSize: (size: number) => Buffer): Buffer {
  const blocks = ICNS_TYPES.map(({ type, size }) => {
    const png = pngOfSize(size);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + blocks.reduce((total, block) => total + block.length, 0), 4);
  return Buffer.concat([header, ...blocks]);
}

/** The blocks of an .icns: type and data, in file order. */
export function readIcns(icns: Buffer): { type: string; data: Buffer }[] {
  if (icns.toString('ascii', 0, 4) !== 'icns') throw new Error('Not an .icns file');
  const blocks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < icns.readUInt32BE(4);) {
    const length = icns.readUInt32BE(offset + 4);
    blocks.push({
      type: icns.toString('ascii', offset, offset + 4),
      data: icns.subarray(offset + 8, offset + length),
    });
    offset += length;
  }
  return blocks;
}
