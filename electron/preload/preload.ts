import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../contract';

/**
 * One function per contract channel, and nothing else: the renderer never sees ipcRenderer.
 * Each takes the input and the session id the renderer received at login.
 */
const api = Object.freeze(
  Object.fromEntries(
    channelNames.map((name) => [
      name,
      (input: unknown, sessionId?: string) => ipcRenderer.invoke('kaoping:call', name, input, sessionId ?? null),
    ]),
  ),
);
contextBridge.exposeInMainWorld('kaoping', api);
