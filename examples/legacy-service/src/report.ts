import request from 'sync-request';

export interface DailyTotals {
  orders: number;
  revenue: number;
}

const reportingApi = process.env.REPORTING_API ?? 'http://127.0.0.1:4003';

export function fetchDailyTotals(day: string): DailyTotals {
  const res = request('GET', `${reportingApi}/totals`, { qs: { day } });
  const body = JSON.parse(res.getBody('utf8')) as DailyTotals;
  return { orders: body.orders, revenue: body.revenue };
}

export function formatTotals(totals: DailyTotals): string {
  return `${totals.orders} orders, ${totals.revenue.toFixed(2)} EUR`;
}
