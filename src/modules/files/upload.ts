import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';

export interface Upload {
  buffer: Buffer;
  filename: string;
  mimetype: string;
  fields: Record<string, string>;
}

/**
 * Reads a multipart request with one file and a few text fields, bounded: at most `maxBytes` for the file (a larger one
 * is a 413 naming the field), 20 fields of 2 KB. Answers null when no file came.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload | null> {
  if (!request.isMultipart()) throw new AppError(422, 'file.multipart_expected', {}, [{ field: 'file', key: 'file.multipart_expected' }]);
  const fields: Record<string, string> = {};
  let file: Omit<Upload, 'fields'> | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 2048 } })) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file.too_large', { max: Math.round(maxBytes / 1024 / 1024) }, [{ field: part.fieldname, key: 'file.too_large', params: { max: Math.round(maxBytes / 1024 / 1024) } }]);
        throw e;
      });
      if (part.file.truncated) throw new AppError(413, 'file.too_large', { max: Math.round(maxBytes / 1024 / 1024) }, [{ field: part.fieldname, key: 'file.too_large', params: { max: Math.round(maxBytes / 1024 / 1024) } }]);
      file = { buffer, filename: part.filename.slice(0, 200), mimetype: part.mimetype };
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return file ? { ...file, fields } : null;
}
