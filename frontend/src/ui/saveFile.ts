/**
 * Saves a file the page fetched (with a header the link could not carry) under `name`, through an
 * object URL: the token that fetched it never appears in an address.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the download began; a minute is ample, and frees the copy.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
