import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../contract';

/** One function per contract channel, and nothing else: the renderer never sees ipcRenderer. */
const api = Object.freeze(
  Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke('kaoping:call', name, input)])),
);
contextBridge.exposeInMainWorld('kaoping', api);
