import { expect } from '@open-wc/testing';
import { billingPeriod, dayNumber, divideRoundHalfUp, prorate } from '../src/mock/proration.js';

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
