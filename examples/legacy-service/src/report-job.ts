import { fetchDailyTotals, formatTotals } from './report';

export function buildDailyReport(days: string[]): string[] {
  return days.map((day) => `${day}: ${formatTotals(fetchDailyTotals(day))}`);
}
