import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js parses in its own worker, loaded from the app's files (the CSP allows 'self' only).
GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfPagesProps {
  /** The PDF export's bytes, as the main process rendered them. */
  readonly pdf: Uint8Array;
  /** CSS width of a page on screen. */
  readonly width?: number;
}

/** Pages are drawn when they come near the view, so a long dossier opens at once. */
const NEAR = '600px';

/**
 * The PDF export itself, page by page, drawn by pdf.js on canvases: what the analyst sees is
 * what prints (page breaks, notes at the page foot, the running header and footer).
 */
export function PdfPages({ pdf, width = 640 }: PdfPagesProps) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // pdf.js takes the buffer over: give it a copy.
    const task = getDocument({ data: pdf.slice(), isEvalSupported: false, useSystemFonts: false });
    task.promise.then(
      (d) => (live ? setDoc(d) : void d.destroy()),
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      void task.destroy();
    };
  }, [pdf]);

  if (problem) return <p className="notice error">The pages could not be drawn: {problem}</p>;
  if (!doc) return <p className="empty">Drawing the pages…</p>;
  return (
    <ol className="pdf-pages" aria-label={`The PDF export, ${doc.numPages} page${doc.numPages === 1 ? '' : 's'}`} data-testid="pdf-pages">
      {Array.from({ length: doc.numPages }, (_, i) => (
        <li key={i}>
          <PdfPage doc={doc} number={i + 1} width={width} />
        </li>
      ))}
    </ol>
  );
}

function PdfPage({ doc, number, width }: { doc: PDFDocumentProxy; number: number; width: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(number <= 2);
  const [drawn, setDrawn] = useState(false);
  const [ratio, setRatio] = useState(Math.SQRT2);

  useEffect(() => {
    const c = canvasRef.current;
    if (near || !c) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: NEAR });
    io.observe(c);
    return () => io.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near) return;
    let live = true;
    let cancel: (() => void) | null = null;
    void (async () => {
      const page = await doc.getPage(number);
      const c = canvasRef.current;
      if (!live || !c) return;
      const base = page.getViewport({ scale: 1 });
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale: (width / base.width) * dpr });
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      setRatio(base.height / base.width);
      const task = page.render({ canvas: c, viewport });
      cancel = () => task.cancel();
      await task.promise.catch(() => undefined);
      if (live) setDrawn(true);
    })();
    return () => {
      live = false;
      cancel?.();
    };
  }, [doc, number, width, near]);

  return (
    <figure className="pdf-page" data-page={number} data-drawn={drawn ? 'yes' : 'no'}>
      <canvas ref={canvasRef} style={{ width: `${width}px`, height: `${Math.round(width * ratio)}px` }} role="img" aria-label={`Page ${number} of ${doc.numPages}`} />
      <figcaption className="small muted">Page {number}</figcaption>
    </figure>
  );
}
