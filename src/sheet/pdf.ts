/**
 * A minimal PDF of one A4 page showing one image, written by hand: a catalog, a page, the image
 * (RGB, Flate-compressed with node:zlib) and the one drawing command that fills the page with
 * it. The sheet's PDF is its rendered page, so it looks exactly like the PNG and needs no PDF
 * library and no font embedding; its text cannot be selected (the printable page's can).
 */
import { deflateSync } from "node:zlib";

/** A4 in PDF points (1/72 inch). */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;

/** Raw pixels as resvg renders them: RGBA, 8 bits a channel, row by row from the top. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Buffer;
}

/** A one-page A4 PDF showing `image` over the whole page (alpha is dropped onto white), titled `title`. */
export function imagePdf(image: RgbaImage, title: string): Buffer {
  const rgb = Buffer.alloc(image.width * image.height * 3);
  for (let source = 0, target = 0; source < image.pixels.length; source += 4, target += 3) {
    const alpha = (image.pixels[source + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++) rgb[target + c] = Math.round((image.pixels[source + c] ?? 255) * alpha + 255 * (1 - alpha));
  }
  const data = deflateSync(rgb);
  const { width, height } = A4_POINTS;
  const content = Buffer.from(`q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q\n`, "latin1");
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>", "latin1"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "latin1"),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
      "latin1",
    ),
    stream(
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`,
      data,
    ),
    stream(`<< /Length ${content.length} >>`, content),
    Buffer.from(`<< /Title <${utf16Hex(title)}> /Producer (WILL note) >>`, "latin1"),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  return Buffer.concat([...parts, Buffer.from(xref, "latin1")]);
}

function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${dictionary}\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]);
}

/** A PDF text string in UTF-16BE with its byte order mark, as hex. */
function utf16Hex(text: string): string {
  const units = [0xfeff, ...text.split("").map((unit) => unit.charCodeAt(0))];
  const bytes = Buffer.alloc(units.length * 2);
  units.forEach((unit, i) => bytes.writeUInt16BE(unit, i * 2));
  return bytes.toString("hex").toUpperCase();
}
