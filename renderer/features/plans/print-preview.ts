import { renderAsync } from 'docx-preview';

const STYLE_ID = 'kaoping-print-style';
const HOST_CLASS = 'kaoping-print-host';
const PRINTING_CLASS = 'kaoping-printing';

// on screen the pages are never seen; on paper only they are, one docx-preview section per sheet
const CSS = `
.${HOST_CLASS} { display: none; }
@media print {
  @page { size: A4; margin: 0; }
  body.${PRINTING_CLASS} > :not(.${HOST_CLASS}) { display: none !important; }
  body.${PRINTING_CLASS} > .${HOST_CLASS} { display: block; }
  .${HOST_CLASS} section.docx { box-shadow: none !important; margin: 0 !important; break-after: page; }
}`;

/**
 * Where no Word/WPS is found (desktop host), the documents are rendered as the preview renders them and handed to
 * the system's print dialog (which also offers 另存为 PDF), in order. The preview is close to, not the same as,
 * Word's layout; the message before says so.
 */
export async function printPreviews(files: { base64: string }[]): Promise<void> {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }
  const host = document.createElement('div');
  host.className = HOST_CLASS;
  document.body.appendChild(host);
  try {
    for (const f of files) {
      const box = document.createElement('div');
      host.appendChild(box);
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      await renderAsync(new Blob([bytes]), box, undefined, {
        inWrapper: false,
        breakPages: true,
        ignoreLastRenderedPageBreak: true,
        renderFooters: true,
        renderHeaders: true,
      });
    }
    document.body.classList.add(PRINTING_CLASS);
    window.print();
  } finally {
    document.body.classList.remove(PRINTING_CLASS);
    host.remove();
  }
}
