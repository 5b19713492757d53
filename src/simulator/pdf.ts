/**
 * Result PDFs: small, real, and optionally padded to any size.
 *
 * The document itself comes from pdf-lib. Padding is an incremental update appended after it (an extra,
 * unreferenced stream object, a new xref section and trailer with `/Prev`), which any PDF reader accepts
 * and which lets the padding be streamed chunk by chunk with an exact, precomputed Content-Length.
 *
 * @internal
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { type Body, type ChunkedBody } from './response';

export interface PdfContent {
  readonly title: string;
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
  readonly note: string;
  /** Creation date written into the metadata, so equal content gives equal bytes. */
  readonly date: Date;
}

export const renderPdf = async (content: PdfContent): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  doc.setTitle(content.title);
  doc.setProducer('planviewer-rx simulator');
  doc.setCreator('planviewer-rx simulator');
  doc.setCreationDate(content.date);
  doc.setModificationDate(content.date);
  const page = doc.addPage([595.28, 841.89]); // A4
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  page.drawText(winAnsi(content.title), { x: 56, y, size: 20, font: bold, color: rgb(0.1, 0.2, 0.4) });
  y -= 40;
  for (const [label, value] of content.rows) {
    page.drawText(winAnsi(label), { x: 56, y, size: 11, font: bold });
    page.drawText(winAnsi(value), { x: 170, y, size: 11, font: regular });
    y -= 20;
  }
  page.drawText(winAnsi(content.note), { x: 56, y: 60, size: 9, font: regular, color: rgb(0.4, 0.4, 0.4) });
  // A classic xref table (no object streams) so padPdf can read the trailer with a regular expression.
  return doc.save({ useObjectStreams: false });
};

/** Standard fonts only cover WinAnsi; replace anything else rather than throw in the middle of a download. */
const winAnsi = (text: string): string => text.replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014]/g, '?');

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
