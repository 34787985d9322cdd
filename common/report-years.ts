/**
 * Report years. A fiscal year is named by the calendar year it ends in: with the US federal start
 * month (October), FY2010 runs 2009-10-01 … 2010-09-30. A start month of 1 makes fiscal = calendar.
 * Shared by the server's report periods and the analytics' drill-down links, so both cut a year alike.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export function yearBounds(year: number, startMonth: number): { startDate: string; endDate: string } {
  if (startMonth === 1) return { startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  const lastMonth = startMonth - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    startDate: `${year - 1}-${pad(startMonth)}-01`,
    endDate: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}
