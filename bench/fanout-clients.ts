/** The client side of bench/fanout: connects the dashboards in a process of its own and reports arrival times. */
import { io as connect, type Socket } from 'socket.io-client';
import type { AlertMessage } from '../server/realtime/events.js';

const [url, token, countText] = process.argv.slice(2);
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const clients: Socket[] = [];
  // Arrival times are kept here and sent once a round is complete, so reporting does not delay arrivals.
  const arrivals = new Map<string, number[]>();
  const arrived = (alertId: string) => {
    const list = arrivals.get(alertId) ?? [];
    list.push(now());
    arrivals.set(alertId, list);
    if (list.length === count) process.send!({ type: 'round', alertId, times: list });
  };
  const connectUpTo = async (total: number) => {
    while (clients.length < total) {
      await Promise.all(Array.from({ length: Math.min(50, total - clients.length) }, () => new Promise<void>((resolve, reject) => {
        const s = connect(url!, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
        s.on('alert:fired', (m: AlertMessage) => arrived(m.alertId));
        clients.push(s);
      })));
    }
  };
  // Half first, so the server can weigh what the second half adds per client apart from one-off costs.
  await connectUpTo(Math.floor(count / 2));
  process.send!({ type: 'half' });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'rest') void connectUpTo(count).then(() => process.send!({ type: 'ready' }));
    if (m.type === 'stop') {
      for (const s of clients) s.disconnect();
      process.exit(0);
    }
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
