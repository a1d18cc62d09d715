import type { Response } from 'express';

/** Sends a CSV file as a download; the body is returned for Nest to write. */
export function csvAttachment(res: Response, file: { fileName: string; body: string }): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  return file.body;
}
