/**
 * The files of an image message, checked against LINE's limits ({@link LINE_LIMITS}) and the
 * pixel bounds the bot keeps: the 振り返りシート's PNG and its preview are checked with these in
 * tests and before they are served.
 */
import { LINE_LIMITS } from "./limits";

/**
 * Pixel sizes the bot keeps its image messages within. LINE's current reference names the
 * format, https and the file sizes of an image message but no pixel size; older references gave
 * 1024 × 1024 for the original and 240 × 240 for the preview, which LINE's apps no longer
 * hold to. These bounds keep the original sharp enough to print and read when zoomed, and the
 * preview light for the chat: the original at most 2048 px a side, the preview at most 1024.
 */
export const IMAGE_MESSAGE_PIXELS = { maxOriginalSide: 2048, maxPreviewSide: 1024, minSide: 100 } as const;

/** Which file of an image message: the one opened on a tap, or the one shown in the chat. */
export type ImageRole = "original" | "preview";

/**
 * What LINE (or the bounds above) would not take in an image message's file: the format (PNG or
 * JPEG), the file size for its `role`, and its pixel size. Empty when the file is fine.
 */
export function checkImageFile(data: Buffer, role: ImageRole): string[] {
  const problems: string[] = [];
  const size = imageSize(data);
  if (size === null) return [`the ${role} is neither a PNG nor a JPEG`];
  const maxBytes = role === "original" ? LINE_LIMITS.maxImageBytes : LINE_LIMITS.maxPreviewImageBytes;
  if (data.length > maxBytes) problems.push(`the ${role} is ${data.length} bytes (max ${maxBytes})`);
  const maxSide = role === "original" ? IMAGE_MESSAGE_PIXELS.maxOriginalSide : IMAGE_MESSAGE_PIXELS.maxPreviewSide;
  const { width, height } = size;
  if (Math.max(width, height) > maxSide || Math.min(width, height) < IMAGE_MESSAGE_PIXELS.minSide) {
    problems.push(`the ${role} is ${width} × ${height} px (sides from ${IMAGE_MESSAGE_PIXELS.minSide} to ${maxSide})`);
  }
  return problems;
}

/** The pixel size of a PNG or JPEG, or null when `data` is neither. */
export function imageSize(data: Buffer): { width: number; height: number } | null {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length >= 24 && data.subarray(0, 8).equals(png)) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  for (let at = 2; at + 9 < data.length;) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] ?? 0;
    const length = data.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
    }
    at += 2 + length;
  }
  return null;
}
