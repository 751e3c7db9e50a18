import type { ExtraProps } from 'react-markdown';
import { describeTarget, imageSource } from './link-policy.ts';

interface ImagePlaceholderProps extends ExtraProps {
  src?: string | undefined;
  alt?: string | undefined;
}

/**
 * An image in Markdown is never fetched: a remote image is a read receipt for
 * whoever hosts it (tracking pixels). The agent sees what it was and where from.
 */
export function ImagePlaceholder({ src = '', alt = '' }: ImagePlaceholderProps) {
  const description = alt.trim() === '' ? 'no description' : alt;
  return (
    <span className="image-placeholder" title={`Image not loaded: ${describeTarget(src)}`}>
      <span aria-hidden="true">🖼 </span>
      image: {description} from {imageSource(src)}
    </span>
  );
}
