import { Fragment } from 'react';
import { highlightSegments } from '#shared/query/highlight';

/** Text with the search terms it matched marked: React elements, so customer text is never parsed as HTML. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return text;
  return highlightSegments(text, terms).map((segment, index) =>
    segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
  );
}
