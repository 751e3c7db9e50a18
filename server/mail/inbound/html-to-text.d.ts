/**
 * The part of html-to-text 10 (a dependency of mailparser) that
 * html-to-plain-text.ts uses. Delete this file once the project depends on
 * html-to-text and @types/html-to-text directly.
 */
declare module 'html-to-text' {
  export interface DomNode {
    type: string;
    name?: string;
    data?: string;
    attribs?: Record<string, string>;
    children?: DomNode[];
  }
  export interface BlockTextBuilder {
    addInline: (str: string, options?: { noWordTransform?: boolean }) => void;
    pushWordTransform: (transform: (word: string) => string) => void;
    popWordTransform: () => void;
  }
  export type RecursiveCallback = (nodes: DomNode[] | undefined, builder: BlockTextBuilder) => void;
  export type FormatCallback = (
    elem: DomNode,
    walk: RecursiveCallback,
    builder: BlockTextBuilder,
    formatOptions: Record<string, unknown>,
  ) => void;
  export interface SelectorDefinition {
    selector: string;
    format?: string;
    options?: Record<string, unknown>;
  }
  export interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    selectors?: SelectorDefinition[];
    formatters?: Record<string, FormatCallback>;
    limits?: {
      ellipsis?: string;
      maxBaseElements?: number;
      maxChildNodes?: number;
      maxDepth?: number;
      maxInputLength?: number;
    };
  }
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
