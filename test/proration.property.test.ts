/**
 * Property-based tests of the proration maths behind `POST /quotes`: bounds of every amount,
 * periods that end on month ends, leap years, and the date helpers it stands on.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays, billingPeriod, dayNumber, divideRoundHalfUp, formatDay, prorate } from '../src/mock/proration.js';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const date = fc
  .date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const billing = fc.constantFrom('monthly' as const, 'annual' as const);
const unitPrice = fc.integer({ min: 0, max: 10_000_000 });
const quantity = fc.integer({ min: 1, max: 10_000 });

describe('proration (property-based)', () => {
  it('charges between nothing and the whole period, from the start date to the period end', () => {
    fc.assert(
      fc.property(date, billing, unitPrice, quantity, (startDate, bill, price, qty) => {
        const p = prorate({ startDate, billing: bill, unitPrice: price, quantity: qty });
        expect(p.periodStart <= startDate && startDate <= p.periodEnd, JSON.stringify(p)).to.equal(true);
        expect(p.proratedFrom).to.equal(startDate);
        expect(p.chargedDays).to.be.within(1, p.periodDays);
        expect(p.chargedDays).to.equal(dayNumber(p.periodEnd) - dayNumber(startDate) + 1);
        expect(p.periodAmount).to.equal(price * qty);
        expect(p.proratedAmount).to.be.within(0, p.periodAmount);
        expect(Number.isInteger(p.proratedAmount)).to.equal(true);
        // Rounded half up: within half a cent of the exact share.
        expect(Math.abs(p.proratedAmount - (p.periodAmount * p.chargedDays) / p.periodDays)).to.be.at.most(0.5);
      }),
      { numRuns: 1000 },
    );
  });

  it('starts every period on the 1st and ends it on a month end, a month or a year later', () => {
    fc.assert(
      fc.property(date, billing, (startDate, bill) => {
        const period = billingPeriod(startDate, bill);
        expect(period.start).to.equal(`${startDate.slice(0, 7)}-01`);
        // The day after the end is the 1st of a month: the period ends on a month end.
        const after = addDays(period.end, 1);
        expect(after.slice(8)).to.equal('01');
        const months = (Number(after.slice(0, 4)) - Number(period.start.slice(0, 4))) * 12 + Number(after.slice(5, 7)) - Number(period.start.slice(5, 7));
        expect(months).to.equal(bill === 'annual' ? 12 : 1);
        expect(period.days).to.equal(dayNumber(period.end) - dayNumber(period.start) + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts February as 29 days exactly in leap years, and a year as 366 days exactly when it spans 29 February', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        const monthly = billingPeriod(first, 'monthly');
        const expectedMonth = month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
        expect(monthly.days, first).to.equal(expectedMonth);
        const annual = billingPeriod(first, 'annual');
        // The twelve months from this one contain 29 February of this year (if it is in them) or of the next.
        const spansLeapDay = (month <= 2 && isLeap(year)) || (month > 2 && isLeap(year + 1));
        expect(annual.days, first).to.equal(spansLeapDay ? 366 : 365);
      }),
      { numRuns: 500 },
    );
  });

  it('charges the whole period from the 1st, one day from a month end (monthly), and never more for a later start in the same period', () => {
    fc.assert(
      fc.property(date, billing, unitPrice, quantity, fc.nat(400), (startDate, bill, price, qty, later) => {
        const line = { billing: bill, unitPrice: price, quantity: qty };
        const period = billingPeriod(startDate, bill);
        const whole = prorate({ ...line, startDate: period.start });
        expect(whole.chargedDays).to.equal(whole.periodDays);
        expect(whole.proratedAmount).to.equal(whole.periodAmount);
        // A period is the start date's month (or twelve months from it), so only a monthly one ends in that month.
        const monthEnd = billingPeriod(startDate, 'monthly').end;
        expect(prorate({ ...line, billing: 'monthly', startDate: monthEnd }).chargedDays).to.equal(1);
        const laterDate = addDays(startDate, later);
        if (billingPeriod(laterDate, bill).start === period.start) {
          expect(prorate({ ...line, startDate: laterDate }).proratedAmount).to.be.at.most(prorate({ ...line, startDate }).proratedAmount);
        }
      }),
      { numRuns: 500 },
    );
  });


  it('round-trips real dates and refuses dates that do not exist', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -20_000, max: 20_000 }), (d, days) => {
        expect(formatDay(dayNumber(d))).to.equal(d);
        expect(addDays(addDays(d, days), -days)).to.equal(d);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), (year) => {
        const leapDay = `${year}-02-29`;
        if (isLeap(year)) expect(formatDay(dayNumber(leapDay))).to.equal(leapDay);
        else expect(() => dayNumber(leapDay)).to.throw(RangeError);
        expect(() => dayNumber(`${year}-13-01`)).to.throw(RangeError);
        expect(() => dayNumber(`${year}-04-31`)).to.throw(RangeError);
      }),
    );
  });

  it('divides half up without floating-point error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 400 }), (n, d) => {
        const q = divideRoundHalfUp(n, d);
        // q is the nearest integer to n/d, halves up: 2n - d < 2qd <= 2n + d (exact in integers).
        expect(2 * q * d <= 2 * n + d && 2 * q * d > 2 * n - d, `${n}/${d} → ${q}`).to.equal(true);
      }),
      { numRuns: 1000 },
    );
  });
});
