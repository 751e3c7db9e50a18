import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageAttachment } from '#shared/domain/message';
import { type Workspace, WorkspaceContext } from '../../../app/workspace-context.tsx';
import { startTags } from '../content/render-markup.ts';
import { AttachmentList } from './AttachmentList.tsx';

const HOSTILE = '<img src=x onerror=alert(1)>\u202Efdp.exe';

function markup(attachments: MessageAttachment[]): string {
  // Rendering never calls the API; the context only has to be there.
  const workspace = { api: {} } as unknown as Workspace;
  return renderToStaticMarkup(
    createElement(WorkspaceContext.Provider, { value: workspace }, createElement(AttachmentList, { attachments })),
  );
}

const file = (extra: Partial<MessageAttachment>): MessageAttachment =>
  MessageAttachment.parse({
    id: 'att_1',
    filename: 'invoice.pdf',
    contentType: 'application/pdf',
    size: 1536,
    stored: true,
    ...extra,
  });

describe('AttachmentList', () => {
  it('a stored file: its name as text, its size, a Download button naming it', () => {
    const html = markup([file({})]);
    expect(html).toContain('<bdi>invoice.pdf</bdi>');
    expect(html).toContain('1.5 KB');
    expect(html).toContain('aria-label="Download invoice.pdf"');
    expect(html).not.toContain('Too large');
  });

  it('a file too large to keep says where it is, without a Download button', () => {
    const html = markup([file({ stored: false, size: 40 * 1024 * 1024 })]);
    expect(html).toContain('Too large to keep (40 MB): it stays in the team mailbox');
    expect(startTags(html).some((tag) => tag.name === 'button')).toBe(false);
  });

  it('a hostile name stays text, isolated, and makes no element', () => {
    const html = markup([file({ filename: HOSTILE })]);
    expect(startTags(html).map((tag) => tag.name)).not.toContain('img');
    expect(html).toContain('<bdi>&lt;img src=x onerror=alert(1)&gt;\u202Efdp.exe</bdi>');
  });
});
