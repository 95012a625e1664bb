/** Shows markdown already rendered and sanitised on the server (app/lib/markdown.ts). */
export function Markdown({ html, className = "prose" }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
