import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The HTML part of a reply: the agent's Markdown rendered as the app shows it
 * (GitHub flavour), in a minimal document. Raw HTML in the Markdown is shown
 * as text and links or images with a dangerous protocol (javascript:, data:)
 * lose their URL: both options are micromark's defaults, spelled out here
 * because the customer's mail client is the one that would run the result.
 */
export function replyHtml(markdown: string, footer: string): string {
  const body = micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '</head>',
    '<body style="font-family: sans-serif; font-size: 14px; line-height: 1.5;">',
    body,
    '<hr style="border: none; border-top: 1px solid #ddd;">',
    `<p style="color: #666; font-size: 12px;">${escapeHtml(footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
