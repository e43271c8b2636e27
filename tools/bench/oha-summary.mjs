// Reads one oha JSON report (`oha --output-format json`) and prints
// "requests/s p50_ms p99_ms not_ok" on one line for tools/bench/bench.sh, where not_ok
// counts answers other than 2xx plus requests that got no answer.
//
// usage: node tools/bench/oha-summary.mjs <report.json>
import { readFileSync } from "node:fs";

const path = process.argv[2];
if (!path) {
  console.error("usage: node tools/bench/oha-summary.mjs <report.json>");
  process.exit(2);
}
const report = JSON.parse(readFileSync(path, "utf8"));
const ms = (seconds) => (seconds * 1000).toFixed(2);
const notOk =
  Object.entries(report.statusCodeDistribution ?? {})
    .filter(([status]) => !status.startsWith("2"))
    .reduce((sum, [, count]) => sum + count, 0) +
  Object.values(report.errorDistribution ?? {}).reduce((sum, count) => sum + count, 0);
const p = report.latencyPercentiles;
console.log(`${Math.round(report.summary.requestsPerSec)} ${ms(p.p50)} ${ms(p.p99)} ${notOk}`);
