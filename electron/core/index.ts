/** Pure domain rules live here (no Node, no DOM, no database); features add their modules. */
export {};
