declare module '*.css';
declare module '*?raw' {
  const tekst: string;
  export default tekst;
}
declare module 'echarts/i18n/langNL-obj.js' {
  const locale: Record<string, unknown>;
  export default locale;
}
