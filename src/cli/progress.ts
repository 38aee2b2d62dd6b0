/** A terminal progress bar on stderr; plain lines (every 10 %) when stderr is not a terminal. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastPct = -1;
  let lastPhase = '';
  const tty = stream.isTTY;
  return {
    update(done: number, total: number, phase = '') {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (tty) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        stream.write(`\r${label} ${phase.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}   `);
      } else if (phase !== lastPhase || pct >= lastPct + 10 || (pct === 100 && lastPct !== 100)) {
        stream.write(`${label} ${phase} ${pct}% (${done}/${total})\n`);
        lastPct = phase !== lastPhase ? pct : Math.max(pct, lastPct);
      }
      if (phase !== lastPhase) {
        lastPhase = phase;
        lastPct = pct;
      }
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
