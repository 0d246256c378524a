import { FX_MARKET_CLOSURE, GLOBEX_MARKET_CLOSURE, US_EQUITY_MARKET_CLOSURE } from '../../../constructs/alerting/alertmanager/market-hours';
import { withOpeningHold } from '../../../constructs/alerting/alertmanager/opening-hold';
import type { TimeIntervalSpec } from '../../../constructs/alerting/alertmanager/routing-model';

// Expected intervals are written by hand from the market hours plus the hold, not read from the implementation.
const NEW_YORK = 'America/New_York';

describe('the shipped market closures with a 5 minute opening hold', () => {
  test('US equities stay muted until 09:35 on weekdays; the close and the weekend are unchanged', () => {
    expect(withOpeningHold(US_EQUITY_MARKET_CLOSURE.closed, 5)).toEqual([
      {
        weekdays: ['monday:friday'],
        times: [
          { start: '00:00', end: '09:35' },
          { start: '16:00', end: '24:00' },
        ],
        location: NEW_YORK,
      },
      // Friday 24:00 and Saturday 24:00 are followed by more closure: not opens, no hold.
      { weekdays: ['saturday', 'sunday'], location: NEW_YORK },
    ]);
  });

  test('FX stays muted until Sunday 17:05', () => {
    expect(withOpeningHold(FX_MARKET_CLOSURE.closed, 5)).toEqual([
      { weekdays: ['friday'], times: [{ start: '17:00', end: '24:00' }], location: NEW_YORK },
      { weekdays: ['saturday'], location: NEW_YORK },
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '17:05' }], location: NEW_YORK },
    ]);
  });

  test('CME Globex stays muted until 18:05 after the daily break and the weekend', () => {
    expect(withOpeningHold(GLOBEX_MARKET_CLOSURE.closed, 5)).toEqual([
      { weekdays: ['monday:thursday'], times: [{ start: '17:00', end: '18:05' }], location: NEW_YORK },
      { weekdays: ['friday'], times: [{ start: '17:00', end: '24:00' }], location: NEW_YORK },
      { weekdays: ['saturday'], location: NEW_YORK },
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '18:05' }], location: NEW_YORK },
    ]);
  });
});

describe('holds across day and week boundaries', () => {
  test('an open just before midnight holds into the next day', () => {
    expect(withOpeningHold([{ weekdays: ['monday'], times: [{ start: '20:00', end: '23:58' }], location: 'UTC' }], 5)).toEqual([
      { weekdays: ['monday'], times: [{ start: '20:00', end: '24:00' }], location: 'UTC' },
      { weekdays: ['tuesday'], times: [{ start: '00:00', end: '00:03' }], location: 'UTC' },
    ]);
  });

  test('an open at midnight on Saturday holds into Sunday (the week wraps)', () => {
    expect(withOpeningHold([{ weekdays: ['saturday'], times: [{ start: '22:00', end: '24:00' }] }], 5)).toEqual([
      { weekdays: ['saturday'], times: [{ start: '22:00', end: '24:00' }] },
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '00:05' }] },
    ]);
  });

  test('whole closed days hold into the first open day, and an end continued by another interval is no open', () => {
    const closed: TimeIntervalSpec[] = [
      { weekdays: ['friday'], times: [{ start: '17:00', end: '24:00' }] },
      { weekdays: ['saturday'] },
    ];
    expect(withOpeningHold(closed, 5)).toEqual([
      { weekdays: ['friday'], times: [{ start: '17:00', end: '24:00' }] },
      { weekdays: ['saturday'] },
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '00:05' }] },
    ]);
  });

  test('a break shorter than the hold is muted through', () => {
    const closed: TimeIntervalSpec[] = [{ weekdays: ['monday'], times: [{ start: '10:00', end: '10:30' }, { start: '10:33', end: '11:00' }] }];
    expect(withOpeningHold(closed, 5)).toEqual([{ weekdays: ['monday'], times: [{ start: '10:00', end: '11:05' }] }]);
  });

  test('intervals in different locations are held in their own location', () => {
    const closed: TimeIntervalSpec[] = [
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '17:00' }], location: NEW_YORK },
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '08:00' }], location: 'Asia/Tokyo' },
    ];
    expect(withOpeningHold(closed, 1)).toEqual([
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '17:01' }], location: NEW_YORK },
      { weekdays: ['sunday'], times: [{ start: '00:00', end: '08:01' }], location: 'Asia/Tokyo' },
    ]);
  });
});

describe('dated intervals (holidays, early closes)', () => {
  test('keep their dates; a range that ends before midnight ends the hold later', () => {
    const christmasEve: TimeIntervalSpec = { daysOfMonth: ['24'], months: ['december'], years: ['2026'], times: [{ start: '00:00', end: '12:00' }], location: NEW_YORK };
    expect(withOpeningHold([christmasEve], 5)).toEqual([{ ...christmasEve, times: [{ start: '00:00', end: '12:05' }] }]);
  });

  test('a whole dated day or an early close to midnight is unchanged', () => {
    const thanksgiving: TimeIntervalSpec = { daysOfMonth: ['26'], months: ['november'], years: ['2026'], location: NEW_YORK };
    const earlyClose: TimeIntervalSpec = { daysOfMonth: ['27'], months: ['november'], years: ['2026'], times: [{ start: '13:00', end: '24:00' }], location: NEW_YORK };
    expect(withOpeningHold([thanksgiving, earlyClose], 5)).toEqual([thanksgiving, earlyClose]);
  });

  test('are listed after the weekly intervals of the closure', () => {
    const holiday: TimeIntervalSpec = { daysOfMonth: ['1'], months: ['january'], location: NEW_YORK };
    expect(withOpeningHold([holiday, ...FX_MARKET_CLOSURE.closed], 5)).toEqual([...withOpeningHold(FX_MARKET_CLOSURE.closed, 5), holiday]);
  });
});

test('no hold keeps the intervals as written', () => {
  expect(withOpeningHold(US_EQUITY_MARKET_CLOSURE.closed, 0)).toEqual(US_EQUITY_MARKET_CLOSURE.closed);
});
