import Markdown, { type UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ALLOWED_ELEMENTS, MARKDOWN_COMPONENTS } from './markdown-elements.tsx';

const REMARK_PLUGINS = [remarkGfm];

/**
 * URLs reach SafeLink and ImagePlaceholder untouched so a refused target can
 * be shown to the agent; those two are the only renderers of `href`/`src` and
 * decide what is safe. react-markdown's default would blank the URL instead.
 */
const keepUrlForCheck: UrlTransform = (url) => url;

interface MarkdownContentProps {
  /** Markdown written by an agent (a reply or an internal note). */
  markdown: string;
  className?: string;
}

/**
 * An agent's Markdown as React elements — never as HTML. Raw HTML in the
 * source shows as the literal text it is; links and images follow the rules
 * in SafeLink and ImagePlaceholder; the block is bidi-isolated so text inside
 * cannot reorder the app's own text around it.
 */
export function MarkdownContent({ markdown, className }: MarkdownContentProps) {
  return (
    <div className={className ? `markdown-content ${className}` : 'markdown-content'} dir="auto">
      {/* skipHtml off on purpose: raw HTML stays visible as literal text, never parsed (no rehype-raw). */}
      <Markdown
        skipHtml={false}
        remarkPlugins={REMARK_PLUGINS}
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        components={MARKDOWN_COMPONENTS}
        urlTransform={keepUrlForCheck}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
