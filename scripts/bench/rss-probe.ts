/**
 * Preloaded (`node --require`) into a measured process: on exit, writes the process's peak resident set size in
 * kilobytes to the file `$SCHEMAPLAN_BENCH_RSS_FILE`. Costs nothing measurable and needs no GNU time.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.SCHEMAPLAN_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the measurement is lost, not the run
    }
  });
}
