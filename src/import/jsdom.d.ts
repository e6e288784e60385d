/**
 * The few parts of jsdom the importers use, typed against a minimal DOM (src/ compiles
 * without the DOM library, and jsdom ships no types). jsdom is always created with its
 * defaults for `runScripts` and `resources`: scripts never run, nothing is fetched.
 */
declare module 'jsdom' {
  export interface MiniNode {
    readonly nodeType: number;
    readonly nodeValue: string | null;
    readonly textContent: string | null;
    readonly childNodes: ArrayLike<MiniNode>;
    readonly localName?: string;
  }
  export interface MiniElement extends MiniNode {
    readonly localName: string;
    getAttribute(name: string): string | null;
  }
  export interface MiniParent extends MiniNode {
    querySelector(selector: string): MiniElement | null;
    querySelectorAll(selector: string): ArrayLike<MiniElement>;
    getElementsByTagName(name: string): ArrayLike<MiniElement>;
  }
  export interface MiniDocument extends MiniParent {
    readonly title: string;
    readonly body: MiniParent | null;
  }
  export class VirtualConsole {
    constructor();
  }
  export class JSDOM {
    constructor(html?: string, options?: { contentType?: string; virtualConsole?: VirtualConsole; url?: string });
    static fragment(html: string): MiniParent;
    readonly window: {
      readonly document: MiniDocument;
      readonly DOMParser: new () => { parseFromString(html: string, type: 'text/html'): MiniDocument };
      close(): void;
    };
  }
}
