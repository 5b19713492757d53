import { filenameFromContentDisposition, safeBaseName } from '../../src/http';

const DOCUMENTED =
  '20180111_test_example_product_utrechtsestraat_61_6811lw_arnhem_nl_imro_0268_fbpparkeren_vg01.pdf';

describe('filenameFromContentDisposition', () => {
  it.each<[string, string | null, string | null]>([
    ['the documented header', `attachment; filename="${DOCUMENTED}"`, DOCUMENTED],
    ['an unquoted name', 'attachment; filename=result.pdf', 'result.pdf'],
    ['inline', 'inline; filename="kaart.png"', 'kaart.png'],
    [
      'filename* over filename',
      `attachment; filename="a.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
      'résumé.pdf',
    ],
    ['filename* alone', `attachment; filename*=UTF-8''%E2%82%AC-rapport.pdf`, '€-rapport.pdf'],
    ['a path in filename', 'attachment; filename="../../etc/passwd"', 'passwd'],
    ['an absolute path', 'attachment; filename="/etc/cron.d/job"', 'job'],
    ['encoded slashes in filename*', `attachment; filename*=UTF-8''..%2F..%2F.bashrc`, 'bashrc'],
    ['encoded backslashes in filename*', `attachment; filename*=UTF-8''..%5C..%5Cboot.ini`, 'boot.ini'],
    ['a Windows path', 'attachment; filename="C:\\\\Windows\\\\system.ini"', 'system.ini'],
    ['a control character in filename*', `attachment; filename*=UTF-8''a%0Ab%00c.pdf`, 'abc.pdf'],
    ['a reserved Windows name', 'attachment; filename="CON.pdf"', null],
    ['only dots', 'attachment; filename=".."', null],
    ['an empty name', 'attachment; filename=""', null],
    ['no file name', 'attachment', null],
    ['a malformed header', 'attachment; filename="unterminated', null],
    ['garbage', ';;;', null],
    ['an empty header', '', null],
    ['no header', null, null],
  ])('reads %s', (_, header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });
});

describe('safeBaseName', () => {
  it.each<[string, string | null]>([
    ['result.pdf', 'result.pdf'],
    ['../../x', 'x'],
    ['..', null],
    ['.', null],
    ['', null],
    ['   ', null],
    ['/', null],
    ['a/', null],
    ['/etc/passwd', 'passwd'],
    ['..\\..\\x.pdf', 'x.pdf'],
    ['C:\\Users\\x\\report.pdf', 'report.pdf'],
    ['.bashrc', 'bashrc'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['trailing.pdf. . ', 'trailing.pdf'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf'],
    ['bell\u0007\u007f\u0085.pdf', 'bell.pdf'],
    ['CON.pdf', null],
    ['con', null],
    ['nul.tar.gz', null],
    ['LPT1.txt', null],
    ['COM9', null],
    ['console.pdf', 'console.pdf'],
    ['what?<is>:this|"*.pdf', 'what__is__this___.pdf'],
    ['résumé €.pdf', 'résumé €.pdf'],
  ])('%p → %p', (name, expected) => {
    expect(safeBaseName(name)).toBe(expected);
  });

  it('cuts a very long name to 200 characters and keeps the extension', () => {
    const name = `${'a'.repeat(500)}.pdf`;
    const safe = safeBaseName(name);
    expect(safe).toHaveLength(200);
    expect(safe).toBe(`${'a'.repeat(196)}.pdf`);
  });

  it('cuts a very long name without an extension', () => {
    expect(safeBaseName('b'.repeat(500))).toBe('b'.repeat(200));
  });

  it('does not mistake a long tail after a dot for an extension', () => {
    const safe = safeBaseName(`report.${'c'.repeat(300)}`);
    expect(safe).toHaveLength(200);
    expect(safe?.startsWith('report.')).toBe(true);
  });

  it('never returns a name with a separator or a leading dot', () => {
    const hostile = ['../x', '..\\x', './.x', 'a/../../b', '\u0000/..', '.../...', 'x/./.', 'x\\..\\..'];
    for (const name of hostile) {
      const safe = safeBaseName(name);
      if (safe !== null) expect(safe).toMatch(/^[^./\\][^/\\]*$/);
    }
  });
});

describe('filenameFromContentDisposition, the header grammar', () => {
  it.each<[string, string, string | null]>([
    ['parameter names in any case', 'Attachment; FILENAME="a.pdf"', 'a.pdf'],
    ['FILENAME* in any case, charset too', `attachment; FileName*=utf-8''%C3%A9.pdf`, 'é.pdf'],
    ['a language tag', `attachment; filename*=UTF-8'nl'kaart%20%C3%A9.pdf`, 'kaart é.pdf'],
    ['ISO-8859-1', `attachment; filename*=ISO-8859-1''r%E9sum%E9.pdf`, 'résumé.pdf'],
    ['escapes in a quoted name', 'attachment; filename="a \\"quoted\\" name.pdf"', 'a _quoted_ name.pdf'],
    ['a semicolon inside quotes', 'attachment; filename="a;b.pdf"', 'a;b.pdf'],
    ['spaces around "="', 'attachment; filename = "a.pdf" ', 'a.pdf'],
    ['other parameters around it', 'attachment; size=12; filename="a.pdf"; creation-date="x"', 'a.pdf'],
    [
      'filename* first even when it comes last',
      `attachment; filename*=UTF-8''b.pdf; filename="a.pdf"`,
      'b.pdf',
    ],
    [
      'raw UTF-8 in a quoted name, as fetch hands it over',
      'attachment; filename="r\u00c3\u00a9sum\u00c3\u00a9.pdf"',
      'résumé.pdf',
    ],
    ['Latin-1 in a quoted name', 'attachment; filename="r\u00e9sum\u00e9.pdf"', 'résumé.pdf'],
    [
      'an unknown charset: falls back to filename',
      `attachment; filename*=UTF-16''x; filename="a.pdf"`,
      'a.pdf',
    ],
    ['broken UTF-8: falls back to filename', `attachment; filename*=UTF-8''%C3; filename="a.pdf"`, 'a.pdf'],
    [
      'a bad percent escape: falls back to filename',
      `attachment; filename*=UTF-8''%ZZ; filename="a.pdf"`,
      'a.pdf',
    ],
    ['an unreadable filename* alone', `attachment; filename*=UTF-8''%C3`, null],
    ['a repeated parameter', 'attachment; filename="a.pdf"; filename="b.pdf"', null],
    ['an unquoted name with a space', 'attachment; filename=a b.pdf', null],
    ['no type', '; filename="a.pdf"', null],
    ['a parameter without a value', 'attachment; filename', null],
    ['a trailing semicolon', 'attachment; filename="a.pdf"; ', 'a.pdf'],
    ['two semicolons', 'attachment;; filename="a.pdf"', null],
  ])('reads %s', (_, header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });
});
