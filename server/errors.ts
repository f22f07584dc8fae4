import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

/** An error that becomes an HTTP answer: a status and a message a person understands. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = (message = 'Please log in first.') => new HttpError(401, message);
export const forbidden = (message = 'You do not have access to this.') => new HttpError(403, message);
export const notFound = (message = 'Not found.') => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const tooMany = (message: string) => new HttpError(429, message);

/** Parses req.body with a zod schema; a failure names the field at fault. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw badRequest(describeZodError(result.error), result.error.issues);
  return result.data;
}

export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path.length ? first.path.join('.') : 'body';
  return `${where}: ${first.message}`;
}

/** Express 5 passes rejected promises here; everything leaves as JSON {error}. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message });
    return;
  }
  // body-parser errors carry a status and a type.
  const e = err as { status?: number; type?: string; message?: string };
  if (e.type === 'entity.too.large') {
    res.status(413).json({ error: 'The request is too large.' });
    return;
  }
  if (e.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'The request body is not valid JSON.' });
    return;
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    res.status(e.status).json({ error: e.message || 'The request was refused.' });
    return;
  }
  console.error(err);
  res.status(500).json({ error: 'Something went wrong on the server. Your work is safe; please try again.' });
};

export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `No such API route: ${req.method} ${req.originalUrl}` });
};
