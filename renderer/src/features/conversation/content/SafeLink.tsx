import type { ReactNode } from 'react';
import type { ExtraProps } from 'react-markdown';
import { describeTarget, externalLink, misleadingDestination } from './link-policy.ts';

interface SafeLinkProps extends ExtraProps {
  href?: string | undefined;
  children?: ReactNode;
}

/**
 * A link in an agent's Markdown. Only web and mail links are clickable, and
 * they open outside the app (the desktop shell hands them to the system
 * browser); any other target stays visible as text so the agent sees what was
 * refused. No attribute from the Markdown is passed on except the checked href.
 */
export function SafeLink({ href = '', children, node }: SafeLinkProps) {
  // In-page targets only come from GFM footnotes; the text alone reads fine.
  if (href.startsWith('#')) return <>{children}</>;

  const text = textOf(node);
  const url = externalLink(href);
  if (!url) {
    // An autolink's text is its target already; say it once.
    const target = text === href ? '' : `: ${describeTarget(href)}`;
    return (
      <span className="refused-link">
        {children}{' '}
        <span className="refused-link__target" title="Link not opened: only web and mail links are allowed">
          (link removed{target})
        </span>
      </span>
    );
  }

  const revealed = misleadingDestination(text, url);
  return (
    <>
      <a href={url.href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
      {revealed !== null && <span className="link-destination"> ({revealed})</span>}
    </>
  );
}

type HastNode = NonNullable<ExtraProps['node']>['children'][number];

/** The plain text of a link, to compare what it says with where it goes. */
function textOf(node: ExtraProps['node'] | HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}
