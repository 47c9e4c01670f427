/**
 * The two escapes the feeds need, both from `entities` (one tested
 * implementation each, no hand-rolled replace chains).
 *
 * Feed readers parse an RSS description, and often an RSS title, as HTML:
 * listing text must be HTML-escaped *before* the XML serializer escapes it
 * again, or `</p><script>` in an abstract is lost or stored as markup.
 */
import { escapeText, escapeUTF8 } from 'entities';

/**
 * Escapes text for an HTML text node (`&`, `<`, `>`, no-break space), so a
 * reader that renders the field as HTML displays exactly the text. Only
 * entities every HTML parser knows (HTML 4 included) are used: feedparser
 * treats a field with an unknown entity such as `&apos;` as plain text.
 */
export function escapeHtml(text: string): string {
  return escapeText(text);
}

/**
 * Escapes text for XML character data and double- or single-quoted
 * attribute values (`& < > " '` as the five predefined XML entities).
 */
export function escapeXml(text: string): string {
  return escapeUTF8(text);
}
