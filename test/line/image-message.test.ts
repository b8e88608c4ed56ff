/**
 * Image messages (the 振り返りシート): what the renderer sends, what LINE's checker refuses in a
 * request, and what it refuses in the files themselves (format, bytes, pixels).
 */
import { checkImageFile, imageSize } from "../../src/line/image-limits";
import { checkMessages, findLimitViolations, LINE_LIMITS } from "../../src/line/limits";
import { renderReplies } from "../../src/line/render";

/** The first bytes of a PNG of `width` × `height`, padded to `bytes`. */
function png(width: number, height: number, bytes = 64): Buffer {
  const data = Buffer.alloc(bytes);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
  data.write("IHDR", 12, "latin1");
  data.writeUInt32BE(width, 16);
  data.writeUInt32BE(height, 20);
  return data;
}

/** A JPEG's start: SOI, then a baseline frame header of `width` × `height`. */
function jpeg(width: number, height: number): Buffer {
  const frame = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), frame, Buffer.alloc(16)]);
}

describe("an image message", () => {
  const https = { url: "https://example.com/sheet/abc/sheet.png", previewUrl: "https://example.com/sheet/abc/preview.png" };

  it("is rendered with its original and preview URLs and passes LINE's checks", () => {
    const messages = renderReplies([{ type: "image", ...https }]);
    expect(messages).toEqual([{ type: "image", originalContentUrl: https.url, previewImageUrl: https.previewUrl }]);
    expect(checkMessages(messages)).toEqual([]);
  });

  it("becomes a text … rather than a request LINE would refuse when a URL is not https or too long", () => {
    const long = `https://example.com/${"a".repeat(LINE_LIMITS.maxImageUrlLength)}`;
    expect(renderReplies([{ type: "image", url: "http://example.com/a.png", previewUrl: https.previewUrl }])[0]).toEqual({
      type: "text",
      text: "…",
    });
    expect(renderReplies([{ type: "image", url: https.url, previewUrl: long }])[0]).toEqual({ type: "text", text: "…" });
  });

  it("is refused by the checker with a non-https URL, unless it is the local stack's and the stand-in allows that", () => {
    const local = [
      {
        type: "image",
        originalContentUrl: "http://127.0.0.1:8080/sheet/a/sheet.png",
        previewImageUrl: "http://127.0.0.1:8080/sheet/a/preview.png",
      },
    ];
    expect(checkMessages(local)).toHaveLength(2);
    expect(findLimitViolations(local, { loopbackImageUrls: true })).toEqual([]);
    expect(
      findLimitViolations([{ ...local[0], originalContentUrl: "http://example.com/a.png" }], { loopbackImageUrls: true }),
    ).toHaveLength(1);
    expect(checkMessages([{ type: "image", originalContentUrl: https.url }])).toEqual(["messages[0].previewImageUrl is missing"]);
  });
});

describe("an image message's files", () => {
  it("reads the pixel size of a PNG and of a JPEG, and nothing of other bytes", () => {
    expect(imageSize(png(1240, 1754))).toEqual({ width: 1240, height: 1754 });
    expect(imageSize(jpeg(800, 600))).toEqual({ width: 800, height: 600 });
    expect(imageSize(Buffer.from("GIF89a and more bytes here"))).toBeNull();
  });

  it("refuses a preview over 1 MB or 1024 pixels a side, and an original over 2048 pixels a side", () => {
    expect(checkImageFile(png(480, 679), "preview")).toEqual([]);
    expect(checkImageFile(png(480, 679, LINE_LIMITS.maxPreviewImageBytes + 1), "preview")).toHaveLength(1);
    expect(checkImageFile(png(1240, 1754), "preview")).toHaveLength(1);
    expect(checkImageFile(png(1240, 1754), "original")).toEqual([]);
    expect(checkImageFile(png(4096, 4096), "original")).toHaveLength(1);
    expect(checkImageFile(Buffer.from("not an image at all"), "original")).toEqual(["the original is neither a PNG nor a JPEG"]);
  });
});
