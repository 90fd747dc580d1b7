// Loaded with `node --import ./bench/rss-preload.js …` by the harness: at exit, writes the
// process's peak resident set size (kB, worker threads included) to $KUBEKNIT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.KUBEKNIT_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
