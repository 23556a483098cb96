// Every figure the bench prints, kept so `BENCH_JSON=file npm run bench` can also write them as JSON.
import fs from 'node:fs';

/** One printed figure; `peer` is the same-run comparison figure where one exists (docxtemplater for the letter). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  peer?: { name: string; value: number };
}

/** The figures of this run, in the order printed. */
export const figures: Figure[] = [];
/** Figure name → the name of its comparison figure (resolved when written, whichever is printed first). */
const peers = new Map<string, string>();

export function figure(name: string, value: number, unit: string, o: { peer?: string } = {}): void {
  figures.push({ name, value, unit });
  if (o.peer) peers.set(name, o.peer);
}

/** Prints a line the way console.log did and keeps the figures it states. */
export function note(line: string, ...stated: [name: string, value: number, unit: string][]): void {
  console.log(line);
  for (const [name, value, unit] of stated) figure(name, value, unit);
}

/** The figures with their peers filled in; a peer named but never printed is left out, with a warning. */
export function withPeers(list: readonly Figure[], peerOf: ReadonlyMap<string, string> = peers): Figure[] {
  const byName = new Map(list.map((f) => [f.name, f]));
  return list.map((f) => {
    const name = peerOf.get(f.name);
    if (!name) return { ...f };
    const p = byName.get(name);
    if (!p) {
      console.warn(`bench: the peer “${name}” of “${f.name}” was not printed`);
      return { ...f };
    }
    return { ...f, peer: { name: p.name, value: p.value } };
  });
}

/** Writes the figures as a JSON array to `file` (BENCH_JSON); nothing when no file is named. */
export function writeFigures(
  file: string | undefined,
  list: readonly Figure[] = figures,
  peerOf: ReadonlyMap<string, string> = peers,
): void {
  if (!file) return;
  fs.writeFileSync(file, JSON.stringify(withPeers(list, peerOf), null, 2) + '\n');
}
