import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { PdfFile } from './invoice-documents.service';

/** A stored PDF as the response body; never cached by shared caches, opened inline by browsers. */
export function pdfResponse(res: Response, pdf: PdfFile, opts: { public?: boolean } = {}): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  if (opts.public) res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  const ascii = pdf.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new StreamableFile(pdf.content, {
    type: 'application/pdf',
    length: pdf.content.length,
    disposition: `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`,
  });
}
