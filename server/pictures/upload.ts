import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError, badRequest } from '../errors';
import { MAX_PICTURE_BYTES } from '../../shared/pictures/limits';

/**
 * Reads a multipart upload into memory: the file as received is never
 * written to disk (it may carry a GPS position), and the byte limit keeps
 * the memory it takes bounded. Small form fields ride along (editionId...).
 */
export interface ReceivedUpload {
  file: Buffer;
  fields: Record<string, string>;
}

/** Room for the multipart boundaries and small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const FIELD_NAMES = new Set(['editionId', 'articleId']);

export function tooLargeMessage(): string {
  const mb = Math.round(MAX_PICTURE_BYTES / (1024 * 1024));
  return `This file is larger than the ${mb} MB Galley takes per picture. Save it as a JPEG (quality 90 is plenty for print) and upload that.`;
}

/**
 * Reads and throws away the rest of a request before it is refused. A
 * server that answers while the client is still sending and then closes
 * the connection makes the client see "connection reset" instead of the
 * answer; reading on lets the refusal arrive. Past `maxBytes` the
 * connection is cut after all: nobody gets to make the server read forever.
 */
export function discardBody(req: Request, maxBytes = 2 * MAX_PICTURE_BYTES): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) {
        req.socket.destroy();
        resolve();
      }
    });
    req.on('end', () => resolve());
    req.on('close', () => resolve());
    req.on('error', () => resolve());
  });
}

export async function receiveUpload(req: Request): Promise<ReceivedUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    await discardBody(req);
    throw badRequest('Send the picture as multipart/form-data, in a field named "file".');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_PICTURE_BYTES + ENVELOPE_BYTES) {
    await discardBody(req);
    throw new HttpError(413, tooLargeMessage());
  }
  return parseMultipart(req);
}

function parseMultipart(req: Request): Promise<ReceivedUpload> {

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_PICTURE_BYTES, files: 1, fields: 4, fieldSize: 200, parts: 6 },
      });
    } catch {
      void discardBody(req).then(() => reject(badRequest('The upload is not valid multipart/form-data.')));
      return;
    }
    const chunks: Buffer[] = [];
    const fields: Record<string, string> = {};
    let sawFile = false;
    let problem: HttpError | null = null;
    const refuse = (err: HttpError) => {
      problem ??= err;
    };

    parser.on('file', (name, stream) => {
      if (name !== 'file') {
        refuse(badRequest(`Send the picture in a field named "file" (this one was named "${name}").`));
        stream.resume();
        return;
      }
      sawFile = true;
      stream.on('data', (chunk: Buffer) => {
        if (!problem) chunks.push(chunk);
      });
      stream.on('limit', () => {
        chunks.length = 0; // drop what was read; the rest is read and discarded
        refuse(new HttpError(413, tooLargeMessage()));
      });
    });
    parser.on('field', (name, value) => {
      if (FIELD_NAMES.has(name)) fields[name] = value;
    });
    parser.on('filesLimit', () => refuse(badRequest('Send one picture per request.')));
    parser.on('partsLimit', () => refuse(badRequest('The upload has too many parts.')));
    parser.on('fieldsLimit', () => refuse(badRequest('The upload has too many fields.')));
    parser.on('error', () => reject(badRequest('The upload was cut short or is not valid multipart/form-data.')));
    parser.on('close', () => {
      if (problem) reject(problem);
      else if (!sawFile) reject(badRequest('The upload holds no file: send the picture in a field named "file".'));
      else if (chunks.length === 0) reject(badRequest('The uploaded file is empty.'));
      else resolve({ file: Buffer.concat(chunks), fields });
    });
    req.on('aborted', () => reject(badRequest('The upload was cut short.')));
    req.pipe(parser);
  });
}
