/**
 * Holds a fake upstream's answers until `open` calls wait at once (the gateway's cap on calls in
 * flight) and no other has come for `settleMs`, or the `total`-th call has come, then lets them all
 * go: the cap is reached however slowly a loaded machine sends the calls (answering after a fixed
 * delay, the first calls could end before the eighth was sent), and a gateway sending more than the
 * cap has the time to show it. After `giveUpMs` the calls waiting go anyway, so a lower cap shows in
 * the most calls seen open at once rather than as a hang.
 */
export function createCallGate({ open, total, settleMs = 100, giveUpMs = 2_000 }: { open: number; total: number; settleMs?: number; giveUpMs?: number }) {
  let waiting: (() => void)[] = [];
  let arrived = 0;
  let timer: NodeJS.Timeout | undefined;
  const releaseAll = () => {
    clearTimeout(timer);
    const released = waiting;
    waiting = [];
    for (const answer of released) answer();
  };
  return {
    hold(answer: () => void): void {
      arrived += 1;
      waiting.push(answer);
      if (arrived >= total) return releaseAll();
      const full = waiting.length >= open;
      if (!full && waiting.length > 1) return;
      clearTimeout(timer);
      timer = setTimeout(releaseAll, full ? settleMs : giveUpMs);
    },
    reset(): void {
      releaseAll();
      arrived = 0;
    },
  };
}
