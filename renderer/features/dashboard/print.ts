import './dashboard.css';

export interface ChartImage {
  name: string;
  src: string;
}

/**
 * Prints chart images on a plain page of their own: the app's window is hidden for the print (dashboard.css), the
 * sheet shows a heading and each image at the page's width, and is taken away when the print dialog closes.
 */
export function printCharts(heading: string, images: ChartImage[]): void {
  // a sheet left by a print whose window sent no afterprint (hidden on screen either way)
  for (const old of document.querySelectorAll('.kaoping-chart-print')) old.remove();
  const sheet = document.createElement('div');
  sheet.className = 'kaoping-chart-print';
  sheet.dataset.testid = 'chart-print';
  const h = document.createElement('h1');
  h.textContent = heading;
  sheet.appendChild(h);
  for (const img of images) {
    const figure = document.createElement('figure');
    const pic = document.createElement('img');
    pic.src = img.src;
    pic.alt = img.name;
    figure.appendChild(pic);
    sheet.appendChild(figure);
  }
  document.body.appendChild(sheet);
  document.body.classList.add('kaoping-printing');
  const done = () => {
    window.removeEventListener('afterprint', done);
    document.body.classList.remove('kaoping-printing');
    sheet.remove();
  };
  window.addEventListener('afterprint', done);
  // the images are data URLs: decoded before the dialog takes its picture of the page
  void Promise.all([...sheet.querySelectorAll('img')].map((i) => i.decode().catch(() => undefined))).then(() => {
    window.print();
  });
}

/** A file name the office can keep: no characters Windows refuses. */
export const fileNameOf = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '－').slice(0, 120);
