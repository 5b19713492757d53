import { PDFDocument } from 'pdf-lib';
import { padPdf, padText, renderPdf } from '../../src/simulator/pdf';
import { bodyChunks, bodyLength } from '../../src/simulator/response';

const collect = (body: ReturnType<typeof padPdf>): Buffer => Buffer.concat([...bodyChunks(body)]);

/**
 * Follows the cross-reference chain the way a reader does (startxref, then each trailer's /Prev) and
 * checks that every entry in use points at its object's header. pdf-lib's parser recovers from a wrong
 * table, so it alone would not notice one.
 */
const checkXrefChain = (bytes: Buffer): number => {
  const text = bytes.toString('latin1');
  let at = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  let sections = 0;
  while (Number.isFinite(at)) {
    expect(text.startsWith('xref\n', at)).toBe(true);
    const section = text.slice(at, text.indexOf('trailer', at));
    for (const [, first, count] of section.matchAll(/^(\d+) (\d+)$/gm)) {
      const entries = section.slice(section.indexOf(`${first} ${count}\n`) + `${first} ${count}\n`.length);
      for (let i = 0; i < Number(count); i++) {
        const entry = entries.slice(i * 20, i * 20 + 20);
        expect(entry).toMatch(/^\d{10} \d{5} [nf] \n$/);
        if (entry[17] === 'n')
          expect(text.startsWith(`${Number(first) + i} 0 obj`, Number(entry.slice(0, 10)))).toBe(true);
      }
    }
    sections++;
    const trailer = text.slice(text.indexOf('trailer', at), text.indexOf('startxref', at));
    at = Number(/\/Prev (\d+)/.exec(trailer)?.[1]);
  }
  return sections;
};

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
    expect(checkXrefChain(Buffer.from(pdf))).toBe(1);
  });

  it('writes the text in the standard fonts, non-Latin-1 characters replaced', async () => {
    const pdf = Buffer.from(
      await renderPdf({ ...content, title: 'Rapport (concept) – Ünïcode ✓', rows: [['a\\b', 'c']] }),
    ).toString('latin1');
    expect(pdf).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
    expect(pdf).toContain('(Rapport \\(concept\\) \x96 \xdcn\xefcode ?) Tj');
    expect(pdf).toContain('(a\\\\b) Tj');
    const doc = await PDFDocument.load(Buffer.from(pdf, 'latin1'));
    expect(doc.getTitle()).toBe('Rapport (concept) – Ünïcode ✓');
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
      expect(checkXrefChain(bytes)).toBe(2);
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
