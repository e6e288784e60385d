/** subset-font ships no types: the one function used here. */
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt'; preserveNameIds?: number[]; variationAxes?: Record<string, number>; noLayoutClosure?: boolean }): Promise<Buffer>;
}
