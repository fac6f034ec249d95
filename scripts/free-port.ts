// A free TCP port on the loopback interface, for everything that starts a server of its own: the
// end-to-end suite, the throwaway PostgreSQL cluster and the benchmarks.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('the probe got no port')),
      );
    });
  });
}
