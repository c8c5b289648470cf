// The build's provinces with their names, made by vite.config.ts from each region.json at build time.
declare module 'virtual:region-index' {
  const regions: { id: string; name: { vi: string; en: string } }[];
  export default regions;
}
