import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../contract';

/**
 * One function per contract channel, and upload (a file's bytes, kept by the core under an id a call then names):
 * the renderer never sees ipcRenderer. Each takes the session id the renderer received at login.
 */
const api = Object.freeze({
  ...Object.fromEntries(
    channelNames.map((name) => [
      name,
      (input: unknown, sessionId?: string) => ipcRenderer.invoke('kaoping:call', name, input, sessionId ?? null),
    ]),
  ),
  upload: (kind: string, fileName: string, bytes: Uint8Array, sessionId?: string) =>
    ipcRenderer.invoke('kaoping:upload', kind, fileName, bytes, sessionId ?? null),
});
contextBridge.exposeInMainWorld('kaoping', api);
