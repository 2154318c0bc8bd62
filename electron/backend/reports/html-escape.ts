const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every piece of client data goes through this before it touches HTML (text and attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Free text with the consultant's line breaks kept: blank line = new paragraph, newline = <br>. */
export function textToParagraphs(text: string, className?: string): string {
  const cls = className ? ` class="${escapeHtml(className)}"` : '';
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p${cls}>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}
