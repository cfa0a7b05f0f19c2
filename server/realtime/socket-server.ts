import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from '../lib/logger.js';

/** The socket.io server on the service's own HTTP server; same origin only. */
export function createSocketServer(httpServer: HttpServer, logger: Logger): Server {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
    maxHttpBufferSize: 64 * 1024,
  });
  io.engine.on('connection_error', (err: { code: number; message: string }) =>
    logger.debug({ code: err.code, message: err.message }, 'socket connection error'),
  );
  return io;
}
