import { useTranslation } from 'react-i18next';

/** Numbers in Indian grouping (12,34,567) and dates in IST, in the chosen language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'hi' ? 'hi-IN' : 'en-IN';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Kolkata',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Kolkata',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return {
    locale,
    n: (x: number | null | undefined) => (x === null || x === undefined ? '–' : number.format(x)),
    score: (x: number | null | undefined) => (x === null || x === undefined ? '–' : decimal.format(x)),
    pct: (x: number | null | undefined) => (x === null || x === undefined ? '–' : percent.format(x)),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** The area's name in the chosen language, the other one when it has none. */
    name: (a: { nameEn: string | null; nameHi: string | null; areaId?: string; id?: string }) =>
      (i18n.language === 'hi' ? a.nameHi || a.nameEn : a.nameEn || a.nameHi) ?? a.areaId ?? a.id ?? '',
  };
}

/** Today in IST as YYYY-MM-DD (the meetings quota counts IST days). */
export function istToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(now);
}
