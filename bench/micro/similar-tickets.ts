/**
 * Similar tickets and flood detection at 10k and 100k local tickets, printed
 * for a person to read (the measuring is bench/benchmarks/similar-tickets.ts,
 * which `npm run bench` runs at BENCH_TICKETS):
 *
 *   npx tsx bench/micro/similar-tickets.ts                # 10k and 100k
 *   npx tsx bench/micro/similar-tickets.ts 100000         # one size
 */
import { measureSimilarTickets } from '../benchmarks/similar-tickets.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
for (const count of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  for (const line of measureSimilarTickets(count).lines) console.log(line);
}
