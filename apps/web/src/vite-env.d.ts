declare module '*.css';
declare module '*?raw' {
  const tekst: string;
  export default tekst;
}
