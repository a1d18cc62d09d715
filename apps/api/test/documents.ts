/** Reading what the app sends: PDF text and the parts of a MIME message. */

/** The text of every page, as pdf.js extracts it (what a reader's copy/search sees). */
export async function pdfText(pdf: Buffer): Promise<string> {
  // pdf.js probes for an optional canvas package at load and logs when it is absent; only
  // rendering needs it, never text extraction.
  const log = console.log;
  console.log = () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as typeof import('pdfjs-dist');
  console.log = log;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Parts of a MIME message as written by nodemailer: headers and decoded body of each leaf part. */
export function mimeParts(eml: string): { headers: string; body: Buffer }[] {
  const boundaries = [...eml.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]);
  let chunks = [eml];
  for (const b of boundaries) chunks = chunks.flatMap((c) => c.split(`--${b}`));
  return chunks
    .map((c) => c.replace(/^\r?\n/, ''))
    .filter((c) => /^Content-Type:/im.test(c) && !/^Content-Type: multipart/im.test(c))
    .map((c) => {
      const split = c.search(/\r?\n\r?\n/);
      const headers = c.slice(0, split);
      const raw = c.slice(split).trim();
      const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(headers)?.[1]?.toLowerCase();
      const body =
        encoding === 'base64'
          ? Buffer.from(raw.replace(/\s+/g, ''), 'base64')
          : encoding === 'quoted-printable'
            ? Buffer.from(
                raw
                  .replace(/=\r?\n/g, '')
                  .split(/(=[0-9A-F]{2})/)
                  .map((s) => (/^=[0-9A-F]{2}$/.test(s) ? String.fromCharCode(parseInt(s.slice(1), 16)) : s))
                  .join(''),
                'latin1',
              )
            : Buffer.from(raw);
      return { headers, body };
    });
}

