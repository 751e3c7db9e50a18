import { describe, expect, it } from 'vitest';
import { windowOpenHandler } from './window-open.ts';

describe('window.open handler', () => {
  it.each([
    ['https://status.example.com/', true],
    ['http://docs.example.com/', true],
    ['mailto:customer@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://shiftdesk/index.html', false],
    ['smb://share/x', false],
  ])('%s: denied in-app, handed to the system browser: %s', (url, external) => {
    const opened: string[] = [];
    const result = windowOpenHandler((target) => opened.push(target))({ url });
    expect(result).toEqual({ action: 'deny' });
    expect(opened).toEqual(external ? [url] : []);
  });
});
