/**
 * Preloaded into a peer gateway that cannot be told which address to bind (Portkey listens on every
 * interface): makes every `listen(port)` / `listen({port})` without a host listen on 127.0.0.1 only.
 */
import net from 'node:net';

type Listen = (this: net.Server, ...args: unknown[]) => net.Server;
const listen = net.Server.prototype.listen as unknown as Listen;

function onLoopback(this: net.Server, ...args: unknown[]): net.Server {
  const [first, second, ...rest] = args;
  if (typeof first === 'number' && typeof second !== 'string') return listen.call(this, first, '127.0.0.1', ...(second === undefined ? [] : [second]), ...rest);
  if (typeof first === 'object' && first !== null && 'port' in first && !('host' in first)) return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  return listen.apply(this, args);
}

net.Server.prototype.listen = onLoopback as unknown as typeof net.Server.prototype.listen;
