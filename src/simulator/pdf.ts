/**
 * Result PDFs: small, real, and optionally padded to any size.
 *
 * The document is written here by hand (one A4 page of text in the standard Helvetica fonts, which every
 * reader has built in), so the simulator needs no PDF library: a PDF of this kind is a handful of objects
 * and a cross-reference table of their byte offsets. Padding is an incremental update appended after it
 * (an extra, unreferenced stream object, a new xref section and trailer with `/Prev`), which any PDF reader
 * accepts and which lets the padding be streamed chunk by chunk with an exact, precomputed Content-Length.
 *
 * @internal
 */
import { type Body, type ChunkedBody } from './response';

export interface PdfContent {
  readonly title: string;
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
  readonly note: string;
  /** Creation date written into the metadata, so equal content gives equal bytes. */
  readonly date: Date;
}

/** The standard fonts' WinAnsi encoding: Latin-1 plus the dashes; anything else becomes `?`. */
const winAnsiBytes = (text: string): Buffer =>
  Buffer.from(
    [...text]
      .map((c) =>
        c === '\u2013' ? '\x96' : c === '\u2014' ? '\x97' : /[\x20-\x7e\u00a0-\u00ff]/.test(c) ? c : '?',
      )
      .join(''),
    'latin1',
  );

/** A PDF literal string `( … )` of WinAnsi bytes, with the three characters that need it escaped. */
const literal = (text: string): string =>
  `(${winAnsiBytes(text)
    .toString('latin1')
    .replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A text string for the document information (any Unicode): UTF-16BE with a byte order mark, in hex. */
const textString = (text: string): string => {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
};

const pdfDate = (d: Date): string => `(D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;

const showText = (
  font: 'F1' | 'F2',
  size: number,
  x: number,
  y: number,
  text: string,
  rgb?: string,
): string => `BT /${font} ${size} Tf ${rgb ?? '0 0 0'} rg ${x} ${y} Td ${literal(text)} Tj ET`;

export const renderPdf = async (content: PdfContent): Promise<Uint8Array> => {
  const lines = [showText('F2', 20, 56, 780, content.title, '0.1 0.2 0.4')];
  content.rows.forEach(([label, value], i) => {
    const y = 740 - 20 * i;
    lines.push(showText('F2', 11, 56, y, label), showText('F1', 11, 170, y, value));
  });
  lines.push(showText('F1', 9, 56, 60, content.note, '0.4 0.4 0.4'));
  const stream = Buffer.from(lines.join('\n'), 'latin1');
  const font = (name: string): string =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] ' +
        '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    ),
    Buffer.from(font('Helvetica')),
    Buffer.from(font('Helvetica-Bold')),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.byteLength} >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(
      `<< /Title ${textString(content.title)} /Producer ${textString('planviewer-rx simulator')} ` +
        `/Creator ${textString('planviewer-rx simulator')} /CreationDate ${pdfDate(content.date)} ` +
        `/ModDate ${pdfDate(content.date)} >>`,
    ),
  ];
  // The comment's high bytes tell transfer tools the file is binary, as the PDF specification suggests.
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.byteLength;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    parts.push(obj);
    offset += obj.byteLength;
  });
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, and a 2-byte end of line.
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
};

const CHUNK = 64 * 1024;
const FILLER = Buffer.alloc(CHUNK, 'planviewer-rx simulator padding\n');

/**
 * `pdf` grown to exactly `targetBytes` (if it is smaller) by an appended padding object; otherwise `pdf`.
 */
export const padPdf = (pdf: Uint8Array, targetBytes: number): Body => {
  if (targetBytes <= pdf.byteLength) return pdf;
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.byteLength - 1024))).toString('latin1');
  const prevXref = lastMatch(tail, /startxref\s+(\d+)/g);
  const size = lastMatch(tail, /\/Size\s+(\d+)/g);
  const root = lastMatch(tail, /\/Root\s+(\d+\s+\d+\s+R)/g);
  const info = lastMatch(tail, /\/Info\s+(\d+\s+\d+\s+R)/g);
  if (prevXref === undefined || size === undefined || root === undefined) return pdf;
  const objectNumber = Number(size);
  const objectOffset = pdf.byteLength + 1;
  const head = (length: number): Buffer =>
    Buffer.from(`\n${objectNumber} 0 obj\n<< /Length ${length} >>\nstream\n`);
  const foot = (length: number): Buffer => {
    const xrefOffset = objectOffset + head(length).byteLength - 1 + length + '\nendstream\nendobj\n'.length;
    return Buffer.from(
      `\nendstream\nendobj\n` +
        `xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
        `trailer\n<< /Size ${objectNumber + 1} /Root ${root}${info === undefined ? '' : ` /Info ${info}`}` +
        ` /Prev ${prevXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`,
    );
  };
  // The head and foot contain numbers that depend on the padding length; two rounds settle the digits.
  let padding = 0;
  for (let round = 0; round < 3; round++) {
    padding = targetBytes - pdf.byteLength - head(padding).byteLength - foot(padding).byteLength;
  }
  if (padding < 0) return pdf;
  const before = head(padding);
  const after = foot(padding);
  const total = pdf.byteLength + before.byteLength + padding + after.byteLength;
  if (total !== targetBytes) return pdf;
  const body: ChunkedBody = {
    length: total,
    *chunks() {
      yield pdf;
      yield before;
      for (let left = padding; left > 0; left -= CHUNK)
        yield left >= CHUNK ? FILLER : FILLER.subarray(0, left);
      yield after;
    },
  };
  return body;
};

/** `text` followed by spaces up to `targetBytes`: still the same JSON document. */
export const padText = (text: Buffer, targetBytes: number): Body => {
  if (targetBytes <= text.byteLength) return text;
  const spaces = Buffer.alloc(CHUNK, ' ');
  const padding = targetBytes - text.byteLength;
  return {
    length: targetBytes,
    *chunks() {
      yield text;
      for (let left = padding; left > 0; left -= CHUNK)
        yield left >= CHUNK ? spaces : spaces.subarray(0, left);
    },
  };
};

const lastMatch = (text: string, pattern: RegExp): string | undefined => {
  let found: string | undefined;
  for (const m of text.matchAll(pattern)) found = m[1];
  return found;
};
