/**
 * An instant as "dd/mm/yyyy hh:mm" in the city's time (Asia/Ho_Chi_Minh), whatever zone the
 * device is set to, in the given locale (vi-VN, en-GB); text that is no date is shown as sent.
 */
export function cityDateTime(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (iso) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : format.format(at);
  };
}
