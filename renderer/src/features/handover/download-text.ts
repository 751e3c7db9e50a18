/**
 * Saves text as a file the way a web page does: a Blob behind a link with
 * `download`. Stays in the renderer (no shell API): the browser, or the
 * desktop shell's download handling, asks where to put it.
 */
export function downloadText(fileName: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the URL to the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "handover-sam-rivera-2030-01-02.md": who and when, safe on every file system. */
export function handoverFileName(fromName: string, at: number): string {
  const slug =
    fromName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'handover';
  const day = new Date(at).toISOString().slice(0, 10);
  return `handover-${slug}-${day}.md`;
}
