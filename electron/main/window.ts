import { BrowserWindow } from 'electron';

/**
 * The main window: isolated, sandboxed, no Node in the renderer, no webviews. The preferences are written out
 * here, in the constructor's own argument, so that Electronegativity's static check (npm run test:security) reads
 * them; tests/unit/services/web-preferences.test.ts checks the same object.
 */
export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '考评',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // middle-click opens links in new windows, which the window-open handler refuses anyway
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
