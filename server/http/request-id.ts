import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const acceptable = /^[A-Za-z0-9._-]{8,100}$/;

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

/** Gives every request an id (the caller's X-Request-Id when it is sane) and echoes it back. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  req.id = incoming && acceptable.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
};
