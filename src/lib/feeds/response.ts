/**
 * The HTTP response of a feed endpoint (the dev server serves it; the build
 * writes its body to the file the route names).
 */

/** Wraps a rendered feed in a response with its media type. */
export function feedResponse(body: string, mediaType: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${mediaType}; charset=utf-8` } });
}
