import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { RealtimeServer } from './socket-server.js';

/**
 * Carries socket.io broadcasts between instances through a Redis stream, so a push from any instance
 * reaches dashboards connected to every other. (On a MongoDB replica set, @socket.io/mongo-adapter does
 * the same over change streams, which the embedded database does not have.)
 */
export async function attachRedisAdapter(io: RealtimeServer, url: string): Promise<{ close(): Promise<void> }> {
  const client = createClient({ url });
  await client.connect();
  io.adapter(createAdapter(client, { streamName: 'breach-clock:socket.io' }));
  return {
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}
