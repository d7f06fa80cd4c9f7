import { expect } from '@open-wc/testing';
import {
  addDays,
  addMonths,
  billingPeriod,
  billingPeriodEndingOn,
  calendarMonthEndDate,
  dayNumber,
  divideRoundHalfUp,
  naturalEndDate,
  prorate,
  prorateTo,
} from '../src/mock/proration.js';

describe('proration of the first invoice', () => {
  it('charges a mid-month start from the start date to the month end, inclusive', () => {
    // November has 30 days: the 24th to the 30th is 7 days.
    const p = prorate({ startDate: '2026-11-24', billing: 'monthly', unitPrice: 3600, quantity: 25 });
    expect(p).to.deep.equal({
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      proratedFrom: '2026-11-24',
      chargedDays: 7,
      periodDays: 30,
      periodAmount: 90000,
      proratedAmount: 21000,
    });
  });

  it('charges the whole period when starting on the 1st', () => {
    const p = prorate({ startDate: '2027-03-01', billing: 'monthly', unitPrice: 1250, quantity: 4 });
    expect(p.chargedDays).to.equal(31);
    expect(p.periodDays).to.equal(31);
    expect(p.periodAmount).to.equal(5000);
    expect(p.proratedAmount).to.equal(5000);
  });

  it('charges one day when starting on the last day of the month', () => {
    const p = prorate({ startDate: '2027-03-31', billing: 'monthly', unitPrice: 3600, quantity: 25 });
    expect(p.periodEnd).to.equal('2027-03-31');
    expect(p.chargedDays).to.equal(1);
    // 90000 / 31 = 2903.23 → 2903
    expect(p.proratedAmount).to.equal(2903);
  });

  it('counts 31-day and 30-day months by their own length', () => {
    const january = prorate({ startDate: '2027-01-16', billing: 'monthly', unitPrice: 600, quantity: 10 });
    const april = prorate({ startDate: '2027-04-16', billing: 'monthly', unitPrice: 600, quantity: 10 });
    expect([january.chargedDays, january.periodDays, january.proratedAmount]).to.deep.equal([16, 31, 3097]); // 6000×16/31 = 3096.77
    expect([april.chargedDays, april.periodDays, april.proratedAmount]).to.deep.equal([15, 30, 3000]);
  });

  it('knows February has 29 days in 2028 and 28 in 2027', () => {
    const leap = prorate({ startDate: '2028-02-15', billing: 'monthly', unitPrice: 2200, quantity: 3 });
    const common = prorate({ startDate: '2027-02-15', billing: 'monthly', unitPrice: 2200, quantity: 3 });
    expect([leap.periodEnd, leap.chargedDays, leap.periodDays, leap.proratedAmount]).to.deep.equal(['2028-02-29', 15, 29, 3414]); // 6600×15/29 = 3413.79
    expect([common.periodEnd, common.chargedDays, common.periodDays, common.proratedAmount]).to.deep.equal(['2027-02-28', 14, 28, 3300]);
    expect(prorate({ startDate: '2028-02-29', billing: 'monthly', unitPrice: 2900, quantity: 1 }).proratedAmount).to.equal(100);
  });

  it('rolls a December monthly period over to the month end, not the next year', () => {
    expect(billingPeriod('2026-12-15', 'monthly')).to.deep.equal({ start: '2026-12-01', end: '2026-12-31', days: 31 });
  });

  it('runs an annual period twelve months from the 1st, with 366 days when it spans 29 February', () => {
    expect(billingPeriod('2027-03-10', 'annual')).to.deep.equal({ start: '2027-03-01', end: '2028-02-29', days: 366 });
    expect(billingPeriod('2027-02-10', 'annual')).to.deep.equal({ start: '2027-02-01', end: '2028-01-31', days: 365 });
    expect(billingPeriod('2028-02-01', 'annual')).to.deep.equal({ start: '2028-02-01', end: '2029-01-31', days: 366 });
    expect(billingPeriod('2028-03-01', 'annual')).to.deep.equal({ start: '2028-03-01', end: '2029-02-28', days: 365 });
    expect(billingPeriod('2026-12-15', 'annual')).to.deep.equal({ start: '2026-12-01', end: '2027-11-30', days: 365 });
  });

  it('prorates an annual line across the leap day', () => {
    // 25 × $432.00 a year; 2027-03-10 … 2028-02-29 is 357 of 366 days.
    const p = prorate({ startDate: '2027-03-10', billing: 'annual', unitPrice: 43200, quantity: 25 });
    expect([p.chargedDays, p.periodDays, p.periodAmount, p.proratedAmount]).to.deep.equal([357, 366, 1080000, 1053443]);
  });

  it('rounds half a cent up and less than half down', () => {
    // A 30-day month started on the 16th charges exactly half.
    expect(prorate({ startDate: '2027-04-16', billing: 'monthly', unitPrice: 101, quantity: 1 }).proratedAmount).to.equal(51);
    expect(prorate({ startDate: '2027-04-16', billing: 'monthly', unitPrice: 1005, quantity: 1 }).proratedAmount).to.equal(503);
    expect(prorate({ startDate: '2027-04-16', billing: 'monthly', unitPrice: 100, quantity: 1 }).proratedAmount).to.equal(50);
    expect(divideRoundHalfUp(7, 2)).to.equal(4);
    expect(divideRoundHalfUp(149, 100)).to.equal(1);
    expect(divideRoundHalfUp(150, 100)).to.equal(2);
    expect(divideRoundHalfUp(0, 31)).to.equal(0);
  });

  it('rejects dates that do not exist', () => {
    expect(() => dayNumber('2027-02-29')).to.throw(RangeError);
    expect(() => dayNumber('2027-13-01')).to.throw(RangeError);
    expect(() => prorate({ startDate: '1 March 2027', billing: 'monthly', unitPrice: 1, quantity: 1 })).to.throw(RangeError);
    expect(dayNumber('2028-02-29') - dayNumber('2028-02-28')).to.equal(1);
  });
});

describe('end dates of a new subscription', () => {
  it('ends a term the day before its anniversary, on the last day of shorter months', () => {
    expect(naturalEndDate('2027-01-16', 'P1Y')).to.equal('2028-01-15');
    expect(naturalEndDate('2027-01-16', 'P1M')).to.equal('2027-02-15');
    expect(naturalEndDate('2027-01-16', 'P3Y')).to.equal('2030-01-15');
    // 31 January plus a month is 28 February; the term ends the day before.
    expect(naturalEndDate('2027-01-31', 'P1M')).to.equal('2027-02-27');
    expect(addMonths('2028-02-29', 12)).to.equal('2029-02-28');
    expect(addMonths('2027-03-31', -1)).to.equal('2027-02-28');
  });

  it('offers the last month end on or before that day as the calendar month end', () => {
    expect(calendarMonthEndDate('2027-01-16', 'P1Y')).to.equal('2027-12-31');
    expect(calendarMonthEndDate('2027-01-16', 'P1M')).to.equal('2027-01-31');
    expect(calendarMonthEndDate('2027-01-16', 'P3Y')).to.equal('2029-12-31');
    // Started on the 1st, the natural end is already a month end: a whole term.
    expect(calendarMonthEndDate('2027-03-01', 'P1Y')).to.equal('2028-02-29');
    expect(calendarMonthEndDate('2027-01-01', 'P1M')).to.equal('2027-01-31');
    expect(calendarMonthEndDate('2028-02-29', 'P1Y')).to.equal('2029-01-31');
    expect(calendarMonthEndDate('2027-01-31', 'P1M')).to.equal('2027-01-31');
  });
});

describe('proration to an end date (seats added, chosen end dates)', () => {
  it('agrees with the calendar proration for every start day when the end date is the calendar month end', () => {
    // Two years of start days, through the leap day of 2028, for every term and billing offered.
    const offers = [
      ['P1M', 'monthly'],
      ['P1Y', 'monthly'],
      ['P1Y', 'annual'],
      ['P3Y', 'monthly'],
      ['P3Y', 'annual'],
    ] as const;
    let checked = 0;
    for (let day = dayNumber('2027-01-01'); day <= dayNumber('2028-12-31'); day += 1) {
      const startDate = addDays('2027-01-01', day - dayNumber('2027-01-01'));
      for (const [term, billing] of offers) {
        const input = { startDate, billing, unitPrice: 3600, quantity: 7 };
        expect(prorateTo({ ...input, endDate: calendarMonthEndDate(startDate, term) }), `${startDate} ${term} ${billing}`).to.deep.equal(prorate(input));
        checked += 1;
      }
    }
    expect(checked).to.equal(731 * 5);
  });

  it('prorates seats added to a monthly-billed subscription to its next billing day, not the month end', () => {
    // A subscription ending 3 April bills from the 4th to the 3rd: 4 January to 3 February is 31 days.
    const p = prorateTo({ startDate: '2027-01-16', endDate: '2027-04-03', billing: 'monthly', unitPrice: 2200, quantity: 10 });
    expect(p).to.deep.equal({
      periodStart: '2027-01-04',
      periodEnd: '2027-02-03',
      proratedFrom: '2027-01-16',
      chargedDays: 19,
      periodDays: 31,
      periodAmount: 22000,
      proratedAmount: 13484, // 22000 × 19 / 31 = 13483.87
    });
  });

  it('keeps the billing day of a subscription ending on the 30th, and on February’s last day when it has none', () => {
    expect(billingPeriodEndingOn('2027-02-15', 'monthly', '2027-07-30')).to.deep.equal({ start: '2027-01-31', end: '2027-02-28', days: 29 });
    expect(billingPeriodEndingOn('2027-03-10', 'monthly', '2027-07-30')).to.deep.equal({ start: '2027-03-01', end: '2027-03-30', days: 30 });
    // Ending on a month end, every period ends on one: February ends on the 28th, March on the 31st.
    expect(billingPeriodEndingOn('2027-02-10', 'monthly', '2027-05-31')).to.deep.equal({ start: '2027-02-01', end: '2027-02-28', days: 28 });
    expect(billingPeriodEndingOn('2027-03-31', 'monthly', '2027-05-31')).to.deep.equal({ start: '2027-03-01', end: '2027-03-31', days: 31 });
  });

  it('counts 29 February in a leap year’s monthly period and not in a common year’s', () => {
    const leap = prorateTo({ startDate: '2028-02-10', endDate: '2028-05-29', billing: 'monthly', unitPrice: 600, quantity: 31 });
    expect([leap.periodStart, leap.periodEnd, leap.chargedDays, leap.periodDays, leap.proratedAmount]).to.deep.equal(['2028-01-30', '2028-02-29', 20, 31, 12000]);
    const common = prorateTo({ startDate: '2027-02-10', endDate: '2027-05-29', billing: 'monthly', unitPrice: 600, quantity: 30 });
    // 18000 × 19 / 30 = 11400
    expect([common.periodStart, common.periodEnd, common.chargedDays, common.periodDays, common.proratedAmount]).to.deep.equal(['2027-01-30', '2027-02-28', 19, 30, 11400]);
  });

  it('prorates seats added to an annual-billed subscription to its end date, over a year with a leap day', () => {
    // The year 15 March 2027 – 14 March 2028 has 366 days; 1 June 2027 to its end is 288 of them.
    const p = prorateTo({ startDate: '2027-06-01', endDate: '2028-03-14', billing: 'annual', unitPrice: 43200, quantity: 5 });
    expect([p.periodStart, p.periodEnd, p.chargedDays, p.periodDays, p.periodAmount, p.proratedAmount]).to.deep.equal([
      '2027-03-15', '2028-03-14', 288, 366, 216000, 169967, // 216000 × 288 / 366 = 169967.2
    ]);
  });

  it('prorates only the current year of a three-year annual-billed subscription', () => {
    const p = prorateTo({ startDate: '2027-06-01', endDate: '2029-08-20', billing: 'annual', unitPrice: 68400, quantity: 1 });
    expect([p.periodStart, p.periodEnd, p.chargedDays, p.periodDays]).to.deep.equal(['2026-08-21', '2027-08-20', 81, 365]);
  });

  it('charges a new subscription co-termed with one ending in three months for those months only', () => {
    // Annual billing, aligned with a subscription ending 15 April 2027: 90 of 365 days.
    const p = prorateTo({ startDate: '2027-01-16', endDate: '2027-04-15', billing: 'annual', unitPrice: 26400, quantity: 5 });
    expect([p.periodStart, p.chargedDays, p.periodDays, p.proratedAmount]).to.deep.equal(['2026-04-16', 90, 365, 32548]); // 132000 × 90 / 365 = 32547.9
  });

  it('charges one day on the end date itself, and refuses a start after it', () => {
    expect(prorateTo({ startDate: '2027-04-15', endDate: '2027-04-15', billing: 'monthly', unitPrice: 3100, quantity: 1 }).chargedDays).to.equal(1);
    expect(() => prorateTo({ startDate: '2027-04-16', endDate: '2027-04-15', billing: 'monthly', unitPrice: 1, quantity: 1 })).to.throw(RangeError);
    expect(() => prorateTo({ startDate: '2027-04-01', endDate: '2027-02-30', billing: 'monthly', unitPrice: 1, quantity: 1 })).to.throw(RangeError);
  });
});
