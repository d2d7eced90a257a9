/**
 * The private link the tracking page hands to "My data" when this browser refused to keep it
 * (private mode, storage full): held in this tab's memory only, never in an address, the session
 * history or storage, and replaced by the next one.
 */
let handed: { code: string; secret: string } | null = null;

export function handOverReporterLink(code: string, secret: string): void {
  handed = { code, secret };
}

/** The secret handed over for this code, or null. */
export function handedSecret(code: string): string | null {
  return handed?.code === code ? handed.secret : null;
}
