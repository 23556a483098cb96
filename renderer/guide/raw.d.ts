// vite bundles the guide's Markdown as strings (`?raw`); the renderer's tsconfig has no vite/client types
declare module '*.md?raw' {
  const text: string;
  export default text;
}
