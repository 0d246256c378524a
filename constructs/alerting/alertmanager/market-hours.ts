import type { MarketClosure } from './routing-model';

const NEW_YORK = 'America/New_York';

/**
 * NYSE/Nasdaq regular session, 09:30-16:00 New York time on weekdays; closed otherwise. Exchange holidays are not
 * included: add them per year (`years`, `months`, `daysOfMonth`) when needed.
 */
export const US_EQUITY_MARKET_CLOSURE: MarketClosure = {
  closed: [
    { weekdays: ['saturday', 'sunday'], location: NEW_YORK },
    {
      weekdays: ['monday:friday'],
      times: [
        { start: '00:00', end: '09:30' },
        { start: '16:00', end: '24:00' },
      ],
      location: NEW_YORK,
    },
  ],
};

/** Spot FX trades around the clock from Sunday 17:00 to Friday 17:00 New York time. */
export const FX_MARKET_CLOSURE: MarketClosure = {
  closed: [
    { weekdays: ['friday'], times: [{ start: '17:00', end: '24:00' }], location: NEW_YORK },
    { weekdays: ['saturday'], location: NEW_YORK },
    { weekdays: ['sunday'], times: [{ start: '00:00', end: '17:00' }], location: NEW_YORK },
  ],
};

/**
 * CME Globex hours, which spot metals, energy and rates futures (and the Pyth feeds priced from them) follow: Sunday
 * 18:00 to Friday 17:00 New York time, with a daily maintenance break from 17:00 to 18:00 Monday to Thursday.
 * Exchange holidays are not included.
 */
export const GLOBEX_MARKET_CLOSURE: MarketClosure = {
  closed: [
    { weekdays: ['monday:thursday'], times: [{ start: '17:00', end: '18:00' }], location: NEW_YORK },
    { weekdays: ['friday'], times: [{ start: '17:00', end: '24:00' }], location: NEW_YORK },
    { weekdays: ['saturday'], location: NEW_YORK },
    { weekdays: ['sunday'], times: [{ start: '00:00', end: '18:00' }], location: NEW_YORK },
  ],
};
