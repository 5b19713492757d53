import { PDFDocument } from 'pdf-lib';
import { padPdf, padText, renderPdf } from '../../src/simulator/pdf';
import { bodyChunks, bodyLength } from '../../src/simulator/response';

const collect = (body: ReturnType<typeof padPdf>): Buffer => Buffer.concat([...bodyChunks(body)]);

describe('renderPdf and padPdf', () => {
  const content = {
    title: 'Bestemmingsplanrapport',
    rows: [['Adres', 'Voorbeeldstraat 2, 1234AB Plaats'] as const],
    note: 'simulated',
    date: new Date('2026-01-05T09:00:00Z'),
  };

  it('renders a small valid PDF, the same bytes for the same content', async () => {
    const pdf = await renderPdf(content);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.byteLength).toBeLessThan(10_000);
    expect(Buffer.compare(Buffer.from(pdf), Buffer.from(await renderPdf(content)))).toBe(0);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Bestemmingsplanrapport');
  });

  it('pads to exactly the requested size and stays a valid PDF', async () => {
    const pdf = await renderPdf(content);
    for (const target of [pdf.byteLength + 200, 100_000, 300_001]) {
      const padded = padPdf(pdf, target);
      expect(bodyLength(padded)).toBe(target);
      const bytes = collect(padded);
      expect(bytes.byteLength).toBe(target);
      expect(bytes.subarray(-6).toString()).toBe('%%EOF\n');
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
    }
    expect(padPdf(pdf, 10)).toBe(pdf);
  });

  it('pads JSON with whitespace', () => {
    const padded = padText(Buffer.from('{"a":1}'), 1_000);
    const text = collect(padded).toString();
    expect(text).toHaveLength(1_000);
    expect(JSON.parse(text)).toEqual({ a: 1 });
  });
});
