/**
 * The little of the PNG format the rich menu needs, without a rasterizer: the size from the
 * header, text chunks, and the source hash the image carries, so the deploy and the LINE
 * stand-in can check an image and a test can tell a stale one.
 */
import { crc32 } from "node:zlib";

/** The PNG text-chunk keyword that holds the SHA-256 of the SVG an image was drawn from. */
export const SOURCE_HASH_KEYWORD = "will-note:source-sha256";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What {@link readPngInfo} finds in a PNG's header and text chunks. */
export interface PngInfo {
  width: number;
  height: number;
  /** Text chunks (`tEXt`), keyword to text. */
  text: Record<string, string>;
}

/** The size and text chunks of a PNG, or null when `data` is not a PNG. */
export function readPngInfo(data: Buffer): PngInfo | null {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString("latin1", 12, 16) !== "IHDR") return null;
  const info: PngInfo = { width: data.readUInt32BE(16), height: data.readUInt32BE(20), text: {} };
  for (let at = 8; at + 12 <= data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString("latin1", at + 4, at + 8);
    if (type === "tEXt") {
      const body = data.subarray(at + 8, at + 8 + length);
      const split = body.indexOf(0);
      if (split > 0) info.text[body.toString("latin1", 0, split)] = body.toString("latin1", split + 1);
    }
    if (type === "IEND") break;
    at += 12 + length;
  }
  return info;
}

/** True when `png` was rendered from an SVG whose hash is `hash`. */
export function isImageCurrent(png: Buffer, hash: string): boolean {
  return readPngInfo(png)?.text[SOURCE_HASH_KEYWORD] === hash;
}

/** `png` with a `tEXt` chunk inserted right after its header. */
export function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const type = Buffer.from("tEXt", "latin1");
  const body = Buffer.concat([Buffer.from(keyword, "latin1"), Buffer.from([0]), Buffer.from(text, "latin1")]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, body])));
  const headerEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, headerEnd), length, type, body, crc, png.subarray(headerEnd)]);
}
