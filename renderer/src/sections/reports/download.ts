// Browser mode: the web host serves files this backend exported (GET /api/download). The launch
// token is kept for the tab by the web transport (sessionStorage 'rwb.token'); a link cannot send
// the header, so it goes in the query like the event stream's.
export function downloadUrl(path: string): string {
  const token = sessionStorage.getItem('rwb.token') ?? '';
  return `/api/download?path=${encodeURIComponent(path)}&token=${encodeURIComponent(token)}`;
}
