/** What the DOCX and PDF renderers need from outside: font files (full TTFs), as bytes. */
export interface RenderResources {
  readonly fonts: {
    readonly regular: Uint8Array;
    readonly bold: Uint8Array;
    readonly italic: Uint8Array;
    readonly boldItalic: Uint8Array;
  };
}
