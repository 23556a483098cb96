import type { ChannelOutput } from '../../../electron/contract';

export type Unit = ChannelOutput<'units.list'>[number];
export interface UnitNode {
  key: number;
  title: string;
  unit: Unit;
  children: UnitNode[];
}

/** Builds the unit tree from the flat list; a unit whose parent is missing is shown at the top. */
export function buildTree(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { key: u.id, title: u.name, unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.unit.parentId ? nodes.get(n.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

/** Keeps the units whose name, short name or code contains the text, with their ancestors. */
export function filterTree(nodes: UnitNode[], text: string): { nodes: UnitNode[]; expand: number[] } {
  const q = text.trim().toLowerCase();
  if (!q) return { nodes, expand: [] };
  const expand: number[] = [];
  const walk = (list: UnitNode[]): UnitNode[] =>
    list.flatMap((n) => {
      const kids = walk(n.children);
      const hit = [n.unit.name, n.unit.shortName ?? '', n.unit.code].some((s) => s.toLowerCase().includes(q));
      if (!hit && kids.length === 0) return [];
      if (kids.length) expand.push(n.key);
      return [{ ...n, children: kids }];
    });
  return { nodes: walk(nodes), expand };
}

/** The ids of a unit and everything below it (a unit cannot move under these). */
export function descendants(units: Unit[], id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
